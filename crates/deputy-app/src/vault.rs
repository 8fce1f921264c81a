//! The vault's use-cases: the key file, storing and revoking connections, leases, and key
//! rotation. Every change is written together with its audit event.

use crate::{App, AppError};
use deputy_audit::AuditEvent;
use deputy_core::{Actor, Secret};
use deputy_store::{StoreError, StoredCredential};
use deputy_vault::{
    CredentialId, CredentialKind, CredentialMeta, CredentialSecret, Kek, Keyring, Lease,
    LeaseRequest, VaultError, check_redeem, issue_lease,
};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The environment variable that gives the vault key itself (base64) instead of a file.
pub const VAULT_KEY_ENV: &str = "DEPUTY_VAULT_KEY";

/// What `deputy vault rotate-key` did.
#[derive(Debug, Clone, Serialize)]
pub struct KeyRotation {
    pub old_key: String,
    pub new_key: String,
    pub credentials: usize,
    pub key_file: PathBuf,
}

fn target(id: &CredentialId) -> String {
    format!("connection:{}/{}/{}", id.owner, id.provider, id.connection)
}

fn scopes_text(s: &BTreeSet<String>) -> String {
    s.iter().cloned().collect::<Vec<_>>().join(" ")
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes a new random key to `path`, readable by its owner only; refuses to overwrite.
pub fn write_new_key_file(path: &Path) -> Result<Kek, AppError> {
    let kek = Kek::generate()?;
    let io = |source| {
        AppError::VaultKey(format!(
            "cannot write vault key `{}`: {source}",
            path.display()
        ))
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(io)?;
    let text = kek.to_base64();
    file.write_all(text.expose().as_bytes()).map_err(io)?;
    file.write_all(b"\n").map_err(io)?;
    file.sync_all().map_err(io)?;
    Ok(kek)
}

/// Creates the key file unless it exists; true if it was created.
pub fn ensure_key_file(path: &Path) -> Result<bool, AppError> {
    if path.exists() {
        read_key_file(path)?;
        return Ok(false);
    }
    write_new_key_file(path)?;
    Ok(true)
}

/// Reads a key file, refusing one that group or others can read.
fn read_key_file(path: &Path) -> Result<Kek, AppError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        AppError::VaultKey(if e.kind() == std::io::ErrorKind::NotFound {
            format!(
                "no vault key at `{}`: run `deputy init` (or `deputy vault init`), or set {VAULT_KEY_ENV}",
                path.display()
            )
        } else {
            format!("cannot read vault key `{}`: {e}", path.display())
        })
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(AppError::VaultKey(format!(
                "vault key `{}` is readable by others (mode {mode:04o}); run `chmod 600 {}`",
                path.display(),
                path.display()
            )));
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    let text = Secret::new(std::fs::read_to_string(path).map_err(|e| {
        AppError::VaultKey(format!("cannot read vault key `{}`: {e}", path.display()))
    })?);
    Ok(Kek::from_base64(
        text.expose(),
        &format!("file `{}`", path.display()),
    )?)
}

impl App {
    /// The vault key: from `DEPUTY_VAULT_KEY`, else the key file (plus the next key of a
    /// rotation that did not finish, so every credential still opens).
    pub(crate) fn keyring(&self) -> Result<Keyring, AppError> {
        if let Ok(v) = std::env::var(VAULT_KEY_ENV)
            && !v.trim().is_empty()
        {
            let v = Secret::new(v);
            return Ok(Keyring::new(Kek::from_base64(v.expose(), VAULT_KEY_ENV)?));
        }
        let path = &self.config.vault_key_file;
        let mut ring = Keyring::new(read_key_file(path)?);
        let next = sibling(path, ".next");
        if next.exists() {
            ring = ring.with_other(read_key_file(&next)?);
        }
        Ok(ring)
    }

    fn person(&self) -> Actor {
        self.actor()
    }

    /// Stores an API token or personal access token for the person running Deputy.
    pub async fn store_api_token(
        &self,
        provider: &str,
        connection: &str,
        token: Secret<String>,
        scopes: BTreeSet<String>,
    ) -> Result<CredentialMeta, AppError> {
        self.store_token(
            CredentialKind::ApiToken,
            provider,
            connection,
            token,
            scopes,
        )
        .await
    }

    /// Stores the person's Auth0 refresh token for a connection backed by Auth0 Token Vault:
    /// `connection` is the Auth0 connection's name (`github`, `google-oauth2`, …), and
    /// provider tokens are exchanged for it at lease time.
    pub async fn store_token_vault_connection(
        &self,
        provider: &str,
        connection: &str,
        auth0_refresh_token: Secret<String>,
        scopes: BTreeSet<String>,
    ) -> Result<CredentialMeta, AppError> {
        if self.config.token_vault.is_none() {
            return Err(AppError::Usage(
                "Auth0 Token Vault is not configured: set `[auth0_token_vault]` in deputy.toml"
                    .into(),
            ));
        }
        self.store_token(
            CredentialKind::Auth0TokenVault,
            provider,
            connection,
            auth0_refresh_token,
            scopes,
        )
        .await
    }

    async fn store_token(
        &self,
        kind: CredentialKind,
        provider: &str,
        connection: &str,
        token: Secret<String>,
        scopes: BTreeSet<String>,
    ) -> Result<CredentialMeta, AppError> {
        if token.expose().trim().is_empty() {
            return Err(AppError::Usage("the token is empty".into()));
        }
        let ring = self.keyring()?;
        let now = self.now();
        let id = CredentialId::new(self.config.actor.clone(), provider, connection);
        let secret = CredentialSecret {
            access_token: Secret::new(token.expose().trim().to_owned()),
            refresh_token: None,
        };
        let sealed = ring.seal(&id, &secret)?;
        let created_at = match self.store.credential(&id).await? {
            Some(c) => c.meta.created_at,
            None => now,
        };
        let meta = CredentialMeta {
            id: id.clone(),
            kind,
            scopes,
            expires_at: None,
            has_refresh_token: false,
            extra: Default::default(),
            created_at,
            updated_at: now,
        };
        let event = AuditEvent::new(
            now,
            self.person(),
            "vault.credential.store",
            target(&id),
            "ok",
        )
        .with("kind", meta.kind.as_str())
        .with("scopes", scopes_text(&meta.scopes))
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

    /// The connections of the person running Deputy.
    pub async fn connections(&self) -> Result<Vec<CredentialMeta>, AppError> {
        Ok(self.store.credentials(Some(&self.config.actor)).await?)
    }

    /// Deletes one of the person's connections and its leases, after revoking an OAuth
    /// token at the provider where the provider can (`Some(outcome)` then).
    pub async fn revoke_connection(
        &self,
        provider: &str,
        connection: &str,
    ) -> Result<Option<String>, AppError> {
        let id = CredentialId::new(self.config.actor.clone(), provider, connection);
        let remote = match self.store.credential(&id).await? {
            Some(stored) => self.revoke_remote(&stored).await,
            None => None,
        };
        let now = self.now();
        let actor = self.person();
        let deleted = self
            .store
            .delete_credential(&id, |deleted| {
                let e = AuditEvent::new(
                    now,
                    actor,
                    "vault.credential.revoke",
                    target(&id),
                    if deleted { "ok" } else { "not_found" },
                );
                vec![match &remote {
                    Some(r) => e.with("at_provider", r.clone()),
                    None => e,
                }]
            })
            .await?;
        if !deleted {
            return Err(AppError::Store(StoreError::NotFound {
                kind: "connection",
                id: format!("{provider}/{connection}"),
            }));
        }
        Ok(remote)
    }

    /// Issues a lease on `owner`'s credential for `scopes`, on behalf of `requested_by`.
    /// A refusal is audited too, and issues nothing.
    pub async fn issue_lease(
        &self,
        requested_by: &Actor,
        credential: CredentialId,
        scopes: BTreeSet<String>,
    ) -> Result<Lease, AppError> {
        let now = self.now();
        let ttl = time::Duration::seconds(i64::from(self.config.lease_ttl_seconds));
        let request = LeaseRequest {
            credential: credential.clone(),
            scopes,
        };
        let event = |outcome: &str| {
            AuditEvent::new(
                now,
                requested_by.clone(),
                "vault.lease.issue",
                target(&credential),
                outcome,
            )
            .with("scopes", scopes_text(&request.scopes))
        };
        let decision = match self.store.credential(&credential).await? {
            Some(c) => issue_lease(&c.meta, &request, now, ttl),
            None => {
                self.store
                    .append_audit(vec![event("denied").with("reason", "not connected")])
                    .await?;
                return Err(AppError::Store(StoreError::NotFound {
                    kind: "connection",
                    id: format!(
                        "{}/{}/{}",
                        credential.owner, credential.provider, credential.connection
                    ),
                }));
            }
        };
        match decision {
            Ok(lease) => {
                let e = event("issued").with("lease", lease.id.clone()).with(
                    "expires_at",
                    deputy_core::time_fmt::format(lease.expires_at),
                );
                self.store.insert_lease(&lease, vec![e]).await?;
                tracing::debug!(
                    lease = %lease.id,
                    credential = %target(&credential),
                    scopes = %scopes_text(&request.scopes),
                    "lease issued"
                );
                Ok(lease)
            }
            Err(err) => {
                self.store
                    .append_audit(vec![event("denied").with("reason", err.to_string())])
                    .await?;
                Err(err.into())
            }
        }
    }

    /// Redeems a lease for the credential's access token. A lease is spent by its first
    /// attempt; every attempt is audited.
    pub async fn redeem_lease(
        &self,
        redeemer: &Actor,
        lease_id: &str,
        scopes: &BTreeSet<String>,
    ) -> Result<Secret<String>, AppError> {
        let now = self.now();
        let mut verdict: Option<Result<(), VaultError>> = None;
        let taken = self
            .store
            .take_lease(lease_id, now, |found| {
                let (target_text, outcome) = match found {
                    Some((lease, first)) => {
                        let v = check_redeem(lease, first, scopes, now);
                        let outcome = match &v {
                            Ok(()) => "redeemed".to_owned(),
                            Err(e) => format!("denied: {e}"),
                        };
                        verdict = Some(v);
                        (target(&lease.credential), outcome)
                    }
                    None => (
                        String::from("lease:unknown"),
                        "denied: no such lease".to_owned(),
                    ),
                };
                let (outcome, reason) = match outcome.split_once(": ") {
                    Some((o, r)) => (o.to_owned(), Some(r.to_owned())),
                    None => (outcome, None),
                };
                let mut e = AuditEvent::new(
                    now,
                    redeemer.clone(),
                    "vault.lease.redeem",
                    target_text,
                    outcome,
                )
                .with("lease", lease_id)
                .with("scopes", scopes_text(scopes));
                if let Some(r) = reason {
                    e = e.with("reason", r);
                }
                vec![e]
            })
            .await?;
        let Some((lease, _)) = taken else {
            return Err(AppError::Store(StoreError::not_found("lease", lease_id)));
        };
        verdict.unwrap_or(Err(VaultError::LeaseUsed(lease_id.to_owned())))?;
        tracing::debug!(
            lease = lease_id,
            credential = %target(&lease.credential),
            "lease redeemed"
        );
        let stored = self
            .store
            .credential(&lease.credential)
            .await?
            .ok_or_else(|| {
                AppError::Store(StoreError::not_found(
                    "connection",
                    lease.credential.to_string(),
                ))
            })?;
        self.access_token_for(stored, &lease.scopes).await
    }

    /// Re-wraps every credential's data key under a new vault key, in one transaction,
    /// without re-encrypting any data; then makes the new key file current and keeps the
    /// old one beside it as `<key file>.previous`.
    pub async fn rotate_vault_key(&self) -> Result<KeyRotation, AppError> {
        if std::env::var(VAULT_KEY_ENV).is_ok_and(|v| !v.trim().is_empty()) {
            return Err(AppError::VaultKey(format!(
                "the vault key comes from {VAULT_KEY_ENV}; rotate-key manages key files only (unset it and use `vault.key_file`)"
            )));
        }
        let path = self.config.vault_key_file.clone();
        let old = read_key_file(&path)?;
        let next_path = sibling(&path, ".next");
        // A rotation that stopped half-way left its new key: finish with it.
        let new = if next_path.exists() {
            read_key_file(&next_path)?
        } else {
            write_new_key_file(&next_path)?
        };
        let (old_id, new_id) = (old.id().to_owned(), new.id().to_owned());
        let ring = Keyring::new(new).with_other(old);
        let now = self.now();
        let actor = self.person();
        let done = self
            .store
            .rewrap_credentials(
                |c| ring.rewrap(&c.meta.id, &c.sealed),
                |n| {
                    vec![
                        AuditEvent::new(
                            now,
                            actor,
                            "vault.key.rotate",
                            format!("vault-key:{new_id}"),
                            "ok",
                        )
                        .with("old_key", old_id.clone())
                        .with("credentials", n.to_string()),
                    ]
                },
            )
            .await??;
        let previous = sibling(&path, ".previous");
        let io = |e: std::io::Error| {
            AppError::VaultKey(format!(
                "cannot replace vault key `{}`: {e}",
                path.display()
            ))
        };
        std::fs::rename(&path, &previous).map_err(io)?;
        std::fs::rename(&next_path, &path).map_err(io)?;
        Ok(KeyRotation {
            old_key: old_id,
            new_key: new_id,
            credentials: done,
            key_file: path,
        })
    }
}
