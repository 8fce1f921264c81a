//! The live reader against a faithful fake Management API on 127.0.0.1: client-credentials
//! token, offset and checkpoint paging, 429 with `Retry-After` and with `X-RateLimit-Reset`
//! only, 403 `insufficient_scope`, 404 for unconfigured singletons, and a slow endpoint.

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use deputy_auth0::live::{ClientSecret, LiveError, LiveOptions, Sleeper, read_tenant};
use deputy_auth0::model::Section;
use deputy_auth0::{DiagnosticKind, ScanOptions, SectionId, scan};
use deputy_core::{ManualClock, RunStatus};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const NOW: i64 = 1_800_000_000;
const TOKEN: &str = "fake-mgmt-token-for-tests";
const SECRET: &str = "fake-client-secret-do-not-use";

#[derive(Default)]
struct Fake {
    scopes: BTreeSet<String>,
    hits: BTreeMap<String, u32>,
    slow_prompts: bool,
}

type Shared = Arc<Mutex<Fake>>;

fn scope_for(path: &str) -> &'static str {
    let p = path.trim_start_matches("/api/v2/");
    match p.split('/').next().unwrap_or("") {
        "clients" => "read:clients",
        "connections" => "read:connections",
        "resource-servers" => "read:resource_servers",
        "client-grants" => "read:client_grants",
        "roles" => "read:roles",
        "organizations" => "read:organizations",
        "keys" => "read:signing_keys",
        "attack-protection" | "anomaly" => "read:attack_protection",
        "emails" => "read:email_provider",
        "email-templates" => "read:email_templates",
        "log-streams" => "read:log_streams",
        "event-streams" => "read:event_streams",
        "guardian" if p.contains("policies") => "read:mfa_policies",
        "guardian" => "read:guardian_factors",
        "rules" => "read:rules",
        "hooks" => "read:hooks",
        "actions" => "read:actions",
        "logs" => "read:logs",
        "network-acls" => "read:network_acls",
        "prompts" => "read:prompts",
        "tenants" => "read:tenant_settings",
        "custom-domains" => "read:custom_domains",
        _ => "read:unknown",
    }
}

fn with_limits(mut r: Response, remaining: u32) -> Response {
    let h = r.headers_mut();
    h.insert("x-ratelimit-limit", HeaderValue::from_static("50"));
    h.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
    h.insert("x-ratelimit-reset", HeaderValue::from(NOW + 1));
    r
}

fn json_resp(status: StatusCode, v: Value) -> Response {
    with_limits((status, axum::Json(v)).into_response(), 49)
}

