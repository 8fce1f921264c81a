//! For tests only (the `fake` feature): a fake OAuth provider that behaves like each of the
//! six on their real paths — PKCE and `state` enforced, codes single-use, rotated-out
//! refresh tokens refused, errors in each provider's own shape — served by axum on a free
//! port of 127.0.0.1.
// Test support: a broken fake should fail the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_debug_implementations
)]

use crate::ProviderKind;
use crate::{FEDERATED_GRANT, FEDERATED_TOKEN_TYPE};
use axum::body::Bytes;
use axum::extract::{Form, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

pub const CLIENT_ID: &str = "fake-client-id";
pub const CLIENT_SECRET: &str = "fake-client-secret";

#[derive(Default)]
pub struct Fake {
    pub kind: Option<ProviderKind>,
    codes: Mutex<HashMap<String, (String, String, String)>>,
    pub refresh_tokens: Mutex<HashSet<String>>,
    pub access_tokens: Mutex<HashSet<String>>,
    pub refresh_calls: AtomicU32,
    pub revoked: Mutex<Vec<String>>,
    counter: AtomicU32,
    pub requests: Mutex<Vec<BTreeMap<String, String>>>,
}

pub async fn serve(kind: ProviderKind) -> (url::Url, Arc<Fake>) {
    let fake = Arc::new(Fake {
        kind: Some(kind),
        ..Fake::default()
    });
    let app = axum::Router::new()
        .fallback(provider)
        .with_state(fake.clone());
    (start(app).await, fake)
}

pub async fn start(app: axum::Router) -> url::Url {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url::Url::parse(&format!("http://{addr}/")).unwrap()
}

fn params(headers: &HeaderMap, body: &[u8]) -> Result<BTreeMap<String, String>, ()> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if json {
        let v: BTreeMap<String, Value> = serde_json::from_slice(body).map_err(|_| ())?;
        Ok(v.into_iter()
            .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_owned()))
            .collect())
    } else {
        Ok(url::form_urlencoded::parse(body).into_owned().collect())
    }
}

fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let decoded = STANDARD.decode(v.strip_prefix("Basic ")?).ok()?;
    let (u, p) = std::str::from_utf8(&decoded).ok()?.split_once(':')?;
    Some((u.to_owned(), p.to_owned()))
}

impl Fake {
    fn next(&self, prefix: &str) -> String {
        format!("{prefix}{}", self.counter.fetch_add(1, Ordering::SeqCst))
    }

    /// The provider's own error shape for `error` (`status` where it has a choice).
    fn error(&self, error: &str) -> Response {
        use ProviderKind::*;
        match self.kind.unwrap() {
            Github => (
                StatusCode::OK,
                axum::Json(json!({
                    "error": match error {
                        "invalid_grant" => "bad_verification_code",
                        "invalid_refresh" => "bad_refresh_token",
                        "invalid_client" => "incorrect_client_credentials",
                        e => e,
                    },
                    "error_description": "The code passed is incorrect or expired.",
                    "error_uri": "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors"
                })),
            )
                .into_response(),
            Slack => axum::Json(json!({
                "ok": false,
                "error": match error {
                    "invalid_grant" => "invalid_code",
                    "invalid_refresh" => "invalid_refresh_token",
                    "invalid_client" => "bad_client_secret",
                    e => e,
                }
            }))
            .into_response(),
            Atlassian => (
                StatusCode::FORBIDDEN,
                axum::Json(json!({
                    "error": if error == "invalid_client" { "access_denied" } else { "invalid_grant" },
                    "error_description": "Unknown or invalid refresh token."
                })),
            )
                .into_response(),
            Microsoft => (
                StatusCode::BAD_REQUEST,
                axum::Json(json!({
                    "error": if error == "invalid_client" { "invalid_client" } else { "invalid_grant" },
                    "error_description": "AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.",
                    "error_codes": [70008],
                    "timestamp": "2026-03-01 12:00:00Z",
                    "trace_id": "00000000-0000-0000-0000-000000000000",
                    "correlation_id": "00000000-0000-0000-0000-000000000000"
                })),
            )
                .into_response(),
            Google | Zoom => (
                if error == "invalid_client" { StatusCode::UNAUTHORIZED } else { StatusCode::BAD_REQUEST },
                axum::Json(json!({
                    "error": if error == "invalid_client" { "invalid_client" } else { "invalid_grant" },
                    "error_description": "Bad Request"
                })),
            )
                .into_response(),
        }
    }

