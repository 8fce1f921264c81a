//! Connected accounts: the OAuth connect flow, refreshing before expiry (one refresher per
//! account), revoking at the provider, and Auth0 Token Vault-backed connections.

use crate::{App, AppError};
use deputy_audit::AuditEvent;
use deputy_core::Secret;
use deputy_identity::{
    CallbackListener, Endpoints, OAuthClient, ProviderKind, SubjectToken, TokenVaultClient,
};
use deputy_store::StoredCredential;
use deputy_vault::{CredentialId, CredentialKind, CredentialMeta, CredentialSecret};
use std::collections::BTreeSet;
use std::time::Duration;

/// How long `deputy connect` waits for the browser to come back.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(300);
/// Access tokens this close to expiry are refreshed before use.
const REFRESH_MARGIN: time::Duration = time::Duration::seconds(60);

fn target(id: &CredentialId) -> String {
    format!("connection:{}/{}/{}", id.owner, id.provider, id.connection)
}

fn provider(name: &str) -> Result<ProviderKind, AppError> {
    ProviderKind::from_name(name)
        .ok_or_else(|| AppError::Usage(format!("unknown provider `{name}`")))
}

impl App {
    fn oauth_client(
        &self,
        kind: ProviderKind,
        redirect_uri: &str,
    ) -> Result<OAuthClient, AppError> {
        let name = kind.name();
        let cfg = self.config.oauth.get(name).ok_or_else(|| {
            AppError::Usage(format!(
                "no OAuth client for `{name}`: set `[oauth.{name}] client_id` in deputy.toml or DEPUTY_OAUTH_{}_CLIENT_ID",
                name.to_ascii_uppercase()
            ))
        })?;
        let secret = cfg.client_secret.as_ref().ok_or_else(|| {
            AppError::Usage(format!(
                "the `{name}` OAuth client's secret is not set: export DEPUTY_OAUTH_{}_CLIENT_SECRET",
                name.to_ascii_uppercase()
            ))
        })?;
        let secret = Secret::from_str_copy(secret.expose());
        let mut endpoints = Endpoints::of(kind.spec(), &cfg.tenant, &cfg.client_id)?;
        if let Some(base) = &cfg.base_url {
            let base = url::Url::parse(base).map_err(|e| {
                AppError::Usage(format!("`[oauth.{name}] base_url = {base:?}`: {e}"))
            })?;
            endpoints = endpoints.rebased(&base)?;
        }
        Ok(OAuthClient::new(
            kind,
            cfg.client_id.clone(),
            secret,
            redirect_uri,
            endpoints,
            deputy_identity::http_client()?,
        ))
    }

