//! Reading a tenant through the Management API v2 with a client-credentials token: every
//! list endpoint paged (offset and checkpoint styles), HTTP 429 retried after `Retry-After`
//! or `X-RateLimit-Reset` with jittered exponential backoff, every request under a timeout.
//! A read that fails becomes a `failed` section of the snapshot (never a finding); only a
//! failed token request fails the whole read.
//!
//! This is the only module of the crate that does network I/O. Time and sleeping are
//! parameters ([`Clock`], [`Sleeper`]) so tests of the backoff are instant.

use crate::model::{ApiFailure, Section};
use crate::snapshot::{EMAIL_TEMPLATES, Origin, SectionId, Snapshot};
use deputy_core::Clock;
use reqwest::StatusCode;
use serde_json::{Map, Value};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use url::Url;
use zeroize::Zeroizing;

/// The read scopes Deputy's snapshot needs, one per line of `docs/auth0-scan.md`.
pub const READ_SCOPES: &[&str] = &[
    "read:tenant_settings",
    "read:custom_domains",
    "read:clients",
    "read:connections",
    "read:resource_servers",
    "read:client_grants",
    "read:roles",
    "read:organizations",
    "read:signing_keys",
    "read:attack_protection",
    "read:email_provider",
    "read:email_templates",
    "read:log_streams",
    "read:event_streams",
    "read:guardian_factors",
    "read:mfa_policies",
    "read:rules",
    "read:hooks",
    "read:actions",
    "read:logs",
    "read:network_acls",
    "read:prompts",
];

/// The M2M client secret: redacted in `Debug`, zeroized on drop, never logged.
pub struct ClientSecret(Zeroizing<String>);

impl ClientSecret {
    pub fn new(secret: String) -> Self {
        ClientSecret(Zeroizing::new(secret))
    }

    fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientSecret(<redacted>)")
    }
}

/// Sleeps for a duration; tests pass one that records instead of waiting.
pub type Sleeper = Arc<dyn Fn(Duration) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// The real sleeper.
pub fn tokio_sleeper() -> Sleeper {
    Arc::new(|d| Box::pin(tokio::time::sleep(d)))
}

/// How to reach the tenant.
#[derive(Debug)]
pub struct LiveOptions {
    /// The tenant's canonical domain (`acme.eu.auth0.com`): the token audience.
    pub domain: String,
    /// Send requests to this host instead (a custom domain, when the canonical host is
    /// blocked by a tenant ACL). The audience stays the canonical domain.
    pub custom_domain: Option<String>,
    /// For tests only: a base URL (`http://127.0.0.1:PORT`). Plain http is accepted only for
    /// loopback hosts; real domains are always https.
    pub base_url: Option<String>,
    pub client_id: String,
    pub client_secret: ClientSecret,
    /// Per-request timeout.
    pub timeout: Duration,
    /// Retries of one request after HTTP 429 or a 5xx.
    pub max_retries: u32,
    /// Page size for paged endpoints (at most 100).
    pub page_size: u32,
}

impl LiveOptions {
    pub fn new(domain: &str, client_id: &str, client_secret: ClientSecret) -> Self {
        LiveOptions {
            domain: domain.to_owned(),
            custom_domain: None,
            base_url: None,
            client_id: client_id.to_owned(),
            client_secret,
            timeout: Duration::from_secs(30),
            max_retries: 5,
            page_size: 100,
        }
    }
}

/// Why the tenant could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error("invalid {what} `{value}`: {reason}")]
    Config {
        what: &'static str,
        value: String,
        reason: String,
    },
    #[error("cannot build the HTTP client: {0}")]
    Client(String),
    #[error("the token request to `{url}` failed: {failure}")]
    Token { url: String, failure: ApiFailure },
}

fn valid_host(h: &str) -> bool {
    !h.is_empty()
        && h.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

/// The base URL requests go to.
pub fn base_url(opts: &LiveOptions) -> Result<Url, LiveError> {
    if let Some(b) = &opts.base_url {
        let url = Url::parse(b).map_err(|e| LiveError::Config {
            what: "base URL",
            value: b.clone(),
            reason: e.to_string(),
        })?;
        let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
        if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
            return Err(LiveError::Config {
                what: "base URL",
                value: b.clone(),
                reason: "only https, or http to a loopback address for tests".into(),
            });
        }
        return Ok(url);
    }
    let host = opts.custom_domain.as_deref().unwrap_or(&opts.domain);
    if !valid_host(host) {
        return Err(LiveError::Config {
            what: "domain",
            value: host.to_owned(),
            reason: "expected a host name such as `acme.eu.auth0.com`".into(),
        });
    }
    Url::parse(&format!("https://{host}/")).map_err(|e| LiveError::Config {
        what: "domain",
        value: host.to_owned(),
        reason: e.to_string(),
    })
}

