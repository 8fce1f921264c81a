//! Leases: short-lived, single-use handles on a credential for some of its scopes.

use crate::credential::{CredentialId, CredentialMeta};
use crate::error::VaultError;
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use serde::Serialize;
use std::collections::BTreeSet;
use time::{Duration, OffsetDateTime};

/// How long a lease lasts unless configured otherwise.
pub const DEFAULT_LEASE_TTL: Duration = Duration::seconds(60);

/// What an adapter asks for: a credential, for these scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaseRequest {
    pub credential: CredentialId,
    pub scopes: BTreeSet<String>,
}

/// A lease as issued and stored. Its id is the handle an adapter redeems; it is not the
/// credential, which only the vault can open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lease {
    pub id: String,
    #[serde(flatten)]
    pub credential: CredentialId,
    pub scopes: BTreeSet<String>,
    #[serde(serialize_with = "crate::instant::serialize")]
    pub issued_at: OffsetDateTime,
    #[serde(serialize_with = "crate::instant::serialize")]
    pub expires_at: OffsetDateTime,
}

/// Decides whether `request` may be leased from the credential `meta` at `now` for `ttl`:
/// the scopes must be among those granted and the credential must not have expired.
pub fn issue_lease(
    meta: &CredentialMeta,
    request: &LeaseRequest,
    now: OffsetDateTime,
    ttl: Duration,
) -> Result<Lease, VaultError> {
    if ttl <= Duration::ZERO || ttl > Duration::hours(1) {
        return Err(VaultError::LeaseTtl(ttl.whole_seconds()));
    }
    let missing: BTreeSet<String> = request.scopes.difference(&meta.scopes).cloned().collect();
    if !missing.is_empty() {
        return Err(VaultError::ScopesNotGranted {
            credential: meta.id.to_string(),
            missing,
        });
    }
    if let Some(exp) = meta.expires_at
        && exp <= now
        && !meta.has_refresh_token
    {
        return Err(VaultError::CredentialExpired(meta.id.to_string()));
    }
    let mut id = [0u8; 16];
    SystemRandom::new()
        .fill(&mut id)
        .map_err(|_| VaultError::Random)?;
    Ok(Lease {
        id: format!("lease_{}", hex::encode(id)),
        credential: request.credential.clone(),
        scopes: request.scopes.clone(),
        issued_at: now,
        expires_at: now + ttl,
    })
}

/// Decides whether a lease may be redeemed for `scopes` at `now`. `first_use` is false when
/// the lease had been redeemed (or tried) before: a lease is spent by its first attempt,
/// whether it succeeds or not.
pub fn check_redeem(
    lease: &Lease,
    first_use: bool,
    scopes: &BTreeSet<String>,
    now: OffsetDateTime,
) -> Result<(), VaultError> {
    if !first_use {
        return Err(VaultError::LeaseUsed(lease.id.clone()));
    }
    if now >= lease.expires_at {
        return Err(VaultError::LeaseExpired(lease.id.clone()));
    }
    let missing: BTreeSet<String> = scopes.difference(&lease.scopes).cloned().collect();
    if !missing.is_empty() {
        return Err(VaultError::LeaseScopes {
            lease: lease.id.clone(),
            missing,
        });
    }
    Ok(())
}