fn query(uri: &Uri) -> BTreeMap<String, String> {
    url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

fn clients() -> Vec<Value> {
    (0..250)
        .map(|i| json!({"client_id": format!("c{i:03}"), "name": format!("App {i}"), "app_type": "regular_web", "callbacks": [if i == 7 { "http://localhost:3000/cb".to_owned() } else { format!("https://app{i}.example.com/cb") }], "grant_types": ["authorization_code"]}))
        .collect()
}

fn connections() -> Vec<Value> {
    (0..150)
        .map(|i| if i == 0 {
            json!({"id": "con_db", "name": "Username-Password-Authentication", "strategy": "auth0", "options": {"passwordPolicy": "good"}})
        } else {
            json!({"id": format!("con_{i:03}"), "name": format!("google-{i}"), "strategy": "google-oauth2", "options": {"client_id": "x.apps.googleusercontent.com"}})
        })
        .collect()
}

fn offset(items: Vec<Value>, key: &str, q: &BTreeMap<String, String>) -> Value {
    let page: usize = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0);
    let per: usize = q
        .get("per_page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(50)
        .min(100);
    let slice: Vec<Value> = items.iter().skip(page * per).take(per).cloned().collect();
    if q.get("include_totals").map(String::as_str) == Some("true") {
        json!({"start": page * per, "limit": per, "total": items.len(), key: slice})
    } else {
        Value::Array(slice)
    }
}

fn checkpoint(items: Vec<Value>, key: &str, q: &BTreeMap<String, String>) -> Value {
    let take: usize = q
        .get("take")
        .and_then(|p| p.parse().ok())
        .unwrap_or(50)
        .min(100);
    let from: usize = q
        .get("from")
        .and_then(|f| f.strip_prefix("cp_"))
        .and_then(|f| f.parse().ok())
        .unwrap_or(0);
    let slice: Vec<Value> = items.iter().skip(from).take(take).cloned().collect();
    let mut v = json!({key: slice});
    if from + take < items.len() {
        v["next"] = json!(format!("cp_{}", from + take));
    }
    v
}

async fn handler(
    State(st): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    let q = query(&uri);
    if method == Method::POST && path == "/oauth/token" {
        let b: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let ok = b["grant_type"] == "client_credentials"
            && b["client_id"] == "fake-cid"
            && b["client_secret"] == SECRET
            && b["audience"] == "https://tenant.example.auth0.com/api/v2/";
        if !ok {
            return json_resp(
                StatusCode::UNAUTHORIZED,
                json!({"error": "access_denied", "error_description": "Unauthorized"}),
            );
        }
        let scopes = st
            .lock()
            .unwrap()
            .scopes
            .iter()
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        return json_resp(
            StatusCode::OK,
            json!({"access_token": TOKEN, "token_type": "Bearer", "expires_in": 86400, "scope": scopes}),
        );
    }
    if headers.get("authorization").and_then(|v| v.to_str().ok())
        != Some(&format!("Bearer {TOKEN}"))
    {
        return json_resp(
            StatusCode::UNAUTHORIZED,
            json!({"statusCode": 401, "error": "Unauthorized", "message": "Invalid token"}),
        );
    }
    let scope = scope_for(&path);
    let (hit, slow) = {
        let mut f = st.lock().unwrap();
        let n = f.hits.entry(path.clone()).or_default();
        *n += 1;
        let hit = *n;
        if !f.scopes.contains(scope) {
            return json_resp(
                StatusCode::FORBIDDEN,
                json!({"statusCode": 403, "error": "Forbidden", "message": format!("Insufficient scope, expected any of: {scope}"), "errorCode": "insufficient_scope"}),
            );
        }
        (hit, f.slow_prompts)
    };
    // Rate limits: the first clients request gets Retry-After; the first connections request
    // gets only X-RateLimit-Reset three seconds ahead.
    if path == "/api/v2/clients" && hit == 1 {
        let mut r = json_resp(
            StatusCode::TOO_MANY_REQUESTS,
            json!({"statusCode": 429, "error": "Too Many Requests", "message": "Global limit has been reached"}),
        );
        r.headers_mut()
            .insert("retry-after", HeaderValue::from_static("2"));
        return r;
    }
    if path == "/api/v2/connections" && hit == 1 {
        let mut r = (StatusCode::TOO_MANY_REQUESTS, axum::Json(json!({"statusCode": 429, "error": "Too Many Requests", "message": "Global limit has been reached"}))).into_response();
        r.headers_mut()
            .insert("x-ratelimit-reset", HeaderValue::from(NOW + 3));
        r.headers_mut()
            .insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
        return r;
    }
    if path == "/api/v2/prompts" && slow {
        tokio::time::sleep(Duration::from_millis(1500)).await;
    }
    // The prompts read spends the window: the client must wait for the reset before going on.
    if path == "/api/v2/prompts" {
        let mut r = json_resp(StatusCode::OK, json!({"universal_login_experience": "new"}));
        r.headers_mut()
            .insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
        r.headers_mut()
            .insert("x-ratelimit-reset", HeaderValue::from(NOW + 2));
        return r;
    }
    let m = "https://tenant.example.auth0.com/api/v2/";
    let v = match path.as_str() {
        "/api/v2/tenants/settings" => {
            json!({"friendly_name": "Fake", "support_email": "help@example.com", "flags": {"disable_clickjack_protection_headers": true}})
        }
        "/api/v2/custom-domains" | "/api/v2/keys/signing" | "/api/v2/log-streams" => json!([]),
        "/api/v2/attack-protection/breached-password-detection" => {
            json!({"enabled": true, "shields": ["block"], "admin_notification_frequency": [], "method": "standard", "stage": {}})
        }
        "/api/v2/attack-protection/brute-force-protection" => {
            json!({"enabled": true, "shields": ["block", "user_notification"], "allowlist": [], "mode": "count_per_identifier", "max_attempts": 10})
        }
        "/api/v2/attack-protection/suspicious-ip-throttling" => {
            json!({"enabled": true, "shields": ["block", "admin_notification"], "allowlist": []})
        }
        "/api/v2/anomaly/captchas" => json!({}),
        "/api/v2/guardian/factors" => json!([{"name": "otp", "enabled": true}]),
        "/api/v2/guardian/policies" => json!(["all-applications"]),
        "/api/v2/prompts" => json!({"universal_login_experience": "new"}),
        "/api/v2/emails/provider" => {
            return json_resp(
                StatusCode::NOT_FOUND,
                json!({"statusCode": 404, "error": "Not Found", "message": "No email provider configured"}),
            );
        }
        "/api/v2/email-templates/verify_email" => {
            json!({"template": "verify_email", "enabled": true})
        }
        p if p.starts_with("/api/v2/email-templates/") => {
            return json_resp(
                StatusCode::NOT_FOUND,
                json!({"statusCode": 404, "error": "Not Found", "message": "Template not found"}),
            );
        }
        "/api/v2/clients" => offset(clients(), "clients", &q),
        "/api/v2/resource-servers" => offset(
            vec![
                json!({"id": "rs_m", "name": "Auth0 Management API", "identifier": m, "is_system": true, "subject_type_authorization": {"user": {"policy": "deny_all"}}}),
            ],
            "resource_servers",
            &q,
        ),
        "/api/v2/rules" => offset(vec![], "rules", &q),
        "/api/v2/hooks" => offset(vec![], "hooks", &q),
        "/api/v2/actions/actions" => offset(vec![], "actions", &q),
        "/api/v2/network-acls" => offset(vec![], "network_acls", &q),
        "/api/v2/roles" => offset(
            vec![
                json!({"id": "rol_1", "name": "Admin"}),
                json!({"id": "rol_2", "name": "Viewer"}),
            ],
            "roles",
            &q,
        ),
        "/api/v2/roles/rol_1/permissions" => offset(
            vec![json!({"permission_name": "update:users", "resource_server_identifier": m})],
            "permissions",
            &q,
        ),
        "/api/v2/roles/rol_2/permissions" => offset(
            vec![json!({"permission_name": "read:users", "resource_server_identifier": m})],
            "permissions",
            &q,
        ),
        "/api/v2/connections" => checkpoint(connections(), "connections", &q),
        "/api/v2/client-grants" => checkpoint(
            vec![
                json!({"id": "cgr_1", "client_id": "c001", "audience": m, "scope": ["read:users"]}),
            ],
            "client_grants",
            &q,
        ),
        "/api/v2/organizations" => checkpoint(vec![], "organizations", &q),
        "/api/v2/event-streams" => checkpoint(vec![], "eventStreams", &q),
        "/api/v2/logs" => {
            json!([{"type": "s", "hostname": "tenant.example.auth0.com", "log_id": "90020250210"}])
        }
        _ => {
            return json_resp(
                StatusCode::NOT_FOUND,
                json!({"statusCode": 404, "error": "Not Found", "message": "Not found"}),
            );
        }
    };
    json_resp(StatusCode::OK, v)
}

async fn start(fake: Fake) -> (String, Shared) {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let shared: Shared = Arc::new(Mutex::new(fake));
    let app = Router::new().fallback(handler).with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), shared)
}