/// One Management API session.
struct Session {
    http: reqwest::Client,
    base: Url,
    token: Zeroizing<String>,
    clock: Arc<dyn Clock>,
    sleep: Sleeper,
    max_retries: u32,
    page_size: u32,
    requests: u64,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("base", &self.base.as_str())
            .finish_non_exhaustive()
    }
}

fn failure_from(status: StatusCode, body: &[u8]) -> ApiFailure {
    let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    ApiFailure {
        status: Some(status.as_u16()),
        error_code: text("errorCode").or_else(|| text("error")),
        message: text("message")
            .or_else(|| text("error_description"))
            .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_owned()),
    }
}

fn header_i64(headers: &reqwest::header::HeaderMap, name: &str) -> Option<i64> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .and_then(|s| s.trim().parse::<i64>().ok())
}

/// How long to wait before retrying a 429, from the response headers.
pub fn retry_delay(
    headers: &reqwest::header::HeaderMap,
    attempt: u32,
    now_epoch: i64,
    jitter_ms: u64,
) -> Duration {
    let header = |name: &str| header_i64(headers, name);
    let base = if let Some(secs) = header("retry-after") {
        Duration::from_secs(secs.clamp(0, 300) as u64)
    } else if let Some(reset) = header("x-ratelimit-reset") {
        Duration::from_secs((reset - now_epoch).clamp(0, 300) as u64)
    } else {
        Duration::from_secs(1u64 << attempt.min(6))
    };
    base + Duration::from_millis(jitter_ms)
}

impl Session {
    fn url(&self, path_and_query: &str) -> Result<Url, ApiFailure> {
        self.base
            .join(path_and_query.trim_start_matches('/'))
            .map_err(|e| ApiFailure {
                status: None,
                error_code: None,
                message: format!("bad URL `{path_and_query}`: {e}"),
            })
    }

    /// GET with retries; `Ok(None)` for 404.
    async fn get(&mut self, path: &str) -> Result<Option<Value>, ApiFailure> {
        let url = self.url(path)?;
        let mut attempt = 0;
        loop {
            self.requests += 1;
            let resp = self
                .http
                .get(url.clone())
                .bearer_auth(self.token.as_str())
                .send()
                .await;
            let resp = match resp {
                Ok(r) => r,
                Err(e) => {
                    let kind = if e.is_timeout() {
                        "timed out"
                    } else {
                        "failed"
                    };
                    return Err(ApiFailure {
                        status: None,
                        error_code: None,
                        message: format!("GET {} {kind}: {e}", url.path()),
                    });
                }
            };
            let status = resp.status();
            let retryable = status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
            if retryable && attempt < self.max_retries {
                let now = self.clock.now().unix_timestamp();
                let delay = retry_delay(resp.headers(), attempt, now, fastrand::u64(0..1000));
                tracing::info!(
                    path = url.path(),
                    status = status.as_u16(),
                    ?delay,
                    "retrying"
                );
                (self.sleep)(delay).await;
                attempt += 1;
                continue;
            }
            // The window is spent: wait for its reset before the next request instead of
            // walking into a 429.
            let remaining = header_i64(resp.headers(), "x-ratelimit-remaining");
            let reset = header_i64(resp.headers(), "x-ratelimit-reset");
            if let (Some(0), Some(reset)) = (remaining, reset) {
                let wait = (reset - self.clock.now().unix_timestamp()).clamp(0, 60) as u64;
                if wait > 0 {
                    tracing::info!(
                        path = url.path(),
                        wait,
                        "rate-limit window spent; waiting for its reset"
                    );
                    (self.sleep)(Duration::from_secs(wait)).await;
                }
            }
            let body = resp.bytes().await.map_err(|e| ApiFailure {
                status: Some(status.as_u16()),
                error_code: None,
                message: format!("reading the body of GET {}: {e}", url.path()),
            })?;
            if status == StatusCode::NOT_FOUND {
                return Ok(None);
            }
            if !status.is_success() {
                return Err(failure_from(status, &body));
            }
            return serde_json::from_slice(&body)
                .map(Some)
                .map_err(|e| ApiFailure {
                    status: Some(status.as_u16()),
                    error_code: None,
                    message: format!("GET {} returned invalid JSON: {e}", url.path()),
                });
        }
    }

    async fn get_required(&mut self, path: &str) -> Result<Value, ApiFailure> {
        self.get(path).await?.ok_or_else(|| ApiFailure {
            status: Some(404),
            error_code: None,
            message: format!("`{path}` was not found"),
        })
    }

