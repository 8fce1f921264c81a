//! Whole-tenant runs over the tenants recorded with CheckMate v1.8.4.

use crate::support::corpus;
use deputy_auth0::{Advisory, ScanOptions, Snapshot, scan};
use deputy_core::RunStatus;
use serde_json::Value;
use std::collections::BTreeSet;

fn load(name: &str) -> Snapshot {
    let bytes = std::fs::read(corpus().join("tenants").join(name)).expect("tenant file");
    let mut snap = Snapshot::from_slice(&bytes).expect("snapshot");
    // The tenants were recorded by running CheckMate against a fake Management API at this
    // address, which CheckMate then takes as the canonical domain; the files do not say so.
    snap.canonical_domain = Some("127.0.0.1:8443".to_owned());
    snap
}

fn advisories() -> Vec<Advisory> {
    serde_json::from_str(include_str!("../data/advisories.json")).expect("advisories")
}

fn reported_peers(out: &deputy_auth0::ScanOutcome) -> BTreeSet<String> {
    out.findings
        .iter()
        .filter_map(|f| f.peer_id.map(str::to_owned))
        .collect()
}

#[test]
fn every_check_checkmate_reports_on_the_misconfigured_tenant_is_reported() {
    let summary: Value = serde_json::from_slice(
        &std::fs::read(corpus().join("tenants/tenant-misconfigured.summary.json"))
            .expect("summary"),
    )
    .expect("json");
    let theirs: BTreeSet<String> = summary
        .as_array()
        .expect("array")
        .iter()
        .map(|e| e["name"].as_str().expect("name").to_owned())
        .collect();
    assert_eq!(theirs.len(), 59);
    let snap = load("tenant-misconfigured.json");
    let out = scan(
        &snap,
        &ScanOptions {
            advisories: Some(advisories()),
            ..ScanOptions::default()
        },
    );
    let ours = reported_peers(&out);
    let missing: Vec<&String> = theirs.difference(&ours).collect();
    assert!(
        missing.is_empty(),
        "CheckMate reports {missing:?}, Deputy does not"
    );
    // Every finding carries its peer id when the check has one, and fingerprints are unique
    // per (object, setting).
    let fps: BTreeSet<&str> = out
        .findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .collect();
    assert_eq!(fps.len(), out.findings.len(), "duplicate fingerprints");
    // The ledger's draft has the same fingerprint, from the same stable parts.
    for f in &out.findings {
        assert_eq!(f.draft(&out.tenant).fingerprint, f.fingerprint);
    }
    // The CheckMate shape has no client grants, roles, etc.: those are diagnostics, not passes.
    assert_eq!(out.status, RunStatus::Partial);
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.section == Some("client_grants"))
    );
}

#[test]
fn without_advisories_the_dependency_check_says_so_instead_of_passing() {
    let out = scan(&load("tenant-misconfigured.json"), &ScanOptions::default());
    assert!(!reported_peers(&out).contains("checkDependencies"));
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.code == Some("AUTH0-EXT-005"))
    );
}

#[test]
fn crash_tenants_give_diagnostics_and_scan_everything_else() {
    for (file, check, path) in [
        ("tenant-crash.json", "AUTH0-ATTACK-002", "allowlist"),
        ("tenant-crash2.json", "AUTH0-DB-005", "passkey"),
    ] {
        let out = scan(&load(file), &ScanOptions::default());
        let diag = out
            .diagnostics
            .iter()
            .find(|d| d.code == Some(check))
            .unwrap_or_else(|| panic!("{file}: no diagnostic for {check}"));
        assert!(diag.message.contains(path), "{file}: {}", diag.message);
        assert_eq!(out.status, RunStatus::Partial);
        // Everything else still ran: the same tenant without the malformed field reports the
        // same findings from every other check.
        let others: BTreeSet<&str> = out.findings.iter().map(|f| f.code).collect();
        assert!(
            others.len() > 40,
            "{file}: only {} checks reported",
            others.len()
        );
        assert_eq!(out.checks_run, deputy_auth0::registry::all().len());
    }
}

#[test]
fn the_hardened_tenant_reports_what_checkmate_reports_minus_its_always_on_items() {
    let summary: Value = serde_json::from_slice(
        &std::fs::read(corpus().join("tenants/tenant-hardened.summary.json")).expect("summary"),
    )
    .expect("json");
    let theirs: BTreeSet<String> = summary
        .as_array()
        .expect("array")
        .iter()
        .map(|e| e["name"].as_str().expect("name").to_owned())
        .collect();
    let out = scan(&load("tenant-hardened.json"), &ScanOptions::default());
    let ours = reported_peers(&out);
    // CheckMate's three always-on items; Deputy reports DCR and promoted connections only when
    // they are on, and keeps the session-lifetime review item.
    assert!(theirs.contains("checkSessionLifetime") && ours.contains("checkSessionLifetime"));
    let extra: Vec<&String> = ours.difference(&theirs).collect();
    assert!(
        extra.is_empty(),
        "Deputy reports {extra:?} on the hardened tenant, CheckMate does not"
    );
}

/// CheckMate's `full_report` of the misconfigured tenant keeps every detail, passes included.
/// Deputy's details agree on (field, status) for every check except two whose report
/// rendering rewrites the details (it relabels them `hard_coded_value_detected`, red).
#[test]
fn whole_tenant_details_agree_with_checkmates_full_report() {
    use std::collections::BTreeMap;
    let full: Value = serde_json::from_slice(
        &std::fs::read(corpus().join("tenants/tenant-misconfigured.full_report.json"))
            .expect("full report"),
    )
    .expect("json");
    let out = scan(
        &load("tenant-misconfigured.json"),
        &ScanOptions {
            advisories: Some(advisories()),
            ..ScanOptions::default()
        },
    );
    let status = |s: &str| match s {
        "red" | "fail" => "fail",
        "yellow" => "warn",
        "blue" => "info",
        _ => "pass",
    };
    let mut ours: BTreeMap<&str, Vec<(String, &str)>> = BTreeMap::new();
    for d in &out.details {
        if let Some(p) = d.peer_id {
            let s = match d.status {
                deputy_auth0::Status::Fail => "fail",
                deputy_auth0::Status::Warn => "warn",
                deputy_auth0::Status::Pass => "pass",
                deputy_auth0::Status::Info => "info",
            };
            ours.entry(p).or_default().push((d.field.to_string(), s));
        }
    }
    let rewritten = [
        "checkPreRegistrationUserEnumeration",
        "checkPasswordResetMFA",
    ];
    let mut differing = Vec::new();
    for entry in full.as_array().expect("array") {
        let name = entry["name"].as_str().expect("name");
        let mut theirs: Vec<(String, &str)> = Vec::new();
        for d in entry["details"].as_array().expect("details") {
            let items: Vec<&Value> = match (d.get("field"), d.get("report")) {
                (None, Some(Value::Array(r))) => r.iter().collect(),
                _ => vec![d],
            };
            for i in items {
                theirs.push((
                    i["field"].as_str().unwrap_or("").to_owned(),
                    status(i["status"].as_str().unwrap_or("")),
                ));
            }
        }
        theirs.sort();
        let mut mine = ours.remove(name).unwrap_or_default();
        mine.sort();
        if theirs != mine && !rewritten.contains(&name) {
            differing.push(format!("{name}: checkmate {theirs:?}, deputy {mine:?}"));
        }
    }
    assert!(differing.is_empty(), "{differing:#?}");
}