fn all_scopes() -> BTreeSet<String> {
    deputy_auth0::live::READ_SCOPES
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

fn recorder() -> (Sleeper, Arc<Mutex<Vec<Duration>>>) {
    let slept = Arc::new(Mutex::new(Vec::new()));
    let s = slept.clone();
    let sleeper: Sleeper = Arc::new(move |d| {
        s.lock().unwrap().push(d);
        Box::pin(async {})
    });
    (sleeper, slept)
}

fn options(base: &str) -> LiveOptions {
    let mut o = LiveOptions::new(
        "tenant.example.auth0.com",
        "fake-cid",
        ClientSecret::new(SECRET.to_owned()),
    );
    o.base_url = Some(base.to_owned());
    o.timeout = Duration::from_millis(500);
    o
}

fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(
        time::OffsetDateTime::from_unix_timestamp(NOW).unwrap(),
    ))
}

#[tokio::test]
async fn reads_every_page_of_both_styles_and_backs_off_on_429() {
    let (base, fake) = start(Fake {
        scopes: all_scopes(),
        ..Fake::default()
    })
    .await;
    let (sleeper, slept) = recorder();
    let read = read_tenant(&options(&base), clock(), sleeper)
        .await
        .expect("read");
    let snap = &read.snapshot;
    let len = |id| match snap.section(id) {
        Section::Read(Value::Array(a)) => a.len(),
        other => panic!("{id:?}: {other:?}"),
    };
    assert_eq!(len(SectionId::Clients), 250, "offset paging");
    assert_eq!(len(SectionId::Connections), 150, "checkpoint paging");
    assert_eq!(
        fake.lock().unwrap().hits["/api/v2/clients"],
        4,
        "one 429 and three pages"
    );
    assert_eq!(
        fake.lock().unwrap().hits["/api/v2/connections"],
        3,
        "one 429 and two pages"
    );
    // A spent window (remaining 0) waits for its reset; a 429 with Retry-After: 2 waits 2 s
    // plus under 1 s of jitter; a 429 with only X-RateLimit-Reset waits until then.
    let slept = slept.lock().unwrap().clone();
    assert_eq!(slept.len(), 3, "{slept:?}");
    assert_eq!(slept[0], Duration::from_secs(2), "{slept:?}");
    assert!(
        slept[1] >= Duration::from_secs(2) && slept[1] < Duration::from_secs(3),
        "{slept:?}"
    );
    assert!(
        slept[2] >= Duration::from_secs(3) && slept[2] < Duration::from_secs(4),
        "{slept:?}"
    );
    // Roles carry their permissions; unconfigured singletons are data, not failures.
    let Section::Read(Value::Array(roles)) = snap.section(SectionId::Roles) else {
        panic!()
    };
    assert_eq!(
        roles[0]["permissions"][0]["permission_name"],
        "update:users"
    );
    assert_eq!(
        snap.section(SectionId::EmailProvider),
        &Section::Read(Value::Null)
    );
    // The snapshot scans completely and finds what the fake tenant has.
    let out = scan(
        snap,
        &ScanOptions {
            now: Some(clock_now()),
            ..ScanOptions::default()
        },
    );
    assert_eq!(out.status, RunStatus::Complete, "{:?}", out.diagnostics);
    let has = |code: &str, id: &str| {
        out.findings
            .iter()
            .any(|f| f.code == code && &*f.object.id == id)
    };
    assert!(has("AUTH0-CLIENT-001", "c007"));
    assert!(has("AUTH0-ROLE-001", "rol_1") && !has("AUTH0-ROLE-001", "rol_2"));
    assert!(has("AUTH0-TENANT-102", "tenant.example.auth0.com"));
    // Deputy's format round-trips what was read.
    let again = deputy_auth0::Snapshot::from_value(snap.to_value()).unwrap();
    assert_eq!(again.sections, snap.sections);
}

