//! Deputy's identity clients: OAuth 2.0 connect flows (authorization code with PKCE and
//! `state`) for GitHub, Atlassian, the Microsoft identity platform, Slack, Google and Zoom,
//! with their quirks; refreshing tokens one refresher per account; revoking where the
//! provider can; a one-shot loopback listener for the redirect; and the Auth0 Token Vault
//! exchange with its failures mapped to typed errors.
//!
//! This crate knows no SQL and stores nothing: `deputy-app` seals what it returns in the
//! vault. Every token it handles is a `deputy_core::Secret`; tokens are never logged and
//! error values never carry one.
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

mod callback;
mod error;
#[cfg(feature = "fake")]
pub mod fake;
mod oauth;
mod pkce;
mod provider;
mod refresh;
mod token_vault;

pub use callback::CallbackListener;
pub use error::OAuthError;
pub use oauth::{AccessibleResource, AuthorizationRequest, OAuthClient, TokenSet};
pub use pkce::{Pkce, random_token};
pub use provider::{ClientAuth, Endpoints, ProviderKind, ProviderSpec, TokenBody};
pub use refresh::RefreshGate;
pub use token_vault::{
    FEDERATED_GRANT, FEDERATED_TOKEN_TYPE, FederatedToken, SubjectToken, TokenVaultClient,
    TokenVaultError,
};

/// The HTTP client the identity flows use: rustls with the process's crypto provider (the
/// `deputy` binary installs aws-lc-rs), no redirects followed, bounded timeouts.
pub fn http_client() -> Result<reqwest::Client, OAuthError> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(std::time::Duration::from_secs(10))
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .map_err(|e| OAuthError::Config(format!("cannot build the HTTP client: {e}")))
}
