//! `deputy scan auth0`, `deputy checks list --source auth0`: snapshots from the CheckMate
//! corpus, every output format, exit codes, and recording runs in the ledger.

use crate::support::{Deputy, corpus};
use serde_json::Value;

fn tenant(name: &str) -> String {
    corpus(&format!("auth0-checkmate/tenants/{name}"))
        .display()
        .to_string()
}

#[test]
fn crash_tenants_give_diagnostics_and_findings_never_exit_2() {
    let deputy = Deputy::sqlite();
    for name in ["tenant-crash.json", "tenant-crash2.json"] {
        let run = deputy.run(&[
            "scan",
            "auth0",
            "--snapshot",
            &tenant(name),
            "--format",
            "json",
        ]);
        assert!(
            run.code == 0 || run.code == 1,
            "{name}: exit {} {}",
            run.code,
            run.stderr
        );
        let v = run.json();
        assert_eq!(v["status"], "partial");
        assert!(
            v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["kind"] == "malformed"),
            "{name}"
        );
        let findings = v["findings"].as_array().unwrap();
        assert!(findings.len() > 40, "{name}: {}", findings.len());
        // Every finding of a ported check carries CheckMate's function name.
        assert!(
            findings
                .iter()
                .any(|f| f["peer_id"] == "checkAllowedCallbacks")
        );
        for f in findings {
            assert!(f["code"].as_str().unwrap().starts_with("AUTH0-"));
            assert_eq!(f["fingerprint"].as_str().unwrap().len(), 64);
        }
    }
}

#[test]
fn fail_on_sets_the_exit_code_and_every_format_renders() {
    let deputy = Deputy::sqlite();
    let snap = tenant("tenant-misconfigured.json");
    let any = deputy.run(&["scan", "auth0", "--snapshot", &snap]);
    assert_eq!(any.code, 1, "{}", any.stderr);
    crate::support::assert_fits(&any.stdout);
    let critical = deputy.run(&[
        "scan",
        "auth0",
        "--snapshot",
        &snap,
        "--fail-on",
        "critical",
    ]);
    assert_eq!(
        critical.code, 0,
        "no critical findings on this tenant: {}",
        critical.stderr
    );
    let sarif = deputy
        .run(&[
            "scan",
            "auth0",
            "--snapshot",
            &snap,
            "--format",
            "sarif",
            "--fail-on",
            "critical",
        ])
        .ok();
    let log: Value = serde_json::from_str(&sarif.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["properties"]["peerId"] == "checkGrantTypes")
    );
    let junit = deputy
        .run(&[
            "scan",
            "auth0",
            "--snapshot",
            &snap,
            "--format",
            "junit",
            "--fail-on",
            "critical",
        ])
        .ok();
    assert!(
        junit.stdout.starts_with("<?xml") && junit.stdout.contains("<failure"),
        "{}",
        junit.stdout
    );
    let md = deputy
        .run(&[
            "scan",
            "auth0",
            "--snapshot",
            &snap,
            "--format",
            "markdown",
            "--fail-on",
            "critical",
        ])
        .ok();
    assert!(md.stdout.contains("`checkSandboxVersion`"), "{}", md.stdout);
    let only = deputy.run(&[
        "scan",
        "auth0",
        "--snapshot",
        &snap,
        "--check",
        "checkSandboxVersion",
        "--format",
        "json",
    ]);
    assert_eq!(only.code, 1);
    assert_eq!(only.json()["checks_run"], 1);
    let unknown = deputy.run(&[
        "scan",
        "auth0",
        "--snapshot",
        &snap,
        "--check",
        "checkNothing",
    ]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("checkNothing"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn json_shape_is_stable() {
    let deputy = Deputy::sqlite();
    let v = deputy
        .run(&[
            "scan",
            "auth0",
            "--snapshot",
            &tenant("tenant-misconfigured.json"),
            "--format",
            "json",
        ])
        .json();
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        k.sort();
        k
    };
    assert_eq!(
        keys(&v),
        [
            "checks_run",
            "counts",
            "diagnostics",
            "findings",
            "origin",
            "run",
            "status",
            "tenant"
        ]
    );
    assert_eq!(
        keys(&v["findings"][0]),
        [
            "code",
            "field",
            "fingerprint",
            "help_uri",
            "message",
            "object",
            "peer_id",
            "remediation",
            "resource",
            "setting_path",
            "severity",
            "status",
            "title",
            "value"
        ]
    );
    assert_eq!(keys(&v["findings"][0]["object"]), ["id", "kind", "name"]);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["section"].is_string())
        .expect("a section diagnostic");
    assert_eq!(keys(d), ["code", "kind", "message", "section"]);
}

