//! The Auth0 Token Vault exchange: the user's Auth0 refresh (or access) token is exchanged
//! at the tenant's `/oauth/token` for the provider access token of one of their connected
//! accounts, with the federated-connection token-exchange grant. Failures are typed, so the
//! gate can ask the person to (re)connect instead of reporting an opaque `invalid_grant`.

use deputy_core::Secret;
use serde::Deserialize;
use std::collections::BTreeSet;
use url::Url;

/// The grant type of the exchange.
pub const FEDERATED_GRANT: &str =
    "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token";
/// The requested (and issued) token type.
pub const FEDERATED_TOKEN_TYPE: &str =
    "http://auth0.com/oauth/token-type/federated-connection-access-token";

/// What Deputy holds for the user to exchange.
#[derive(Debug)]
pub enum SubjectToken {
    /// An Auth0 refresh token (the app must not rotate refresh tokens).
    Refresh(Secret<String>),
    /// An Auth0 access token for the API whose Custom API client makes the exchange.
    Access(Secret<String>),
}

impl SubjectToken {
    fn parts(&self) -> (&'static str, &Secret<String>) {
        match self {
            SubjectToken::Refresh(t) => ("urn:ietf:params:oauth:token-type:refresh_token", t),
            SubjectToken::Access(t) => ("urn:ietf:params:oauth:token-type:access_token", t),
        }
    }
}

/// A provider access token from the vault.
#[derive(Debug)]
pub struct FederatedToken {
    pub access_token: Secret<String>,
    pub scopes: BTreeSet<String>,
    pub expires_in: Option<i64>,
}

/// Why the exchange gave no usable token, typed for what the person must do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenVaultError {
    /// No connected account for the connection (or the provider refused the stored refresh
    /// token), or it lacks scopes: the person must connect it (again) at `reconnect_url`.
    #[error(
        "connection `{connection}` needs your consent{}: reconnect at {reconnect_url} ({reason})",
        scopes_hint(.missing_scopes)
    )]
    ConsentRequired {
        connection: String,
        missing_scopes: BTreeSet<String>,
        reconnect_url: String,
        reason: String,
    },
    /// The Auth0 token Deputy holds for the user expired or was revoked: sign in again.
    #[error("your Auth0 session token was refused (`{error}`); sign in to deputy again")]
    SubjectTokenInvalid { error: String },
    /// The client may not use the Token Vault grant (tenant configuration).
    #[error(
        "the Auth0 client is not allowed the Token Vault grant (`{error}`); enable it for the application in Auth0"
    )]
    GrantNotAllowed { error: String },
    /// Deputy's own client credentials were refused.
    #[error("Auth0 refused deputy's client credentials (`{error}`)")]
    ClientAuthFailed { error: String },
    #[error("the Token Vault exchange failed: HTTP {status} `{error}`{}", describe(.description))]
    Other {
        status: u16,
        error: String,
        description: Option<String>,
    },
    #[error("cannot reach Auth0: {0}")]
    Transport(String),
}

