//! `cargo bench -p deputy-auth0 --bench scan`: a generated tenant of 2,000 clients, 200
//! connections and 500 resource servers, parsed and scanned with every check. Prints the
//! median of several runs; the goal is a scan in at most 100 ms.
//!
//! `DEPUTY_AUTH0_BENCH_OUT=FILE` also writes the tenant in CheckMate's shape, to time
//! CheckMate's JSON-dump mode on the same data.

use deputy_auth0::{ScanOptions, Snapshot, scan};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

fn client(i: usize) -> Value {
    let app = ["spa", "regular_web", "native", "non_interactive"][i % 4];
    let grants = match app {
        "spa" => json!(["authorization_code", "refresh_token", "implicit"]),
        "regular_web" => json!([
            "authorization_code",
            "refresh_token",
            "client_credentials",
            "password"
        ]),
        "native" => json!(["authorization_code", "refresh_token"]),
        _ => json!(["client_credentials"]),
    };
    json!({
        "client_id": format!("client_{i:05}"), "name": format!("App {i}"), "app_type": app,
        "is_first_party": !i.is_multiple_of(7), "global": false, "oidc_conformant": !i.is_multiple_of(11),
        "token_endpoint_auth_method": if app == "spa" { "none" } else { "client_secret_post" },
        "grant_types": grants,
        "callbacks": [format!("https://app{i}.example.com/callback"), if i.is_multiple_of(5) { "http://localhost:3000/cb".to_owned() } else { format!("https://app{i}.example.com/alt") }],
        "allowed_logout_urls": [format!("https://app{i}.example.com/")],
        "web_origins": [format!("https://app{i}.example.com")],
        "allowed_origins": [format!("https://app{i}.example.com")],
        "initiate_login_uri": format!("https://app{i}.example.com/login"),
        "jwt_configuration": {"alg": if i.is_multiple_of(9) { "HS256" } else { "RS256" }, "lifetime_in_seconds": 36000},
        "refresh_token": {"rotation_type": if i.is_multiple_of(3) { "non-rotating" } else { "rotating" }, "expiration_type": "expiring", "token_lifetime": 2592000, "idle_token_lifetime": 1296000, "infinite_token_lifetime": false, "infinite_idle_token_lifetime": false},
        "cross_origin_authentication": i.is_multiple_of(13),
        "oidc_backchannel_logout": {"backchannel_logout_urls": []},
    })
}

fn connection(i: usize) -> Value {
    match i % 4 {
        0 => {
            json!({"id": format!("con_{i:04}"), "name": format!("db-{i}"), "strategy": "auth0", "is_domain_connection": i == 0,
            "options": {"passwordPolicy": if i.is_multiple_of(8) { "fair" } else { "good" }, "password_complexity_options": {"min_length": 8 + i % 8},
                "password_history": {"enable": i.is_multiple_of(2), "size": 5}, "password_no_personal_info": {"enable": true}, "password_dictionary": {"enable": true},
                "brute_force_protection": true, "authentication_methods": {"password": {"enabled": true}, "passkey": {"enabled": i.is_multiple_of(3)}},
                "enabledDatabaseCustomization": i.is_multiple_of(20), "import_mode": false,
                "customScripts": {"login": "function login(email, password, cb) {\n  const host = 'db.internal';\n  const conn = connect({ user: 'admin', password: 'hunter2' });\n}"}}})
        }
        1 => {
            json!({"id": format!("con_{i:04}"), "name": format!("google-{i}"), "strategy": "google-oauth2", "options": {"client_id": if i % 8 == 1 { "" } else { "x.apps.googleusercontent.com" }}})
        }
        2 => {
            json!({"id": format!("con_{i:04}"), "name": format!("saml-{i}"), "strategy": "samlp", "options": {"signSAMLRequest": i % 6 != 2, "signatureAlgorithm": "rsa-sha256"}})
        }
        _ => {
            json!({"id": format!("con_{i:04}"), "name": format!("oidc-{i}"), "strategy": "oidc", "options": {"type": "back_channel"}})
        }
    }
}