#[test]
fn bad_input_exits_2_naming_the_file() {
    let deputy = Deputy::sqlite();
    let bad = deputy.path("bad.json");
    std::fs::write(&bad, "{\n  \"clients\": [,]\n}").unwrap();
    let run = deputy.run(&["scan", "auth0", "--snapshot", bad.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("bad.json") && run.stderr.contains("line 2"),
        "{}",
        run.stderr
    );
    let neither = deputy.run(&["scan", "auth0"]);
    assert_eq!(neither.code, 2);
    assert!(neither.stderr.contains("--snapshot"), "{}", neither.stderr);
}

#[test]
fn checks_list_matches_the_committed_docs() {
    let deputy = Deputy::sqlite();
    let md = deputy
        .run(&[
            "checks", "list", "--source", "auth0", "--format", "markdown",
        ])
        .ok();
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/auth0-checks.md"
    ))
    .unwrap();
    assert_eq!(md.stdout, docs);
    let json = deputy
        .run(&["checks", "list", "--source", "auth0", "--format", "json"])
        .ok()
        .json();
    let checks = json["checks"].as_array().unwrap();
    assert_eq!(
        checks.iter().filter(|c| c["peer_id"].is_string()).count(),
        61
    );
    assert!(checks.len() >= 91);
}

#[tokio::test(flavor = "multi_thread")]
async fn project_runs_are_recorded_partial_and_reconcile() {
    for (deputy, _db) in Deputy::all("auth0_project_runs").await {
        let snap = tenant("tenant-misconfigured.json");
        let args = [
            "scan",
            "auth0",
            "--snapshot",
            snap.as_str(),
            "--project",
            "acme-auth0",
            "--format",
            "json",
            "--fail-on",
            "critical",
        ];
        let first = deputy.run(&args).ok().json();
        let run = &first["run"];
        assert_eq!(run["format"], "deputy-auth0", "{}", deputy.backend);
        assert_eq!(run["status"], "partial");
        let n = first["findings"].as_array().unwrap().len() as u64;
        assert_eq!(run["delta"]["new"], n);
        let second = deputy.run(&args).ok().json();
        assert_eq!(second["run"]["delta"]["unchanged"], n, "{}", deputy.backend);
        assert_eq!(second["run"]["delta"]["new"], 0);
        let listed = deputy
            .run(&[
                "findings",
                "list",
                "--project",
                "acme-auth0",
                "--format",
                "json",
            ])
            .ok()
            .json();
        assert_eq!(listed.as_array().unwrap().len() as u64, n);
    }
}

