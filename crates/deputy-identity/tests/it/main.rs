//! The identity clients against fakes on 127.0.0.1 that behave like the real endpoints:
//! PKCE and `state` enforced, rotated-out refresh tokens refused, and errors shaped the way
//! each provider shapes them.

mod oauth;
mod token_vault;

/// One TLS provider for the HTTP client, as the `deputy` binary installs it.
pub fn http() -> reqwest::Client {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::limited(3))
        .build()
        .unwrap()
}
