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

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, X_CONTENT_TYPE_OPTIONS};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use deputy_app::App;
use serde_json::json;
use std::future::Future;
use tokio::net::TcpListener;

/// What the server needs besides the app.
#[derive(Debug, Clone, Default)]
pub struct ServerOptions {
    /// Preshared bearer keys; none means no authentication (loopback use).
    pub api_keys: ApiKeys,
}

/// Every route: `/healthz` open to load balancers, the rest behind the API keys; every
/// answer logged and carrying the same headers.
pub fn router(app: App, options: ServerOptions) -> Router {
    let api = openfga::routes(app)
        .fallback(|| async { ApiError::not_found() })
        .layer(middleware::from_fn_with_state(
            options.api_keys,
            auth::require_key,
        ));
    Router::new()
        .route(
            "/healthz",
            get(|| async { Json(json!({"status": "SERVING"})) }),
        )
        .merge(api)
        .layer(middleware::from_fn(headers))
}

/// Security headers on every answer, and one log line per request (method, path, status,
/// time; never bodies or headers, which may hold keys).
async fn headers(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = std::time::Instant::now();
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    tracing::info!(
        %method,
        path,
        status = response.status().as_u16(),
        micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        "request"
    );
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