fn scopes_hint(s: &BTreeSet<String>) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(
            " for {}",
            s.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

fn describe(d: &Option<String>) -> String {
    d.as_deref().map(|d| format!(": {d}")).unwrap_or_default()
}

#[derive(Deserialize)]
struct Response {
    access_token: Option<String>,
    scope: Option<String>,
    expires_in: Option<i64>,
    error: Option<String>,
    error_description: Option<String>,
}

/// A client of one tenant's token endpoint.
#[derive(Debug)]
pub struct TokenVaultClient {
    token_url: Url,
    client_id: String,
    client_secret: Secret<String>,
    /// Where a person (re)connects an account; `{connection}` is replaced.
    reconnect_url: String,
    http: reqwest::Client,
}

impl TokenVaultClient {
    /// `token_url` is `https://{tenant}/oauth/token`.
    pub fn new(
        token_url: Url,
        client_id: impl Into<String>,
        client_secret: Secret<String>,
        reconnect_url: impl Into<String>,
        http: reqwest::Client,
    ) -> Self {
        Self {
            token_url,
            client_id: client_id.into(),
            client_secret,
            reconnect_url: reconnect_url.into(),
            http,
        }
    }

    fn consent(
        &self,
        connection: &str,
        missing: BTreeSet<String>,
        reason: String,
    ) -> TokenVaultError {
        TokenVaultError::ConsentRequired {
            connection: connection.to_owned(),
            missing_scopes: missing,
            reconnect_url: self.reconnect_url.replace("{connection}", connection),
            reason,
        }
    }

    /// Exchanges `subject` for `connection`'s provider token and checks afterwards that it
    /// carries `required_scopes` (as Auth0's SDKs do; the exchange itself sends no scope).
    pub async fn exchange(
        &self,
        subject: &SubjectToken,
        connection: &str,
        login_hint: Option<&str>,
        required_scopes: &BTreeSet<String>,
    ) -> Result<FederatedToken, TokenVaultError> {
        let (subject_type, token) = subject.parts();
        let mut form: Vec<(&str, &str)> = vec![
            ("grant_type", FEDERATED_GRANT),
            ("client_id", &self.client_id),
            ("client_secret", self.client_secret.expose()),
            ("subject_token_type", subject_type),
            ("subject_token", token.expose()),
            ("requested_token_type", FEDERATED_TOKEN_TYPE),
            ("connection", connection),
        ];
        if let Some(h) = login_hint {
            form.push(("login_hint", h));
        }
        let resp = self
            .http
            .post(self.token_url.clone())
            .header(reqwest::header::ACCEPT, "application/json")
            .form(&form)
            .send()
            .await
            .map_err(|e| TokenVaultError::Transport(e.without_url().to_string()))?;
        let status = resp.status().as_u16();
        let body = Secret::new(
            resp.text()
                .await
                .map_err(|e| TokenVaultError::Transport(e.without_url().to_string()))?,
        );
        let parsed: Option<Response> = serde_json::from_str(body.expose()).ok();
        let ok = (200..300).contains(&status);
        match parsed {
            Some(Response {
                access_token: Some(access),
                scope,
                expires_in,
                error: None,
                ..
            }) if ok => {
                let access = Secret::new(access);
                let scopes: BTreeSet<String> = scope
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect();
                let missing: BTreeSet<String> =
                    required_scopes.difference(&scopes).cloned().collect();
                if !missing.is_empty() {
                    return Err(self.consent(
                        connection,
                        missing,
                        "the connected account was not granted every scope the action needs".into(),
                    ));
                }
                Ok(FederatedToken {
                    access_token: access,
                    scopes,
                    expires_in,
                })
            }
            Some(r) => Err(self.classify(
                status,
                r.error,
                r.error_description,
                connection,
                required_scopes,
            )),
            None => Err(self.classify(status, None, None, connection, required_scopes)),
        }
    }

    fn classify(
        &self,
        status: u16,
        error: Option<String>,
        description: Option<String>,
        connection: &str,
        required: &BTreeSet<String>,
    ) -> TokenVaultError {
        let error = error.unwrap_or_else(|| "no_error_code".into());
        let desc = description.clone().unwrap_or_default().to_ascii_lowercase();
        match (status, error.as_str()) {
            (_, "federated_connection_refresh_token_not_found") => self.consent(
                connection,
                required.clone(),
                "no connected account for this connection".into(),
            ),
            (_, "federated_connection_refresh_token_flow_failed") => self.consent(
                connection,
                required.clone(),
                "the provider refused the stored refresh token".into(),
            ),
            (401, _) if desc.contains("tokenset") || desc.contains("connected account") => self
                .consent(
                    connection,
                    required.clone(),
                    description.unwrap_or_default(),
                ),
            (_, "unauthorized_client") | (403, _) => TokenVaultError::GrantNotAllowed { error },
            (_, "invalid_client") => TokenVaultError::ClientAuthFailed { error },
            (_, "invalid_grant" | "expired_token" | "invalid_token") | (401, _) => {
                TokenVaultError::SubjectTokenInvalid { error }
            }
            _ => TokenVaultError::Other {
                status,
                error,
                description,
            },
        }
    }
}