fn clock_now() -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp(NOW).unwrap()
}

#[tokio::test]
async fn missing_scopes_are_diagnostics_and_a_partial_run_never_findings() {
    let mut scopes = all_scopes();
    scopes.remove("read:network_acls");
    scopes.remove("read:custom_domains");
    let (base, _) = start(Fake {
        scopes,
        ..Fake::default()
    })
    .await;
    let (sleeper, _) = recorder();
    let read = read_tenant(&options(&base), clock(), sleeper)
        .await
        .expect("read");
    let Section::Failed(f) = read.snapshot.section(SectionId::NetworkAcls) else {
        panic!("not failed")
    };
    assert_eq!(
        (f.status, f.error_code.as_deref()),
        (Some(403), Some("insufficient_scope"))
    );
    let out = scan(
        &read.snapshot,
        &ScanOptions {
            now: Some(clock_now()),
            ..ScanOptions::default()
        },
    );
    assert_eq!(out.status, RunStatus::Partial);
    // CheckMate would report "no ACL" and "no custom domain" here.
    for code in ["AUTH0-ACL-001", "AUTH0-ACL-003", "AUTH0-DOMAIN-001"] {
        assert!(
            !out.findings.iter().any(|f| f.code == code),
            "{code} became a finding"
        );
    }
    let api: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::ApiError)
        .collect();
    assert!(
        api.iter()
            .any(|d| d.section == Some("network_acls") && d.message.contains("read:network_acls")),
        "{api:?}"
    );
    assert!(api.iter().any(|d| d.section == Some("custom_domains")));
}

