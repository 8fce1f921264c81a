//! The vault's storage: sealed credentials and leases. The store never sees a secret in
//! clear — `deputy-vault` seals before and opens after — and writes each change together
//! with its audit events in one transaction.

use crate::audit::append_in;
use crate::sql::{int, opt_text, text};
use crate::{Backend, Store, StoreError};
use deputy_audit::{AuditEvent, ChainedEvent};
use deputy_core::time_fmt;
use deputy_vault::{CredentialId, CredentialMeta, Lease, SealedCredential};
use sqlx::any::AnyRow;
use std::collections::BTreeSet;
use time::OffsetDateTime;

/// A credential as stored: what may be shown, and the sealed secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCredential {
    pub meta: CredentialMeta,
    pub sealed: SealedCredential,
}

const CREDENTIAL_COLUMNS: &str = "owner, provider, connection, kind, scopes, expires_at, \
    has_refresh_token, kek_id, wrapped_key, ciphertext, extra, created_at, updated_at";

fn instant(row: &AnyRow, column: &'static str) -> Result<OffsetDateTime, StoreError> {
    let v = text(row, column)?;
    time_fmt::parse(&v).map_err(|_| StoreError::Corrupt { column, value: v })
}

fn scopes_text(scopes: &BTreeSet<String>) -> String {
    scopes.iter().cloned().collect::<Vec<_>>().join(" ")
}

fn scopes_of(s: &str) -> BTreeSet<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

fn bytes(row: &AnyRow, column: &'static str) -> Result<Vec<u8>, StoreError> {
    let v = text(row, column)?;
    hex::decode(&v).map_err(|_| StoreError::Corrupt { column, value: v })
}

fn credential_from_row(row: &AnyRow) -> Result<StoredCredential, StoreError> {
    let kind = text(row, "kind")?;
    let expires_at = match opt_text(row, "expires_at")? {
        Some(v) => Some(time_fmt::parse(&v).map_err(|_| StoreError::Corrupt {
            column: "expires_at",
            value: v,
        })?),
        None => None,
    };
    Ok(StoredCredential {
        meta: CredentialMeta {
            id: CredentialId::new(
                text(row, "owner")?,
                text(row, "provider")?,
                text(row, "connection")?,
            ),
            kind: kind.parse().map_err(|()| StoreError::Corrupt {
                column: "kind",
                value: kind,
            })?,
            scopes: scopes_of(&text(row, "scopes")?),
            expires_at,
            has_refresh_token: int(row, "has_refresh_token")? != 0,
            extra: {
                let v = text(row, "extra")?;
                serde_json::from_str(&v).map_err(|_| StoreError::Corrupt {
                    column: "extra",
                    value: v,
                })?
            },
            created_at: instant(row, "created_at")?,
            updated_at: instant(row, "updated_at")?,
        },
        sealed: SealedCredential {
            kek_id: text(row, "kek_id")?,
            wrapped_key: bytes(row, "wrapped_key")?,
            ciphertext: bytes(row, "ciphertext")?,
        },
    })
}

fn lease_from_row(row: &AnyRow) -> Result<Lease, StoreError> {
    Ok(Lease {
        id: text(row, "id")?,
        credential: CredentialId::new(
            text(row, "owner")?,
            text(row, "provider")?,
            text(row, "connection")?,
        ),
        scopes: scopes_of(&text(row, "scopes")?),
        issued_at: instant(row, "issued_at")?,
        expires_at: instant(row, "expires_at")?,
    })
}

