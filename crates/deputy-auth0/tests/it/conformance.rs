//! CheckMate v1.8.4's recorded unit fixtures (469 cases): each case's input is run through
//! the Deputy check with that peer id, and the multiset of (field, status) of its details
//! is compared with what CheckMate returned. Deliberate differences are listed here and in
//! `docs/auth0-conformance.md`, with reasons.

use crate::support::corpus;
use deputy_auth0::{DiagnosticKind, ScanOptions, Snapshot, Status, scan};
use serde_json::Value;

/// (check, test-name substring, reason). Every entry must also appear in the docs.
pub const DELIBERATE: &[(&str, &str, &str)] = &[
    (
        "checkEnabledDynamicClientRegistration",
        "attribute not present",
        "CheckMate reports DCR as a failure even when it is off; Deputy reports it only when it is on",
    ),
    (
        "checkEnabledDynamicClientRegistration",
        "attribute is present",
        "CheckMate reports DCR as a failure even when it is off; Deputy reports it only when it is on",
    ),
    (
        "checkEnabledDynamicClientRegistration",
        "report.js generateReport should generate report with pre-populated",
        "CheckMate reports DCR as a failure even when it is off; Deputy reports it only when it is on",
    ),
    (
        "checkPromotedDBConnection",
        "no any prmoted domain connection",
        "CheckMate reports a failure when no connection is promoted; Deputy reports only promoted connections",
    ),
];

fn status(s: &str) -> Status {
    match s {
        "fail" | "red" => Status::Fail,
        "yellow" | "warn" => Status::Warn,
        "blue" | "info" => Status::Info,
        _ => Status::Pass,
    }
}

/// CheckMate's details, flattened (`{name, report: [...]}` groups) to (field, status).
fn expected(details: &[Value]) -> Vec<(String, Status)> {
    let mut out = Vec::new();
    for d in details {
        let items: Vec<&Value> = match (d.get("field"), d.get("report")) {
            (None, Some(Value::Array(r))) => r.iter().collect(),
            _ => vec![d],
        };
        for i in items {
            let field = i
                .get("field")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let st = status(i.get("status").and_then(Value::as_str).unwrap_or(""));
            out.push((field, st));
        }
    }
    out.sort();
    out
}

#[test]
fn checkmate_unit_fixtures_agree() {
    let text = std::fs::read_to_string(corpus().join("unit-fixtures.jsonl")).expect("corpus");
    let (mut total, mut agree, mut excluded) = (0usize, 0usize, 0usize);
    let mut disagreements = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let rec: Value = serde_json::from_str(line).expect("fixture line");
        let check = rec["check"].as_str().expect("check").to_owned();
        let test = rec["test"].as_str().expect("test").to_owned();
        total += 1;
        let snap = Snapshot::from_checkmate_value(rec["input"].clone()).expect("input");
        let opts = ScanOptions {
            only: Some(vec![check.clone()]),
            ..ScanOptions::default()
        };
        let out = scan(&snap, &opts);
        assert_eq!(out.checks_run, 1, "no Deputy check has peer id {check}");
        if rec.get("threw").is_some() || rec.get("rejected").is_some() {
            // CheckMate crashed on this input; Deputy must explain instead of guessing.
            assert!(
                out.diagnostics
                    .iter()
                    .any(|d| d.kind == DiagnosticKind::Malformed),
                "line {}: CheckMate crashed on `{test}` but Deputy gave no diagnostic",
                n + 1
            );
            excluded += 1;
            continue;
        }
        let want = expected(rec["details"].as_array().expect("details"));
        let mut got: Vec<(String, Status)> = out
            .details
            .iter()
            .map(|d| (d.field.to_string(), d.status))
            .collect();
        got.sort();
        if got == want {
            agree += 1;
        } else if DELIBERATE
            .iter()
            .any(|(c, t, _)| *c == check && test.contains(t))
        {
            excluded += 1;
        } else {
            disagreements.push(format!(
                "line {}: {check} / {test}\n    checkmate {want:?}\n    deputy    {got:?}",
                n + 1
            ));
        }
    }
    let compared = total - excluded;
    let pct = 100.0 * agree as f64 / compared as f64;
    println!(
        "CheckMate conformance: {agree}/{compared} agree ({pct:.1} %), {excluded} excluded of {total}"
    );
    for d in &disagreements {
        println!("{d}");
    }
    assert_eq!(total, 469);
    assert!(pct >= 98.0, "agreement {pct:.1} % is below 98 %");
}

#[test]
fn deliberate_differences_are_documented() {
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/auth0-conformance.md"
    ))
    .expect("docs");
    for (check, test, reason) in DELIBERATE {
        assert!(
            docs.contains(check) && docs.contains(test) && docs.contains(reason),
            "docs/auth0-conformance.md does not list {check} / {test}"
        );
    }
}
