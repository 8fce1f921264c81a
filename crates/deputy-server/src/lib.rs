//! Deputy's HTTP server. For now it serves the OpenFGA-compatible authorization API
//! ([`openfga`]) over the embedded engine, so OpenFGA's SDKs and CLI can drive Deputy as
//! they would an OpenFGA server.
//!
//! The server knows HTTP and nothing of SQL: every route calls a use-case on
//! [`deputy_app::App`] and renders its answer, or its refusal with OpenFGA's error body.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

mod auth;
mod error;
pub mod openfga;

pub use auth::ApiKeys;
pub use error::ApiError;

use axum::Router;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, X_CONTENT_TYPE_OPTIONS};
use axum::middleware::{self, Next};
use axum::response::Response;
use deputy_app::App;
use std::future::Future;
use tokio::net::TcpListener;

/// What the server needs besides the app.
#[derive(Debug, Clone, Default)]
pub struct ServerOptions {
    /// Preshared bearer keys; none means no authentication (loopback use).
    pub api_keys: ApiKeys,
}

/// Every route, with authentication and the headers every answer carries.
pub fn router(app: App, options: ServerOptions) -> Router {
    openfga::routes(app)
        .fallback(|| async { ApiError::not_found() })
        .layer(middleware::from_fn_with_state(
            options.api_keys,
            auth::require_key,
        ))
        .layer(middleware::from_fn(headers))
}

async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Serves `router` on `listener` until `shutdown` completes, then finishes the requests
/// in flight.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
}
