//! The vault's errors. None of them carries a secret.

use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    #[error("the vault key {source_name} is not valid: {reason}")]
    BadKey { source_name: String, reason: String },
    #[error(
        "credential {credential} is sealed with vault key `{kek_id}`, which is not loaded (current key `{current}`)"
    )]
    UnknownKey {
        credential: String,
        kek_id: String,
        current: String,
    },
    #[error(
        "credential {0} does not open with the vault key: it was altered, or moved from another record"
    )]
    Tampered(String),
    #[error("the system random number generator failed")]
    Random,
    #[error("connection {credential} was not granted {}", join(.missing))]
    ScopesNotGranted {
        credential: String,
        missing: BTreeSet<String>,
    },
    #[error("the credential for {0} has expired; reconnect it with `deputy connect`")]
    CredentialExpired(String),
    #[error("lease `{0}` was already used")]
    LeaseUsed(String),
    #[error("lease `{0}` has expired")]
    LeaseExpired(String),
    #[error("lease `{lease}` does not cover {}", join(.missing))]
    LeaseScopes {
        lease: String,
        missing: BTreeSet<String>,
    },
    #[error("a lease cannot last {0} seconds (1 to 3600)")]
    LeaseTtl(i64),
}

fn join(scopes: &BTreeSet<String>) -> String {
    scopes
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