impl Store {
    /// Stores a credential, replacing the one with the same identity (keeping its creation
    /// time), and appends `audit` in the same transaction.
    pub async fn put_credential(
        &self,
        c: &StoredCredential,
        audit: Vec<AuditEvent>,
    ) -> Result<Vec<ChainedEvent>, StoreError> {
        let mut tx = self.begin_write().await?;
        let m = &c.meta;
        sqlx::query(&format!(
            "INSERT INTO vault_credentials ({CREDENTIAL_COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
             ON CONFLICT (owner, provider, connection) DO UPDATE SET \
             kind = excluded.kind, scopes = excluded.scopes, expires_at = excluded.expires_at, \
             has_refresh_token = excluded.has_refresh_token, kek_id = excluded.kek_id, \
             wrapped_key = excluded.wrapped_key, ciphertext = excluded.ciphertext, \
             extra = excluded.extra, updated_at = excluded.updated_at"
        ))
        .bind(m.id.owner.clone())
        .bind(m.id.provider.clone())
        .bind(m.id.connection.clone())
        .bind(m.kind.as_str())
        .bind(scopes_text(&m.scopes))
        .bind(m.expires_at.map(time_fmt::format))
        .bind(i64::from(m.has_refresh_token))
        .bind(c.sealed.kek_id.clone())
        .bind(hex::encode(&c.sealed.wrapped_key))
        .bind(hex::encode(&c.sealed.ciphertext))
        .bind(serde_json::to_string(&m.extra).unwrap_or_else(|_| "{}".into()))
        .bind(time_fmt::format(m.created_at))
        .bind(time_fmt::format(m.updated_at))
        .execute(&mut *tx)
        .await?;
        let chained = append_in(&mut tx, self.backend(), audit).await?;
        tx.commit().await?;
        Ok(chained)
    }

