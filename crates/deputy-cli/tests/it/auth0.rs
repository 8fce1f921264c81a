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
