//! Deputy's snapshot format: round trip, failed sections, and errors that name the problem.

use deputy_auth0::model::Section;
use deputy_auth0::{DiagnosticKind, ScanOptions, SectionId, Snapshot, scan};
use deputy_core::RunStatus;
use serde_json::json;

#[test]
fn deputy_format_round_trips_and_failed_reads_are_diagnostics_not_findings() {
    let v = json!({
        "format": "deputy-auth0-snapshot", "version": 1, "domain": "t.example.com",
        "sections": {
            "tenant_settings": {"status": "read", "data": {"support_email": "a@b.c", "some_future_field": 1}},
            "custom_domains": {"status": "failed", "error": {"status": 403, "error_code": "insufficient_scope", "message": "Insufficient scope"}},
            "a_future_section": {"status": "read", "data": []}
        }
    });
    let snap = Snapshot::from_value(v).expect("snapshot");
    assert!(matches!(
        snap.section(SectionId::CustomDomains),
        Section::Failed(_)
    ));
    let again = Snapshot::from_value(snap.to_value()).expect("round trip");
    assert_eq!(again.sections, snap.sections);
    let out = scan(
        &snap,
        &ScanOptions {
            only: Some(vec!["checkCustomDomain".into()]),
            ..ScanOptions::default()
        },
    );
    assert!(
        out.findings.is_empty(),
        "a 403 must not become `not configured`"
    );
    assert_eq!(out.status, RunStatus::Partial);
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(out.diagnostics[0].kind, DiagnosticKind::ApiError);
    assert!(
        out.diagnostics[0].message.contains("read:custom_domains"),
        "{}",
        out.diagnostics[0].message
    );
}

#[test]
fn malformed_field_stops_only_the_checks_that_need_it() {
    let v = json!({"clients": [
        {"client_id": "bad", "name": "Bad", "app_type": "spa", "callbacks": "http://localhost"},
        {"client_id": "good", "name": "Good", "app_type": "spa", "callbacks": ["http://localhost/cb"], "jwt_configuration": {"alg": "HS256"}}
    ]});
    let out = scan(
        &Snapshot::from_value(v).expect("snapshot"),
        &ScanOptions::default(),
    );
    let d = out
        .diagnostics
        .iter()
        .find(|d| d.code == Some("AUTH0-CLIENT-001"))
        .expect("diagnostic");
    assert_eq!(d.kind, DiagnosticKind::Malformed);
    assert!(
        d.message.contains("client:bad") && d.message.contains("callbacks"),
        "{}",
        d.message
    );
    let about = |code: &str, id: &str| {
        out.findings
            .iter()
            .any(|f| f.code == code && &*f.object.id == id)
    };
    assert!(
        about("AUTH0-CLIENT-001", "good"),
        "the other client is still checked"
    );
    assert!(about("AUTH0-CLIENT-006", "good"));
    // Checks that do not read `callbacks` still judge the client with the malformed field.
    assert!(about("AUTH0-CLIENT-004", "bad"));
    assert!(!about("AUTH0-CLIENT-001", "bad"));
}

#[test]
fn errors_name_the_line_or_the_key() {
    let e = Snapshot::from_slice(b"{\n  \"clients\": [,]\n}").expect_err("bad json");
    assert!(e.to_string().contains("line 2"), "{e}");
    let e = Snapshot::from_value(json!({"format": "deputy-auth0-snapshot", "version": 1, "sections": {"clients": {"status": "maybe"}}})).expect_err("bad status");
    assert!(e.to_string().contains("sections.clients.status"), "{e}");
    let e = Snapshot::from_value(json!({"hello": 1})).expect_err("not a snapshot");
    assert!(e.to_string().contains("not a tenant snapshot"), "{e}");
}