    /// Offset paging: `page`/`per_page`/`include_totals`, envelope `{total, <key>: [...]}`.
    async fn offset(&mut self, path: &str, key: &str) -> Result<Value, ApiFailure> {
        let sep = if path.contains('?') { '&' } else { '?' };
        let mut all = Vec::new();
        for page in 0u32.. {
            let v = self
                .get_required(&format!(
                    "{path}{sep}page={page}&per_page={}&include_totals=true",
                    self.page_size
                ))
                .await?;
            let (items, total) = match v {
                Value::Array(a) => (a, None),
                Value::Object(mut m) => {
                    let total = m.get("total").and_then(Value::as_u64);
                    match m.remove(key) {
                        Some(Value::Array(a)) => (a, total),
                        _ => {
                            return Err(ApiFailure {
                                status: None,
                                error_code: None,
                                message: format!("`{path}` returned no `{key}` array"),
                            });
                        }
                    }
                }
                _ => {
                    return Err(ApiFailure {
                        status: None,
                        error_code: None,
                        message: format!("`{path}` returned neither an array nor an envelope"),
                    });
                }
            };
            let n = items.len();
            all.extend(items);
            let done = match total {
                Some(t) => all.len() as u64 >= t,
                None => n < self.page_size as usize,
            };
            if done || n == 0 {
                break;
            }
        }
        Ok(Value::Array(all))
    }

    /// Checkpoint paging: `take` and `from=<next>`, envelope `{<key>: [...], next}`.
    async fn checkpoint(&mut self, path: &str, key: &str) -> Result<Value, ApiFailure> {
        let sep = if path.contains('?') { '&' } else { '?' };
        let mut all = Vec::new();
        let mut from: Option<String> = None;
        loop {
            let mut q = format!("{path}{sep}take={}", self.page_size);
            if let Some(f) = &from {
                q.push_str("&from=");
                q.push_str(&url::form_urlencoded::byte_serialize(f.as_bytes()).collect::<String>());
            }
            let v = self.get_required(&q).await?;
            let mut m = match v {
                // Some endpoints answer a bare array when there is a single page.
                Value::Array(a) => {
                    all.extend(a);
                    break;
                }
                Value::Object(m) => m,
                _ => {
                    return Err(ApiFailure {
                        status: None,
                        error_code: None,
                        message: format!("`{path}` returned neither an array nor an envelope"),
                    });
                }
            };
            if let Some(Value::Array(a)) = m.remove(key) {
                all.extend(a);
            }
            match m.remove("next").and_then(|n| n.as_str().map(str::to_owned)) {
                Some(n) if !n.is_empty() && from.as_deref() != Some(n.as_str()) => from = Some(n),
                _ => break,
            }
        }
        Ok(Value::Array(all))
    }
}

fn section(r: Result<Value, ApiFailure>) -> Section {
    match r {
        Ok(v) => Section::Read(v),
        Err(f) => Section::Failed(f),
    }
}

/// Requests a client-credentials token for the Management API.
async fn token(
    http: &reqwest::Client,
    base: &Url,
    opts: &LiveOptions,
) -> Result<String, LiveError> {
    let url = base
        .join("oauth/token")
        .map_err(|e| LiveError::Client(e.to_string()))?;
    let body = serde_json::json!({
        "grant_type": "client_credentials",
        "client_id": opts.client_id,
        "client_secret": opts.client_secret.expose(),
        "audience": format!("https://{}/api/v2/", opts.domain),
    });
    let fail = |failure| LiveError::Token {
        url: url.to_string(),
        failure,
    };
    let resp = http
        .post(url.clone())
        .json(&body)
        .send()
        .await
        .map_err(|e| {
            fail(ApiFailure {
                status: None,
                error_code: None,
                message: e.to_string(),
            })
        })?;
    let status = resp.status();
    let bytes = resp.bytes().await.map_err(|e| {
        fail(ApiFailure {
            status: Some(status.as_u16()),
            error_code: None,
            message: e.to_string(),
        })
    })?;
    if !status.is_success() {
        return Err(fail(failure_from(status, &bytes)));
    }
    let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    v.get("access_token")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| {
            fail(ApiFailure {
                status: Some(status.as_u16()),
                error_code: None,
                message: "the response has no `access_token`".into(),
            })
        })
}

/// What reading a tenant produced, with the number of HTTP requests it took.
#[derive(Debug)]
pub struct LiveRead {
    pub snapshot: Snapshot,
    pub requests: u64,
}

