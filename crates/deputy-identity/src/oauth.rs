//! The authorization-code flow with PKCE and `state`, refresh and revocation, per the
//! provider table.

use crate::OAuthError;
use crate::pkce::{Pkce, random_token};
use crate::provider::{ClientAuth, Endpoints, ProviderKind, Revocation, TokenBody};
use deputy_core::Secret;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use url::Url;
use zeroize::Zeroize;

/// Where to send the person, and what the flow must remember until the redirect comes
/// back (the `state` to compare, the PKCE verifier for the code exchange).
#[derive(Debug)]
pub struct AuthorizationRequest {
    pub url: Url,
    pub state: String,
    pub pkce: Pkce,
    pub scopes: Vec<String>,
}

/// Tokens from a code exchange or a refresh.
#[derive(Debug)]
pub struct TokenSet {
    pub access_token: Secret<String>,
    /// A new refresh token, if the provider sent one (rotating providers always do).
    pub refresh_token: Option<Secret<String>>,
    /// Seconds until the access token expires, if it does.
    pub expires_in: Option<i64>,
    pub scopes: BTreeSet<String>,
    /// Facts that are not secret: Slack's team and bot user, Zoom's API URL.
    pub extra: BTreeMap<String, String>,
}

/// An Atlassian site the token can reach (`id` is the cloud id in API paths).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessibleResource {
    pub id: String,
    pub url: String,
    pub name: String,
    #[serde(default)]
    pub scopes: Vec<String>,
}

/// An OAuth client of one provider.
#[derive(Debug)]
pub struct OAuthClient {
    kind: ProviderKind,
    client_id: String,
    client_secret: Secret<String>,
    redirect_uri: String,
    endpoints: Endpoints,
    http: reqwest::Client,
}

#[derive(Deserialize)]
struct RawToken {
    ok: Option<bool>,
    error: Option<String>,
    error_description: Option<String>,
    access_token: Option<String>,
    refresh_token: Option<String>,
    expires_in: Option<serde_json::Value>,
    scope: Option<String>,
    authed_user: Option<RawSlackUser>,
    team: Option<RawSlackTeam>,
    bot_user_id: Option<String>,
    api_url: Option<String>,
}

#[derive(Deserialize)]
struct RawSlackUser {
    access_token: Option<String>,
    refresh_token: Option<String>,
    expires_in: Option<serde_json::Value>,
    scope: Option<String>,
    id: Option<String>,
}

#[derive(Deserialize)]
struct RawSlackTeam {
    id: Option<String>,
}