#[tokio::test]
async fn a_slow_endpoint_times_out_into_a_failed_section() {
    let (base, _) = start(Fake {
        scopes: all_scopes(),
        slow_prompts: true,
        ..Fake::default()
    })
    .await;
    let (sleeper, _) = recorder();
    let mut o = options(&base);
    o.max_retries = 0;
    let read = read_tenant(&o, clock(), sleeper).await.expect("read");
    let Section::Failed(f) = read.snapshot.section(SectionId::Prompts) else {
        panic!("not failed")
    };
    assert!(f.message.contains("timed out"), "{}", f.message);
    assert!(matches!(
        read.snapshot.section(SectionId::TenantSettings),
        Section::Read(_)
    ));
    // With no retries left, a 429 is a failed read as well, not an empty list.
    let Section::Failed(f) = read.snapshot.section(SectionId::Clients) else {
        panic!("clients not failed")
    };
    assert_eq!(f.status, Some(429));
}

#[tokio::test]
async fn bad_credentials_fail_the_read_and_the_secret_is_never_shown() {
    let (base, _) = start(Fake {
        scopes: all_scopes(),
        ..Fake::default()
    })
    .await;
    let (sleeper, _) = recorder();
    let mut o = options(&base);
    o.client_secret = ClientSecret::new("wrong-secret-value".into());
    let err = read_tenant(&o, clock(), sleeper)
        .await
        .expect_err("must fail");
    assert!(matches!(err, LiveError::Token { .. }), "{err}");
    let shown = format!("{err} {err:?} {o:?}");
    assert!(
        shown.contains("401") && !shown.contains("wrong-secret-value"),
        "{shown}"
    );
}

#[test]
fn plain_http_is_only_for_loopback_test_base_urls() {
    let mut o = LiveOptions::new(
        "tenant.example.auth0.com",
        "id",
        ClientSecret::new("s".into()),
    );
    assert_eq!(
        deputy_auth0::live::base_url(&o).unwrap().as_str(),
        "https://tenant.example.auth0.com/"
    );
    o.custom_domain = Some("login.example.com".into());
    assert_eq!(
        deputy_auth0::live::base_url(&o).unwrap().as_str(),
        "https://login.example.com/"
    );
    o.base_url = Some("http://evil.example.com".into());
    assert!(deputy_auth0::live::base_url(&o).is_err());
    o.base_url = Some("http://127.0.0.1:8080".into());
    assert!(deputy_auth0::live::base_url(&o).is_ok());
    o.base_url = None;
    o.custom_domain = Some("bad host/with path".into());
    assert!(deputy_auth0::live::base_url(&o).is_err());
}

#[test]
fn the_documented_scopes_are_exactly_the_ones_the_reader_needs() {
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/auth0-scan.md"
    ))
    .unwrap();
    // The scope list is the backticked block that starts with `read:tenant_settings`.
    let start = docs.find("`read:tenant_settings").unwrap() + 1;
    let block = &docs[start..start + docs[start..].find('`').unwrap()];
    let documented: BTreeSet<&str> = block.split_whitespace().collect();
    let needed: BTreeSet<&str> = SectionId::ALL
        .iter()
        .map(|s| s.scope())
        .filter(|s| !s.is_empty())
        .collect();
    let declared: BTreeSet<&str> = deputy_auth0::live::READ_SCOPES.iter().copied().collect();
    assert_eq!(
        needed, declared,
        "READ_SCOPES must be the scopes of the sections read"
    );
    assert_eq!(
        documented, declared,
        "docs/auth0-scan.md must list exactly READ_SCOPES"
    );
}