/// Reads every section of the tenant into a snapshot.
pub async fn read_tenant(
    opts: &LiveOptions,
    clock: Arc<dyn Clock>,
    sleep: Sleeper,
) -> Result<LiveRead, LiveError> {
    let base = base_url(opts)?;
    let http = reqwest::Client::builder()
        .timeout(opts.timeout)
        .connect_timeout(opts.timeout)
        .user_agent(concat!("deputy/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| LiveError::Client(e.to_string()))?;
    let token = Zeroizing::new(token(&http, &base, opts).await?);
    let mut s = Session {
        http,
        base,
        token,
        clock: clock.clone(),
        sleep,
        max_retries: opts.max_retries,
        page_size: opts.page_size.clamp(1, 100),
        requests: 1,
    };
    let mut snap = Snapshot::empty(Origin::Deputy);
    snap.domain = Some(
        opts.custom_domain
            .clone()
            .unwrap_or_else(|| opts.domain.clone()),
    );
    snap.canonical_domain = Some(opts.domain.clone());
    snap.captured_at = deputy_core::time_fmt::format(clock.now()).into();

    let single = [
        SectionId::TenantSettings,
        SectionId::CustomDomains,
        SectionId::SigningKeys,
        SectionId::BreachedPassword,
        SectionId::BruteForce,
        SectionId::SuspiciousIp,
        SectionId::BotDetection,
        SectionId::LogStreams,
        SectionId::GuardianFactors,
        SectionId::GuardianPolicies,
        SectionId::Prompts,
    ];
    for id in single {
        let r = s.get_required(id.endpoint()).await;
        snap.set(id, section(r));
    }
    // 404 means "no provider configured", which is data, not a failure.
    let provider = s
        .get("/api/v2/emails/provider?fields=name,enabled,default_from_address")
        .await;
    snap.set(
        SectionId::EmailProvider,
        section(provider.map(|v| v.unwrap_or(Value::Null))),
    );

    let offset = [
        (
            SectionId::Clients,
            "/api/v2/clients?is_global=false",
            "clients",
        ),
        (
            SectionId::ResourceServers,
            "/api/v2/resource-servers",
            "resource_servers",
        ),
        (SectionId::Rules, "/api/v2/rules", "rules"),
        (SectionId::Hooks, "/api/v2/hooks", "hooks"),
        (
            SectionId::Actions,
            "/api/v2/actions/actions?installed=false",
            "actions",
        ),
        (
            SectionId::NetworkAcls,
            "/api/v2/network-acls",
            "network_acls",
        ),
    ];
    for (id, path, key) in offset {
        let r = s.offset(path, key).await;
        snap.set(id, section(r));
    }
    let checkpoint = [
        (SectionId::Connections, "/api/v2/connections", "connections"),
        (
            SectionId::ClientGrants,
            "/api/v2/client-grants",
            "client_grants",
        ),
        (
            SectionId::Organizations,
            "/api/v2/organizations",
            "organizations",
        ),
        (
            SectionId::EventStreams,
            "/api/v2/event-streams",
            "eventStreams",
        ),
    ];
    for (id, path, key) in checkpoint {
        let r = s.checkpoint(path, key).await;
        snap.set(id, section(r));
    }
    let roles = read_roles(&mut s).await;
    snap.set(SectionId::Roles, section(roles));
    let templates = read_templates(&mut s).await;
    snap.set(SectionId::EmailTemplates, section(templates));
    let query = format!(
        "type:(s f fs ss fu fp scoa fcoa sepft fepft) AND hostname:\"{}\"",
        opts.domain
    );
    let q: String = url::form_urlencoded::byte_serialize(query.as_bytes()).collect();
    let logs = s
        .get_required(&format!(
            "/api/v2/logs?per_page=1&fields=type,hostname,log_id&q={q}"
        ))
        .await;
    snap.set(SectionId::Logs, section(logs));
    snap.log_query = Some(query);
    Ok(LiveRead {
        requests: s.requests,
        snapshot: snap,
    })
}

async fn read_roles(s: &mut Session) -> Result<Value, ApiFailure> {
    let Value::Array(roles) = s.offset("/api/v2/roles", "roles").await? else {
        return Ok(Value::Array(Vec::new()));
    };
    let mut out = Vec::with_capacity(roles.len());
    for mut role in roles {
        let id = role
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        if !id.is_empty() {
            let enc: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
            let perms = s
                .offset(&format!("/api/v2/roles/{enc}/permissions"), "permissions")
                .await?;
            if let Value::Object(m) = &mut role {
                m.insert("permissions".into(), perms);
            }
        }
        out.push(role);
    }
    Ok(Value::Array(out))
}

async fn read_templates(s: &mut Session) -> Result<Value, ApiFailure> {
    let mut out = Vec::with_capacity(EMAIL_TEMPLATES.len());
    for (name, display) in EMAIL_TEMPLATES {
        let t = s.get(&format!("/api/v2/email-templates/{name}")).await?;
        let mut m = Map::new();
        m.insert("name".into(), Value::String(display.to_owned()));
        m.insert("template".into(), t.unwrap_or(Value::Null));
        out.push(Value::Object(m));
    }
    Ok(Value::Array(out))
}