    fn tokens(&self, scope: &str, with_refresh: bool) -> Response {
        let access = self.next("fake-access-");
        self.access_tokens.lock().unwrap().insert(access.clone());
        let mut body = json!({
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 3599,
            "scope": scope,
        });
        if with_refresh {
            let refresh = self.next("fake-refresh-");
            self.refresh_tokens.lock().unwrap().insert(refresh.clone());
            body["refresh_token"] = json!(refresh);
        }
        match self.kind.unwrap() {
            ProviderKind::Github => {
                body["token_type"] = json!("bearer");
                body["scope"] = json!(scope.replace(' ', ","));
            }
            ProviderKind::Slack => {
                body["ok"] = json!(true);
                body["token_type"] = json!("bot");
                body["expires_in"] = json!(43200);
                body["bot_user_id"] = json!("U0KRQLJ9H");
                body["app_id"] = json!("A0KRD7HC3");
                body["team"] = json!({"id": "T9TK3CUKW", "name": "Example"});
            }
            ProviderKind::Zoom => body["api_url"] = json!("https://api.zoom.us"),
            _ => {}
        }
        axum::Json(body).into_response()
    }
}

async fn provider(State(fake): State<Arc<Fake>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let body: Bytes = axum::body::to_bytes(body, 1 << 20).await.unwrap();
    let path = parts.uri.path().to_owned();
    let kind = fake.kind.unwrap();
    // The browser's visit: consent is given at once; the code remembers its PKCE challenge.
    if parts.method == Method::GET && !path.contains("accessible-resources") {
        let q: HashMap<String, String> =
            url::form_urlencoded::parse(parts.uri.query().unwrap_or_default().as_bytes())
                .into_owned()
                .collect();
        if q.get("client_id").map(String::as_str) != Some(CLIENT_ID) {
            return (StatusCode::BAD_REQUEST, "unknown client").into_response();
        }
        if q.get("code_challenge_method").map(String::as_str) != Some("S256") {
            return (StatusCode::BAD_REQUEST, "PKCE S256 required").into_response();
        }
        let code = fake.next("fake-code-");
        fake.codes.lock().unwrap().insert(
            code.clone(),
            (
                q["code_challenge"].clone(),
                q["redirect_uri"].clone(),
                q["scope"].replace(',', " "),
            ),
        );
        let mut to = url::Url::parse(&q["redirect_uri"]).unwrap();
        to.query_pairs_mut()
            .append_pair("code", &code)
            .append_pair("state", &q["state"]);
        return (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response();
    }
    if path.contains("accessible-resources") {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        if !fake.access_tokens.lock().unwrap().contains(bearer) {
            return StatusCode::UNAUTHORIZED.into_response();
        }
        return axum::Json(json!([{
            "id": "1324a887-45db-1bf4-1e99-ef0ff456d421",
            "url": "https://your-domain.atlassian.net",
            "name": "your-domain",
            "scopes": ["read:jira-work", "write:jira-work"],
            "avatarUrl": "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/flag.png"
        }]))
        .into_response();
    }
    if path.ends_with("revoke") || path.contains("/grant") {
        let token = match kind {
            ProviderKind::Slack => parts
                .headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .unwrap_or_default()
                .to_owned(),
            ProviderKind::Github => {
                if basic(&parts.headers) != Some((CLIENT_ID.into(), CLIENT_SECRET.into())) {
                    return StatusCode::UNAUTHORIZED.into_response();
                }
                let v: Value = serde_json::from_slice(&body).unwrap_or_default();
                v["access_token"].as_str().unwrap_or_default().to_owned()
            }
            _ => params(&parts.headers, &body)
                .ok()
                .and_then(|p| p.get("token").cloned())
                .unwrap_or_default(),
        };
        if !fake.access_tokens.lock().unwrap().remove(&token) {
            return match kind {
                ProviderKind::Slack => {
                    axum::Json(json!({"ok": false, "error": "invalid_auth"})).into_response()
                }
                _ => (
                    StatusCode::BAD_REQUEST,
                    axum::Json(json!({"error": "invalid_token"})),
                )
                    .into_response(),
            };
        }
        fake.revoked.lock().unwrap().push(token);
        return match kind {
            ProviderKind::Github => StatusCode::NO_CONTENT.into_response(),
            ProviderKind::Slack => axum::Json(json!({"ok": true, "revoked": true})).into_response(),
            _ => StatusCode::OK.into_response(),
        };
    }
    // The token endpoint.
    if kind == ProviderKind::Atlassian
        && !parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"))
    {
        return (StatusCode::UNSUPPORTED_MEDIA_TYPE, "JSON required").into_response();
    }
    let Ok(p) = params(&parts.headers, &body) else {
        return fake.error("invalid_request");
    };
    fake.requests.lock().unwrap().push(p.clone());
    let client_ok = match kind {
        ProviderKind::Zoom | ProviderKind::Slack => {
            basic(&parts.headers) == Some((CLIENT_ID.into(), CLIENT_SECRET.into()))
        }
        _ => {
            p.get("client_id").map(String::as_str) == Some(CLIENT_ID)
                && p.get("client_secret").map(String::as_str) == Some(CLIENT_SECRET)
        }
    };
    if !client_ok {
        return fake.error("invalid_client");
    }
    match p.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            let Some((challenge, redirect, scope)) = p
                .get("code")
                .and_then(|c| fake.codes.lock().unwrap().remove(c))
            else {
                return fake.error("invalid_grant");
            };
            let verifier = p.get("code_verifier").cloned().unwrap_or_default();
            let s256 = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
            if s256 != challenge || p.get("redirect_uri") != Some(&redirect) {
                return fake.error("invalid_grant");
            }
            let with_refresh = match kind {
                ProviderKind::Atlassian | ProviderKind::Microsoft => {
                    scope.contains("offline_access")
                }
                _ => true,
            };
            fake.tokens(&scope, with_refresh)
        }
        Some("refresh_token") => {
            fake.refresh_calls.fetch_add(1, Ordering::SeqCst);
            let token = p.get("refresh_token").cloned().unwrap_or_default();
            let rotates = kind != ProviderKind::Google;
            let known = if rotates {
                fake.refresh_tokens.lock().unwrap().remove(&token)
            } else {
                fake.refresh_tokens.lock().unwrap().contains(&token)
            };
            if !known {
                return fake.error("invalid_refresh");
            }
            // Google sends no new refresh token; the rotating ones always do.
            fake.tokens("repo", rotates)
        }
        _ => fake.error("unsupported_grant_type"),
    }
}