    /// Runs the OAuth connect flow for the person: `show_url` is given the authorize URL to
    /// open; a one-shot listener on 127.0.0.1 takes the redirect; the tokens are sealed in
    /// the vault (with Atlassian's cloud ids).
    pub async fn connect_oauth(
        &self,
        provider_name: &str,
        connection: &str,
        scopes: &[String],
        show_url: impl FnOnce(&str),
    ) -> Result<CredentialMeta, AppError> {
        let kind = provider(provider_name)?;
        let port = self
            .config
            .oauth
            .get(kind.name())
            .map_or(8765, |c| c.redirect_port);
        // The key is needed at the end; fail before sending anyone to a browser.
        let ring = self.keyring()?;
        let listener = CallbackListener::bind(port).await?;
        let client = self.oauth_client(kind, &listener.redirect_uri())?;
        let request = client.authorize(scopes)?;
        show_url(request.url.as_str());
        let code = listener.wait(&request.state, CONNECT_TIMEOUT).await?;
        let tokens = client.exchange_code(&code, &request).await?;
        let mut extra = tokens.extra.clone();
        if kind == ProviderKind::Atlassian {
            let sites = client.accessible_resources(&tokens.access_token).await?;
            extra.insert(
                "cloud_ids".into(),
                sites
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
            );
            extra.insert(
                "sites".into(),
                sites
                    .iter()
                    .map(|s| s.url.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
            );
        }
        let now = self.now();
        let id = CredentialId::new(self.config.actor.clone(), kind.name(), connection);
        let granted = if tokens.scopes.is_empty() {
            request.scopes.iter().cloned().collect()
        } else {
            tokens.scopes.clone()
        };
        let meta = CredentialMeta {
            id: id.clone(),
            kind: CredentialKind::Oauth,
            scopes: granted,
            expires_at: tokens.expires_in.map(|s| now + time::Duration::seconds(s)),
            has_refresh_token: tokens.refresh_token.is_some(),
            extra,
            created_at: now,
            updated_at: now,
        };
        let secret = CredentialSecret {
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
        };
        let sealed = ring.seal(&id, &secret)?;
        let event = AuditEvent::new(
            now,
            self.actor(),
            "vault.credential.store",
            target(&id),
            "ok",
        )
        .with("kind", "oauth")
        .with(
            "scopes",
            meta.scopes.iter().cloned().collect::<Vec<_>>().join(" "),
        )
        .with("key", sealed.kek_id.clone());
        self.store
            .put_credential(
                &StoredCredential {
                    meta: meta.clone(),
                    sealed,
                },
                vec![event],
            )
            .await?;
        Ok(meta)
    }

    /// The provider access token of a stored credential, refreshed first if it expires
    /// within a minute (one refresher per account; the rotated refresh token is stored
    /// before the new access token is used), or exchanged through Auth0 Token Vault.
    pub(crate) async fn access_token_for(
        &self,
        stored: StoredCredential,
        scopes: &BTreeSet<String>,
    ) -> Result<Secret<String>, AppError> {
        let ring = self.keyring()?;
        match stored.meta.kind {
            CredentialKind::ApiToken => {
                Ok(ring.open(&stored.meta.id, &stored.sealed)?.access_token)
            }
            CredentialKind::Auth0TokenVault => {
                let subject = ring.open(&stored.meta.id, &stored.sealed)?;
                self.token_vault_exchange(&stored.meta.id, subject.access_token, scopes)
                    .await
            }
            CredentialKind::Oauth => {
                let due = |m: &CredentialMeta| {
                    m.has_refresh_token
                        && m.expires_at
                            .is_some_and(|e| e - self.now() <= REFRESH_MARGIN)
                };
                if !due(&stored.meta) {
                    return Ok(ring.open(&stored.meta.id, &stored.sealed)?.access_token);
                }
                let id = stored.meta.id.clone();
                let key = target(&id);
                // INVARIANT: one refresher per account: in this process (the gate), then
                // among every instance sharing the database (the store's lock).
                let _held = self.refresh_gate.lock(&key).await;
                self.store
                    .with_instance_lock(&key, || self.refresh_locked(&id, &ring, due))
                    .await?
            }
        }
    }

    /// The refresh itself, under both locks: re-read, refresh if still due, store the
    /// rotated refresh token, then hand out the new access token.
    async fn refresh_locked(
        &self,
        id: &CredentialId,
        ring: &deputy_vault::Keyring,
        due: impl Fn(&CredentialMeta) -> bool,
    ) -> Result<Secret<String>, AppError> {
        // INVARIANT: re-read under the lock: another refresher may have rotated it.
        let current = self.store.credential(id).await?.ok_or_else(|| {
            AppError::Store(deputy_store::StoreError::not_found(
                "connection",
                target(id),
            ))
        })?;
        let secret = ring.open(id, &current.sealed)?;
        if !due(&current.meta) {
            return Ok(secret.access_token);
        }
        let kind = provider(&id.provider)?;
        let client = self.oauth_client(kind, "http://127.0.0.1/callback")?;
        let refresh = secret
            .refresh_token
            .ok_or_else(|| AppError::Usage("no refresh token".into()))?;
        let scopes_vec: Vec<String> = current.meta.scopes.iter().cloned().collect();
        let now = self.now();
        let tokens = match client.refresh(&refresh, &scopes_vec).await {
            Ok(t) => t,
            Err(e) => {
                self.store
                    .append_audit(vec![
                        AuditEvent::new(
                            now,
                            deputy_core::Actor::system("vault"),
                            "vault.credential.refresh",
                            target(id),
                            "failed",
                        )
                        .with("reason", e.to_string()),
                    ])
                    .await?;
                return Err(e.into());
            }
        };
        let new_secret = CredentialSecret {
            access_token: tokens.access_token,
            // Google sends no new refresh token: the old one stays valid.
            refresh_token: Some(tokens.refresh_token.unwrap_or(refresh)),
        };
        let sealed = ring.seal(id, &new_secret)?;
        let mut meta = current.meta.clone();
        meta.expires_at = tokens.expires_in.map(|s| now + time::Duration::seconds(s));
        meta.updated_at = now;
        if !tokens.scopes.is_empty() {
            meta.scopes = tokens.scopes;
        }
        let event = AuditEvent::new(
            now,
            deputy_core::Actor::system("vault"),
            "vault.credential.refresh",
            target(id),
            "ok",
        )
        .with("key", sealed.kek_id.clone());
        self.store
            .put_credential(&StoredCredential { meta, sealed }, vec![event])
            .await?;
        Ok(new_secret.access_token)
    }

    async fn token_vault_exchange(
        &self,
        id: &CredentialId,
        subject: Secret<String>,
        scopes: &BTreeSet<String>,
    ) -> Result<Secret<String>, AppError> {
        let cfg = self.config.token_vault.as_ref().ok_or_else(|| {
            AppError::Usage(
                "Auth0 Token Vault is not configured: set `[auth0_token_vault]` in deputy.toml"
                    .into(),
            )
        })?;
        let secret = self
            .config
            .token_vault_client_secret
            .as_ref()
            .ok_or_else(|| {
                AppError::Usage(
                    "the Auth0 Token Vault client's secret is not set: export DEPUTY_AUTH0_TOKEN_VAULT_CLIENT_SECRET".into(),
                )
            })?;
        let secret = Secret::from_str_copy(secret.expose());
        let url = url::Url::parse(&cfg.token_url)
            .map_err(|e| AppError::Usage(format!("`auth0_token_vault.token_url`: {e}")))?;
        let client = TokenVaultClient::new(
            url,
            cfg.client_id.clone(),
            secret,
            cfg.reconnect_url.clone(),
            deputy_identity::http_client()?,
        );
        let now = self.now();
        let outcome = client
            .exchange(
                &SubjectToken::Refresh(subject),
                &id.connection,
                None,
                scopes,
            )
            .await;
        let event = AuditEvent::new(
            now,
            deputy_core::Actor::system("vault"),
            "vault.token_vault.exchange",
            target(id),
            if outcome.is_ok() { "ok" } else { "denied" },
        );
        let event = match &outcome {
            Ok(_) => event,
            Err(e) => event.with("reason", e.to_string()),
        };
        self.store.append_audit(vec![event]).await?;
        Ok(outcome?.access_token)
    }

    /// Revokes the token at the provider where it can be (OAuth connections), then deletes
    /// the connection. Returns what the provider said (`None` when nothing was sent).
    pub(crate) async fn revoke_remote(&self, stored: &StoredCredential) -> Option<String> {
        if stored.meta.kind != CredentialKind::Oauth {
            return None;
        }
        let result = async {
            let kind = provider(&stored.meta.id.provider)?;
            let ring = self.keyring()?;
            let secret = ring.open(&stored.meta.id, &stored.sealed)?;
            let client = self.oauth_client(kind, "http://127.0.0.1/callback")?;
            client.revoke(&secret.access_token).await?;
            Ok::<_, AppError>(())
        }
        .await;
        Some(match result {
            Ok(()) => "revoked".into(),
            Err(e) => format!("not revoked: {e}"),
        })
    }
}