fn seconds(v: Option<&serde_json::Value>) -> Option<i64> {
    match v? {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn scopes_of(s: Option<&str>) -> BTreeSet<String> {
    s.unwrap_or_default()
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl OAuthClient {
    pub fn new(
        kind: ProviderKind,
        client_id: impl Into<String>,
        client_secret: Secret<String>,
        redirect_uri: impl Into<String>,
        endpoints: Endpoints,
        http: reqwest::Client,
    ) -> Self {
        Self {
            kind,
            client_id: client_id.into(),
            client_secret,
            redirect_uri: redirect_uri.into(),
            endpoints,
            http,
        }
    }

    pub fn kind(&self) -> ProviderKind {
        self.kind
    }

    fn name(&self) -> &'static str {
        self.kind.name()
    }

    /// The authorize URL for `scopes` (plus the provider's required ones), with a fresh
    /// `state` and PKCE S256 challenge.
    pub fn authorize(&self, scopes: &[String]) -> Result<AuthorizationRequest, OAuthError> {
        let spec = self.kind.spec();
        let mut all: Vec<String> = scopes.to_vec();
        for s in spec.required_scopes {
            if !all.iter().any(|x| x == s) {
                all.push((*s).to_owned());
            }
        }
        let state = random_token(24)?;
        let pkce = Pkce::generate()?;
        let mut url = self.endpoints.authorize.clone();
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("client_id", &self.client_id)
                .append_pair("redirect_uri", &self.redirect_uri)
                .append_pair("scope", &all.join(spec.scope_separator))
                .append_pair("state", &state)
                .append_pair("code_challenge", &pkce.challenge)
                .append_pair("code_challenge_method", "S256");
            for (k, v) in spec.authorize_params {
                q.append_pair(k, v);
            }
        }
        Ok(AuthorizationRequest {
            url,
            state,
            pkce,
            scopes: all,
        })
    }

    /// Exchanges the redirect's `code` for tokens, proving possession of the verifier.
    pub async fn exchange_code(
        &self,
        code: &str,
        request: &AuthorizationRequest,
    ) -> Result<TokenSet, OAuthError> {
        let params = vec![
            ("grant_type", "authorization_code".to_owned()),
            ("code", code.to_owned()),
            ("redirect_uri", self.redirect_uri.clone()),
            ("code_verifier", request.pkce.verifier.expose().clone()),
        ];
        self.token_request(params, &request.scopes).await
    }

    /// Uses a refresh token for `scopes` (sent only where the provider wants them).
    /// Callers serialize refreshes per account ([`crate::RefreshGate`]) and store a
    /// rotated refresh token before using the new access token.
    pub async fn refresh(
        &self,
        refresh_token: &Secret<String>,
        scopes: &[String],
    ) -> Result<TokenSet, OAuthError> {
        let params = vec![
            ("grant_type", "refresh_token".to_owned()),
            ("refresh_token", refresh_token.expose().clone()),
        ];
        self.token_request(params, scopes).await
    }

    async fn token_request(
        &self,
        mut params: Vec<(&'static str, String)>,
        scopes: &[String],
    ) -> Result<TokenSet, OAuthError> {
        let spec = self.kind.spec();
        if spec.scope_in_token_request {
            params.push(("scope", scopes.join(spec.scope_separator)));
        }
        if spec.client_auth == ClientAuth::Body {
            params.push(("client_id", self.client_id.clone()));
            params.push(("client_secret", self.client_secret.expose().clone()));
        }
        let mut req = self
            .http
            .post(self.endpoints.token.clone())
            .header(reqwest::header::ACCEPT, "application/json");
        if spec.client_auth == ClientAuth::Basic {
            req = req.basic_auth(&self.client_id, Some(self.client_secret.expose()));
        }
        req = match spec.token_body {
            TokenBody::Form => req.form(&params),
            TokenBody::Json => {
                let body: BTreeMap<&str, &str> =
                    params.iter().map(|(k, v)| (*k, v.as_str())).collect();
                req.json(&body)
            }
        };
        // The parameters held secrets (code verifier, refresh token, client secret).
        for (_, v) in params.iter_mut() {
            v.zeroize();
        }
        let resp = req.send().await.map_err(|e| self.transport(e))?;
        let status = resp.status().as_u16();
        let body = Secret::new(resp.text().await.map_err(|e| self.transport(e))?);
        self.parse_token(status, body.expose())
    }

    fn transport(&self, e: reqwest::Error) -> OAuthError {
        OAuthError::Transport {
            provider: self.name(),
            // Without the URL: a query could hold a token.
            message: e.without_url().to_string(),
        }
    }

    fn parse_token(&self, status: u16, body: &str) -> Result<TokenSet, OAuthError> {
        let raw: RawToken = match serde_json::from_str(body) {
            Ok(r) => r,
            // GitHub answers form-encoded unless asked for JSON; accept both.
            Err(_) => {
                let map: serde_json::Map<String, serde_json::Value> =
                    url::form_urlencoded::parse(body.as_bytes())
                        .map(|(k, v)| (k.into_owned(), serde_json::Value::String(v.into_owned())))
                        .collect();
                serde_json::from_value(serde_json::Value::Object(map)).map_err(|_| {
                    if (200..300).contains(&status) {
                        OAuthError::Malformed {
                            provider: self.name(),
                            message: "neither JSON nor a form".into(),
                        }
                    } else {
                        OAuthError::Http {
                            provider: self.name(),
                            status,
                        }
                    }
                })?
            }
        };
        // INVARIANT: the error field wins over the status: GitHub reports errors with 200
        // and Slack with `ok: false`.
        if raw.ok == Some(false) || raw.error.is_some() {
            return Err(OAuthError::Provider {
                provider: self.name(),
                status,
                error: raw.error.unwrap_or_else(|| "unknown_error".into()),
                description: raw.error_description,
            });
        }
        if !(200..300).contains(&status) {
            return Err(OAuthError::Http {
                provider: self.name(),
                status,
            });
        }
        let mut extra = BTreeMap::new();
        if let Some(t) = raw.team.and_then(|t| t.id) {
            extra.insert("team_id".to_owned(), t);
        }
        if let Some(b) = raw.bot_user_id {
            extra.insert("bot_user_id".to_owned(), b);
        }
        if let Some(u) = raw.api_url {
            extra.insert("api_url".to_owned(), u);
        }
        // Slack: a bot token at the top, or only a user token under `authed_user`.
        let (access, refresh, expires, scope) = match (raw.access_token, raw.authed_user) {
            (Some(a), _) => (
                a,
                raw.refresh_token,
                seconds(raw.expires_in.as_ref()),
                raw.scope,
            ),
            (None, Some(u)) => {
                if let Some(id) = u.id {
                    extra.insert("authed_user_id".to_owned(), id);
                }
                match u.access_token {
                    Some(a) => (a, u.refresh_token, seconds(u.expires_in.as_ref()), u.scope),
                    None => return Err(self.no_token()),
                }
            }
            (None, None) => return Err(self.no_token()),
        };
        Ok(TokenSet {
            access_token: Secret::new(access),
            refresh_token: refresh.map(Secret::new),
            expires_in: expires,
            scopes: scopes_of(scope.as_deref()),
            extra,
        })
    }

    fn no_token(&self) -> OAuthError {
        OAuthError::Malformed {
            provider: self.name(),
            message: "no `access_token` in the response".into(),
        }
    }

    /// Revokes `token` where the provider has an API for it.
    pub async fn revoke(&self, token: &Secret<String>) -> Result<(), OAuthError> {
        let spec = self.kind.spec();
        let Some(url) = self.endpoints.revoke.clone() else {
            return Err(OAuthError::RevokeUnsupported(self.name()));
        };
        let req = match spec.revocation {
            Revocation::None => return Err(OAuthError::RevokeUnsupported(self.name())),
            Revocation::GithubGrant => self
                .http
                .delete(url)
                .basic_auth(&self.client_id, Some(self.client_secret.expose()))
                .header(reqwest::header::ACCEPT, "application/vnd.github+json")
                .json(&serde_json::json!({ "access_token": token.expose() })),
            Revocation::FormToken { basic } => {
                let r = self.http.post(url).form(&[("token", token.expose())]);
                if basic {
                    r.basic_auth(&self.client_id, Some(self.client_secret.expose()))
                } else {
                    r
                }
            }
            Revocation::SlackAuthRevoke => self.http.post(url).bearer_auth(token.expose()),
        };
        let resp = req.send().await.map_err(|e| self.transport(e))?;
        let status = resp.status().as_u16();
        let body = resp.text().await.unwrap_or_default();
        let parsed: Option<RawToken> = serde_json::from_str(&body).ok();
        if let Some(raw) = parsed
            && (raw.ok == Some(false) || raw.error.is_some())
        {
            return Err(OAuthError::Provider {
                provider: self.name(),
                status,
                error: raw.error.unwrap_or_else(|| "unknown_error".into()),
                description: raw.error_description,
            });
        }
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(OAuthError::Http {
                provider: self.name(),
                status,
            })
        }
    }

    /// Atlassian: the sites the token can reach, whose `id` is the cloud id.
    pub async fn accessible_resources(
        &self,
        access_token: &Secret<String>,
    ) -> Result<Vec<AccessibleResource>, OAuthError> {
        let Some(url) = self.endpoints.resources.clone() else {
            return Err(OAuthError::Config(format!(
                "{} has no accessible-resources endpoint",
                self.name()
            )));
        };
        let resp = self
            .http
            .get(url)
            .bearer_auth(access_token.expose())
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| self.transport(e))?;
        let status = resp.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(OAuthError::Http {
                provider: self.name(),
                status,
            });
        }
        resp.json().await.map_err(|e| OAuthError::Malformed {
            provider: self.name(),
            message: e.without_url().to_string(),
        })
    }
}