/// A fake Auth0 tenant's `/oauth/token` for the Token Vault exchange. Client `deputy-app`
/// with secret `deputy-secret` may exchange; `no-grant-app` may not. Subject tokens
/// `auth0-refresh-good` and `auth0-access-good` are valid. Connection `github` is connected
/// (scopes `repo read:user`), `google-oauth2`'s provider refresh fails, `boom` answers 500,
/// any other is not connected.
pub async fn serve_auth0() -> url::Url {
    start(axum::Router::new().route("/oauth/token", axum::routing::post(auth0_token))).await
}

const REFRESH: &str = "urn:ietf:params:oauth:token-type:refresh_token";
const ACCESS: &str = "urn:ietf:params:oauth:token-type:access_token";

fn err(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

/// Auth0's `/oauth/token` for the federated-connection exchange, with the documented
/// request, response and error shapes.
pub async fn auth0_token(Form(p): Form<HashMap<String, String>>) -> Response {
    let get = |k: &str| p.get(k).map(String::as_str).unwrap_or_default();
    if get("grant_type") != FEDERATED_GRANT {
        return err(
            StatusCode::FORBIDDEN,
            "unsupported_grant_type",
            "Unsupported grant type",
        );
    }
    if get("requested_token_type") != FEDERATED_TOKEN_TYPE {
        return err(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "requested_token_type is invalid",
        );
    }
    match (get("client_id"), get("client_secret")) {
        ("deputy-app", "deputy-secret") => {}
        ("no-grant-app", "deputy-secret") => {
            return err(
                StatusCode::FORBIDDEN,
                "unauthorized_client",
                "Grant type 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token' not allowed for the client.",
            );
        }
        _ => return err(StatusCode::UNAUTHORIZED, "invalid_client", "Unauthorized"),
    }
    let subject_ok = matches!(
        (get("subject_token_type"), get("subject_token")),
        (REFRESH, "auth0-refresh-good") | (ACCESS, "auth0-access-good")
    );
    if !subject_ok {
        return err(
            StatusCode::UNAUTHORIZED,
            "invalid_grant",
            "Unknown or invalid refresh token.",
        );
    }
    match get("connection") {
        "github" => axum::Json(json!({
            "access_token": "gho_fakeFederatedProviderToken0001",
            "scope": "repo read:user",
            "expires_in": 3600,
            "issued_token_type": FEDERATED_TOKEN_TYPE,
            "token_type": "Bearer"
        }))
        .into_response(),
        "google-oauth2" => err(
            StatusCode::UNAUTHORIZED,
            "federated_connection_refresh_token_flow_failed",
            "Failed to refresh the federated connection access token.",
        ),
        "boom" => (StatusCode::INTERNAL_SERVER_ERROR, "upstream error").into_response(),
        _ => err(
            StatusCode::UNAUTHORIZED,
            "federated_connection_refresh_token_not_found",
            "Federated connection Refresh Token not found.",
        ),
    }
}