fn api(i: usize) -> Value {
    json!({"id": format!("rs_{i:04}"), "name": format!("API {i}"), "identifier": format!("https://api{i}.example.com"),
        "signing_alg": if i.is_multiple_of(10) { "HS256" } else { "RS256" }, "token_lifetime": 86400 * (1 + i % 9), "token_lifetime_for_web": 7200,
        "enforce_policies": i.is_multiple_of(2), "scopes": [{"value": "read:x"}, {"value": "write:x"}, {"value": "delete:x"}],
        "subject_type_authorization": {"user": {"policy": if i.is_multiple_of(4) { "allow_all" } else { "require_client_grant" }}}})
}

fn tenant() -> Value {
    let mut resource_servers: Vec<Value> = (0..500).map(api).collect();
    resource_servers.push(json!({"id": "rs_m", "name": "Auth0 Management API", "identifier": "https://bench.eu.auth0.com/api/v2/", "is_system": true}));
    let grants: Vec<Value> = (0..2000).step_by(4).map(|i| json!({"id": format!("cgr_{i}"), "client_id": format!("client_{i:05}"), "audience": format!("https://api{}.example.com", i % 500), "scope": ["read:x"]})).collect();
    let actions: Vec<Value> = (0..50).map(|i| json!({"id": format!("act_{i}"), "name": format!("Action {i}"), "supported_triggers": [{"id": "post-login", "version": "v3"}], "runtime": if i % 5 == 0 { "node16" } else { "node22" }, "status": "built", "all_changes_deployed": true,
        "code": "exports.onExecutePostLogin = async (event, api) => {\n  const API_TOKEN = 'abc123def456';\n  if (!event.request.query.code_challenge) { api.access.deny('pkce'); }\n};", "dependencies": [{"name": "lodash", "version": "4.17.20"}]})).collect();
    json!({
        "tenant_settings": {"friendly_name": "Bench", "support_email": "help@example.com", "support_url": "https://help.example.com", "default_redirection_uri": "https://app.example.com/login", "allowed_logout_urls": ["https://app.example.com"], "sandbox_version": "22", "flags": {"enable_dynamic_client_registration": false}, "error_page": {"html": "<p>{{ error_description }}</p>"}},
        "custom_domains": [{"custom_domain_id": "cd_1", "domain": "login.example.com", "status": "ready", "tls_policy": "recommended"}],
        "clients": (0..2000).map(client).collect::<Vec<_>>(),
        "connections": (0..200).map(connection).collect::<Vec<_>>(),
        "resource_servers": resource_servers,
        "client_grants": grants,
        "roles": [], "organizations": [], "signing_keys": [{"kid": "k", "current": true, "current_since": "2026-01-01T00:00:00Z"}, {"kid": "n", "next": true}],
        "breached_password_detection": {"enabled": true, "shields": ["block"], "admin_notification_frequency": ["daily"], "method": "standard", "stage": {"pre-user-registration": {"shields": ["block"]}, "pre-change-password": {"shields": ["block"]}}},
        "brute_force_protection": {"enabled": true, "shields": ["block", "user_notification"], "allowlist": [], "mode": "count_per_identifier", "max_attempts": 10},
        "suspicious_ip_throttling": {"enabled": true, "shields": ["block", "admin_notification"], "allowlist": []},
        "bot_detection": {}, "email_provider": {"name": "smtp", "enabled": true, "default_from_address": "a@example.com"}, "email_templates": [],
        "log_streams": [{"id": "lst", "name": "siem", "type": "http", "status": "active", "filters": [], "sink": {"httpEndpoint": "https://siem.example.com"}}],
        "event_streams": [], "guardian_factors": [{"name": "otp", "enabled": true}], "guardian_policies": ["all-applications"],
        "rules": [], "hooks": [], "actions": actions, "logs": [], "network_acls": [], "prompts": {"universal_login_experience": "new"},
    })
}

fn deputy_snapshot(sections: &Value) -> Value {
    let m: serde_json::Map<String, Value> = sections
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), json!({"status": "read", "data": v})))
        .collect();
    json!({"format": "deputy-auth0-snapshot", "version": 1, "domain": "bench.eu.auth0.com", "canonical_domain": "bench.eu.auth0.com", "sections": m})
}

