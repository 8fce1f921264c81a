//! Deputy's credential vault: envelope encryption of provider tokens, key rotation,
//! credential records and the leases through which an adapter borrows a credential.
//!
//! Each credential is encrypted with its own random data key (AES-256-GCM, aws-lc-rs); the
//! data key is stored wrapped by the key-encryption key (KEK). Both ciphertexts are bound
//! by their associated data to the credential's identity (owner, provider, connection) and
//! the wrap also to the KEK's id, so a ciphertext copied to another record does not open.
//! Rotating the KEK re-wraps data keys and never touches the data.
//!
//! A [`Lease`] is a short-lived, single-use handle for (owner, provider, scopes ⊆ granted
//! scopes); an adapter redeems it for a [`Secret`](deputy_core::Secret) at call time.
//!
//! This crate does no I/O and knows no SQL or HTTP: `deputy-app` reads the key file,
//! `deputy-store` persists [`SealedCredential`]s and leases, and time is a parameter.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod credential;
mod error;
mod keys;
mod lease;

pub use credential::{
    CredentialId, CredentialKind, CredentialMeta, CredentialSecret, SealedCredential,
};
pub use error::VaultError;
pub use keys::{Kek, Keyring};
pub use lease::{DEFAULT_LEASE_TTL, Lease, LeaseRequest, check_redeem, issue_lease};

/// Instants as deputy-core's fixed-width RFC 3339 text, like every instant Deputy prints.
pub(crate) mod instant {
    use serde::Serializer;
    use time::OffsetDateTime;

    pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&deputy_core::time_fmt::format(*t))
    }

    pub mod option {
        use serde::Serializer;
        use time::OffsetDateTime;

        pub fn serialize<S: Serializer>(
            t: &Option<OffsetDateTime>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_str(&deputy_core::time_fmt::format(*t)),
                None => s.serialize_none(),
            }
        }
    }
}