    /// One credential, if stored.
    pub async fn credential(
        &self,
        id: &CredentialId,
    ) -> Result<Option<StoredCredential>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {CREDENTIAL_COLUMNS} FROM vault_credentials \
             WHERE owner = $1 AND provider = $2 AND connection = $3"
        ))
        .bind(id.owner.clone())
        .bind(id.provider.clone())
        .bind(id.connection.clone())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(credential_from_row).transpose()
    }

    /// Every credential's shown part (of one owner, or of all), by owner, provider and name.
    pub async fn credentials(
        &self,
        owner: Option<&str>,
    ) -> Result<Vec<CredentialMeta>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {CREDENTIAL_COLUMNS} FROM vault_credentials \
             WHERE ($1 = '' OR owner = $1) ORDER BY owner, provider, connection"
        ))
        .bind(owner.unwrap_or_default().to_owned())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| credential_from_row(r).map(|c| c.meta))
            .collect()
    }

    /// Deletes a credential and its leases; `audit` is told whether it existed, and its
    /// events are appended in the same transaction.
    pub async fn delete_credential(
        &self,
        id: &CredentialId,
        audit: impl FnOnce(bool) -> Vec<AuditEvent>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let deleted = sqlx::query(
            "DELETE FROM vault_credentials WHERE owner = $1 AND provider = $2 AND connection = $3",
        )
        .bind(id.owner.clone())
        .bind(id.provider.clone())
        .bind(id.connection.clone())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        sqlx::query(
            "DELETE FROM vault_leases WHERE owner = $1 AND provider = $2 AND connection = $3",
        )
        .bind(id.owner.clone())
        .bind(id.provider.clone())
        .bind(id.connection.clone())
        .execute(&mut *tx)
        .await?;
        append_in(&mut tx, self.backend(), audit(deleted)).await?;
        tx.commit().await?;
        Ok(deleted)
    }

    /// Replaces every credential's sealed form with `rewrap`'s, in one transaction: either
    /// all are re-wrapped or none is. Returns how many, or `rewrap`'s first error (and then
    /// writes nothing).
    pub async fn rewrap_credentials<E>(
        &self,
        mut rewrap: impl FnMut(&StoredCredential) -> Result<SealedCredential, E>,
        audit: impl FnOnce(usize) -> Vec<AuditEvent>,
    ) -> Result<Result<usize, E>, StoreError> {
        let mut tx = self.begin_write().await?;
        if self.backend() == Backend::Postgres {
            sqlx::query("LOCK TABLE vault_credentials IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let rows = sqlx::query(&format!(
            "SELECT {CREDENTIAL_COLUMNS} FROM vault_credentials ORDER BY owner, provider, connection"
        ))
        .fetch_all(&mut *tx)
        .await?;
        let mut n = 0;
        for row in &rows {
            let c = credential_from_row(row)?;
            let sealed = match rewrap(&c) {
                Ok(s) => s,
                Err(e) => {
                    tx.rollback().await?;
                    return Ok(Err(e));
                }
            };
            sqlx::query(
                "UPDATE vault_credentials SET kek_id = $1, wrapped_key = $2, ciphertext = $3 \
                 WHERE owner = $4 AND provider = $5 AND connection = $6",
            )
            .bind(sealed.kek_id.clone())
            .bind(hex::encode(&sealed.wrapped_key))
            .bind(hex::encode(&sealed.ciphertext))
            .bind(c.meta.id.owner.clone())
            .bind(c.meta.id.provider.clone())
            .bind(c.meta.id.connection.clone())
            .execute(&mut *tx)
            .await?;
            n += 1;
        }
        append_in(&mut tx, self.backend(), audit(n)).await?;
        tx.commit().await?;
        Ok(Ok(n))
    }

    /// Records an issued lease with its audit events.
    pub async fn insert_lease(
        &self,
        lease: &Lease,
        audit: Vec<AuditEvent>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO vault_leases (id, owner, provider, connection, scopes, issued_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(lease.id.clone())
        .bind(lease.credential.owner.clone())
        .bind(lease.credential.provider.clone())
        .bind(lease.credential.connection.clone())
        .bind(scopes_text(&lease.scopes))
        .bind(time_fmt::format(lease.issued_at))
        .bind(time_fmt::format(lease.expires_at))
        .execute(&mut *tx)
        .await?;
        append_in(&mut tx, self.backend(), audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Spends a lease: marks it redeemed at `now` if it was not, and returns it with whether
    /// this was its first use. `audit` sees the same and its events are appended in the same
    /// transaction. `None` if no such lease.
    pub async fn take_lease(
        &self,
        id: &str,
        now: OffsetDateTime,
        audit: impl FnOnce(Option<(&Lease, bool)>) -> Vec<AuditEvent>,
    ) -> Result<Option<(Lease, bool)>, StoreError> {
        let mut tx = self.begin_write().await?;
        // INVARIANT: only one transaction can flip `redeemed_at` from NULL: single use.
        let first = sqlx::query(
            "UPDATE vault_leases SET redeemed_at = $1 WHERE id = $2 AND redeemed_at IS NULL",
        )
        .bind(time_fmt::format(now))
        .bind(id.to_owned())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        let row = sqlx::query(
            "SELECT id, owner, provider, connection, scopes, issued_at, expires_at \
             FROM vault_leases WHERE id = $1",
        )
        .bind(id.to_owned())
        .fetch_optional(&mut *tx)
        .await?;
        let lease = row.as_ref().map(lease_from_row).transpose()?;
        let events = audit(lease.as_ref().map(|l| (l, first)));
        append_in(&mut tx, self.backend(), events).await?;
        tx.commit().await?;
        Ok(lease.map(|l| (l, first)))
    }

    /// Runs `work` while holding a lock named `key` that every Deputy instance sharing this
    /// PostgreSQL database respects (a transaction-scoped advisory lock, released however
    /// `work` ends). On SQLite, a single-process database, it just runs `work`: take an
    /// in-process lock first in any case, so one process queues its own callers itself.
    pub async fn with_instance_lock<T, Fut>(
        &self,
        key: &str,
        work: impl FnOnce() -> Fut,
    ) -> Result<T, StoreError>
    where
        Fut: std::future::Future<Output = T>,
    {
        match self.backend() {
            Backend::Sqlite => Ok(work().await),
            Backend::Postgres => {
                let mut tx = self.pool().begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock(723658002, hashtext($1))")
                    .bind(key.to_owned())
                    .execute(&mut *tx)
                    .await?;
                let out = work().await;
                tx.commit().await?;
                Ok(out)
            }
        }
    }

    /// How many leases were ever issued (spent ones included).
    pub async fn lease_count(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM vault_leases")
            .fetch_one(self.pool())
            .await?;
        int(&row, "n")
    }
}