fn checkmate_shape(t: &Value) -> Value {
    let dbs: Vec<Value> = t["connections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["strategy"] == "auth0")
        .cloned()
        .collect();
    json!({
        "customDomains": t["custom_domains"], "clients": t["clients"], "databases": dbs,
        "attackProtection": {"breachedPasswordDetection": t["breached_password_detection"], "bruteForceProtection": t["brute_force_protection"], "suspiciousIpThrottling": t["suspicious_ip_throttling"], "botDetection": t["bot_detection"]},
        "emailProvider": t["email_provider"], "logStreams": t["log_streams"], "emailTemplates": [], "errorPageTemplate": t["tenant_settings"]["error_page"]["html"],
        "tenant": t["tenant_settings"], "guardianFactors": t["guardian_factors"], "guardianPolicies": t["guardian_policies"], "rules": [], "hooks": [],
        "actions": {"actions": t["actions"]}, "logs": [], "log_query": "", "networkAcl": [], "canonicalDomain": "bench.eu.auth0.com",
        "eventStreams": [], "resourceServers": t["resource_servers"],
    })
}

/// CPU time this thread has run, from Linux's schedstat (ns); `None` elsewhere. On a shared
/// machine wall time includes waiting for a core, CPU time does not.
fn cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace()
        .next()?
        .parse()
        .ok()
        .map(Duration::from_nanos)
}

/// Median and minimum: on a shared machine the minimum is the uncontended cost.
fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    (v[v.len() / 2].as_secs_f64() * 1e3, v[0].as_secs_f64() * 1e3)
}

fn main() {
    let t = tenant();
    let bytes = serde_json::to_vec(&deputy_snapshot(&t)).unwrap();
    if let Ok(path) = std::env::var("DEPUTY_AUTH0_BENCH_OUT") {
        std::fs::write(&path, serde_json::to_vec(&checkmate_shape(&t)).unwrap()).unwrap();
        println!("wrote the tenant in CheckMate's shape to {path}");
    }
    let now = time::macros::datetime!(2026-11-24 12:00 UTC);
    let options = ScanOptions {
        now: Some(now),
        advisories: Some(vec![]),
        ..ScanOptions::default()
    };
    let (mut parse, mut run, mut total, mut cpu) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut findings = 0;
    for _ in 0..15 {
        let c0 = cpu_time();
        let t0 = Instant::now();
        let snap = Snapshot::from_slice(&bytes).unwrap();
        let t1 = Instant::now();
        let out = scan(&snap, &options);
        let t2 = Instant::now();
        if let (Some(a), Some(b)) = (c0, cpu_time()) {
            cpu.push(b - a);
        }
        findings = out.findings.len();
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        parse.push(t1 - t0);
        run.push(t2 - t1);
        total.push(t2 - t0);
    }
    let (p, r, tt) = (stats(parse), stats(run), stats(total));
    println!(
        "auth0 scan: 2000 clients, 200 connections, 501 resource servers ({} KiB snapshot), {} checks, {findings} findings",
        bytes.len() / 1024,
        deputy_auth0::registry::all().len()
    );
    println!(
        "  parse snapshot  {:>8.2} ms median, {:>8.2} ms min of 15",
        p.0, p.1
    );
    println!(
        "  run checks      {:>8.2} ms median, {:>8.2} ms min of 15",
        r.0, r.1
    );
    println!(
        "  parse + scan    {:>8.2} ms median, {:>8.2} ms min of 15 (goal <= 100 ms)",
        tt.0, tt.1
    );
    if !cpu.is_empty() {
        let c = stats(cpu);
        println!(
            "  CPU time        {:>8.2} ms median, {:>8.2} ms min of 15 (parse + scan, this thread)",
            c.0, c.1
        );
    }
    if std::env::var_os("DEPUTY_AUTH0_BENCH_PER_CHECK").is_some() {
        let snap = Snapshot::from_slice(&bytes).unwrap();
        let mut per: Vec<(Duration, &str)> = deputy_auth0::registry::all()
            .iter()
            .map(|c| {
                let code = c.meta().code;
                let o = ScanOptions {
                    only: Some(vec![code.to_owned()]),
                    ..options.clone()
                };
                let t0 = Instant::now();
                scan(&snap, &o);
                (t0.elapsed(), code)
            })
            .collect();
        per.sort();
        for (d, code) in per.iter().rev().take(8) {
            println!("  {code:<18} {:>8.2} ms", d.as_secs_f64() * 1e3);
        }
    }
}