/// A minimal Management API on 127.0.0.1 (std only): a token, tenant settings and one page of
/// clients; every other read is refused with 403 `insufficient_scope`.
fn fake_management_api() -> String {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let (mut length, mut auth) = (0usize, String::new());
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
                let lower = h.to_ascii_lowercase();
                if let Some(v) = lower.strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
                if lower.starts_with("authorization:") {
                    auth = h.trim().to_owned();
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let path = request_line
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .to_owned();
            let (status, json) = if path == "/oauth/token" {
                let b: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                if b["client_secret"] == "fake-secret-from-stdin" {
                    (
                        "200 OK",
                        r#"{"access_token":"fake-token","token_type":"Bearer","expires_in":86400}"#
                            .to_owned(),
                    )
                } else {
                    (
                        "401 Unauthorized",
                        r#"{"error":"access_denied","error_description":"Unauthorized"}"#
                            .to_owned(),
                    )
                }
            } else if auth != "authorization: Bearer fake-token"
                && auth != "Authorization: Bearer fake-token"
            {
                (
                    "401 Unauthorized",
                    r#"{"statusCode":401,"error":"Unauthorized","message":"Invalid token"}"#
                        .to_owned(),
                )
            } else if path.starts_with("/api/v2/tenants/settings") {
                ("200 OK", r#"{"friendly_name":"Live","flags":{"disable_clickjack_protection_headers":true}}"#.to_owned())
            } else if path.starts_with("/api/v2/clients") {
                ("200 OK", r#"{"start":0,"limit":100,"total":1,"clients":[{"client_id":"c1","name":"App","app_type":"spa","callbacks":["http://localhost:3000/cb"],"grant_types":["authorization_code"]}]}"#.to_owned())
            } else {
                ("403 Forbidden", r#"{"statusCode":403,"error":"Forbidden","message":"Insufficient scope","errorCode":"insufficient_scope"}"#.to_owned())
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-RateLimit-Limit: 50\r\nX-RateLimit-Remaining: 49\r\nX-RateLimit-Reset: 0\r\nConnection: close\r\n\r\n{json}",
                json.len()
            );
        }
    });
    format!("http://{addr}")
}

fn run_with_stdin(deputy: &Deputy, args: &[&str], stdin: &str) -> crate::support::Run {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_deputy"))
        .args(args)
        .env_remove("DEPUTY_AUTH0_CLIENT_SECRET")
        .env("DEPUTY_DATA_DIR", deputy.path("data"))
        .env("DEPUTY_CONFIG", deputy.path("deputy.toml"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    crate::support::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn live_scan_reads_the_secret_from_stdin_and_reports_refused_reads_as_diagnostics() {
    let deputy = Deputy::sqlite();
    let base = fake_management_api();
    let live = [
        "--domain",
        "tenant.example.auth0.com",
        "--client-id",
        "fake-cid",
        "--base-url",
        base.as_str(),
    ];
    let mut args = vec!["scan", "auth0", "--format", "json"];
    args.extend(live);
    let run = run_with_stdin(&deputy, &args, "fake-secret-from-stdin\n");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        !run.stdout.contains("fake-secret-from-stdin")
            && !run.stderr.contains("fake-secret-from-stdin")
    );
    let v = run.json();
    assert_eq!(v["status"], "partial");
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"AUTH0-CLIENT-001") && codes.contains(&"AUTH0-TENANT-102"),
        "{codes:?}"
    );
    // Refused reads are diagnostics, not "not configured" findings.
    for code in [
        "AUTH0-DOMAIN-001",
        "AUTH0-ACL-001",
        "AUTH0-LOG-001",
        "AUTH0-MFA-001",
    ] {
        assert!(!codes.contains(&code), "{code} from a refused read");
    }
    assert!(v["diagnostics"].as_array().unwrap().iter().any(|d| {
        d["kind"] == "api_error"
            && d["message"]
                .as_str()
                .unwrap()
                .contains("read:custom_domains")
    }));

    let mut snap = vec!["auth0", "snapshot"];
    snap.extend(live);
    let s = run_with_stdin(&deputy, &snap, "fake-secret-from-stdin\n");
    assert_eq!(s.code, 0, "{}", s.stderr);
    assert_eq!(s.json()["format"], "deputy-auth0-snapshot");
    assert!(!s.stdout.contains("fake-secret-from-stdin"));

    let wrong = run_with_stdin(&deputy, &snap, "not-the-secret\n");
    assert_eq!(wrong.code, 2);
    assert!(
        wrong.stderr.contains("401") && !wrong.stderr.contains("not-the-secret"),
        "{}",
        wrong.stderr
    );
    let http = run_with_stdin(
        &deputy,
        &[
            "auth0",
            "snapshot",
            "--domain",
            "t.example.com",
            "--client-id",
            "x",
            "--base-url",
            "http://example.com",
        ],
        "s\n",
    );
    assert_eq!(http.code, 2);
    assert!(http.stderr.contains("loopback"), "{}", http.stderr);
}

/// A snapshot in Deputy's format with every section read (empty unless given).
fn complete_snapshot(sections: Value) -> Value {
    let mut all = serde_json::Map::new();
    let list = [
        "custom_domains",
        "clients",
        "connections",
        "resource_servers",
        "client_grants",
        "roles",
        "organizations",
        "signing_keys",
        "email_templates",
        "log_streams",
        "event_streams",
        "guardian_factors",
        "guardian_policies",
        "rules",
        "hooks",
        "actions",
        "logs",
        "network_acls",
    ];
    for k in list {
        all.insert(
            k.to_owned(),
            serde_json::json!({"status": "read", "data": []}),
        );
    }
    for k in [
        "tenant_settings",
        "breached_password_detection",
        "brute_force_protection",
        "suspicious_ip_throttling",
        "bot_detection",
        "prompts",
    ] {
        all.insert(
            k.to_owned(),
            serde_json::json!({"status": "read", "data": {}}),
        );
    }
    all.insert(
        "email_provider".into(),
        serde_json::json!({"status": "read", "data": null}),
    );
    for (k, v) in sections.as_object().unwrap() {
        all.insert(k.clone(), serde_json::json!({"status": "read", "data": v}));
    }
    serde_json::json!({"format": "deputy-auth0-snapshot", "version": 1, "domain": "acme.example.com", "canonical_domain": "acme.eu.auth0.com", "sections": all})
}

#[tokio::test(flavor = "multi_thread")]
async fn only_a_complete_scan_resolves_absent_findings() {
    for (deputy, _db) in Deputy::all("auth0_complete_resolves").await {
        let bad = serde_json::json!({
            "tenant_settings": {"friendly_name": "Acme", "flags": {"disable_clickjack_protection_headers": true}},
            "breached_password_detection": {"enabled": true, "shields": ["block"], "stage": {}, "method": "standard"},
            "brute_force_protection": {"enabled": true, "shields": ["block", "user_notification"], "allowlist": []},
            "suspicious_ip_throttling": {"enabled": true, "shields": ["block", "admin_notification"], "allowlist": []},
            "clients": [{"client_id": "c1", "name": "App", "app_type": "spa", "callbacks": ["http://localhost:3000/cb"], "grant_types": ["authorization_code"]}],
        });
        let mut fixed = bad.clone();
        fixed["clients"][0]["callbacks"] = serde_json::json!(["https://app.example.com/cb"]);
        let scan = |file: &str, name: &str, v: &Value| {
            let path = deputy.path(name);
            crate::support::write_json(&path, v);
            let p = path.display().to_string();
            deputy
                .run(&[
                    "scan",
                    "auth0",
                    "--snapshot",
                    &p,
                    "--project",
                    file,
                    "--format",
                    "json",
                    "--fail-on",
                    "critical",
                ])
                .ok()
                .json()
        };
        let first = scan("acme", "bad.json", &complete_snapshot(bad.clone()));
        assert_eq!(
            first["status"], "complete",
            "{}: {}",
            deputy.backend, first["diagnostics"]
        );
        let second = scan("acme", "fixed.json", &complete_snapshot(fixed.clone()));
        assert_eq!(
            second["run"]["delta"]["resolved"], 1,
            "{}: {}",
            deputy.backend, second["run"]["delta"]
        );
        // A partial scan (a section failed) of a fixed tenant marks absent findings stale.
        let mut partial = complete_snapshot(bad.clone());
        scan("acme2", "bad2.json", &partial);
        partial = complete_snapshot(fixed.clone());
        partial["sections"]["network_acls"] = serde_json::json!({"status": "failed", "error": {"status": 403, "error_code": "insufficient_scope", "message": "Insufficient scope"}});
        let third = scan("acme2", "fixed2.json", &partial);
        assert_eq!(third["status"], "partial");
        assert_eq!(third["run"]["delta"]["resolved"], 0, "{}", deputy.backend);
        // The fixed callback and the two ACL findings the refused read could not confirm.
        assert_eq!(
            third["run"]["delta"]["stale"], 3,
            "{}: {}",
            deputy.backend, third["run"]["delta"]
        );
    }
}
