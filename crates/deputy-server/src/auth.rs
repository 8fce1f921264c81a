//! Preshared API keys, as OpenFGA's `authn.method=preshared`: `Authorization: Bearer <key>`.

use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The accepted keys, kept only as SHA-256 digests so that neither `Debug` nor a memory
/// dump of the request path shows them.
#[derive(Clone, Default)]
pub struct ApiKeys {
    digests: Arc<Vec<[u8; 32]>>,
}

impl std::fmt::Debug for ApiKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ApiKeys({} keys)", self.digests.len())
    }
}

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

impl ApiKeys {
    /// Keys from a comma-separated list; blanks are dropped.
    pub fn parse(list: &str) -> ApiKeys {
        ApiKeys {
            digests: Arc::new(
                list.split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(digest)
                    .collect(),
            ),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.digests.is_empty()
    }

    /// Compares digests without stopping at the first differing byte.
    fn accepts(&self, key: &str) -> bool {
        let given = digest(key);
        self.digests.iter().fold(false, |ok, d| {
            let diff = d
                .iter()
                .zip(given.iter())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b));
            ok | (diff == 0)
        })
    }
}

/// Rejects a request without a valid bearer key (when keys are configured).
pub async fn require_key(State(keys): State<ApiKeys>, request: Request, next: Next) -> Response {
    if keys.is_empty() {
        return next.run(request).await;
    }
    let header = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let Some(header) = header else {
        return ApiError::unauthenticated("bearer_token_missing", "missing bearer token")
            .into_response();
    };
    let key = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))
        .unwrap_or("");
    if keys.accepts(key.trim()) {
        next.run(request).await
    } else {
        ApiError::unauthenticated("unauthenticated", "unauthenticated").into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_matched_exactly() {
        let keys = ApiKeys::parse(" first-fake-key , ,second-fake-key");
        assert!(keys.accepts("first-fake-key"));
        assert!(keys.accepts("second-fake-key"));
        assert!(!keys.accepts("first-fake-ke"));
        assert!(!keys.accepts(""));
        assert!(ApiKeys::parse(" , ").is_empty());
        assert!(!format!("{keys:?}").contains("fake"));
    }
}
