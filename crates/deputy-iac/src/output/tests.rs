use super::*;
use crate::model::{Caller, Diagnostic, DiagnosticKind, Span};
use crate::scan::BASELINED;
use crate::testing::{fail, result};
use serde_json::Value;

/// A report with every kind of result: failures of every shape (one inside a module, one
/// with markup in its address), a pass, an inline suppression, a baselined failure and
/// diagnostics.
pub(crate) fn sample_report() -> ScanReport {
    let mut module = result(
        0,
        "module.site.aws_s3_bucket.this",
        "modules/site/main.tf",
        fail("the bucket ACL is public"),
    );
    module.caller = Some(Caller {
        file: "main.tf".into(),
        span: Span::new(1, 4),
    });
    ScanReport {
        results: vec![
            module,
            result(
                1,
                "aws_s3_bucket.a<b>|c",
                "main.tf",
                fail("versioning is not enabled"),
            ),
            result(0, "aws_s3_bucket.ok", "main.tf", Outcome::Passed),
            result(
                2,
                "Deployment.default.web",
                "k8s/web.yaml",
                fail("privilege escalation is allowed"),
            ),
            result(
                0,
                "aws_s3_bucket.site",
                "site.tf",
                Outcome::Skipped("a public website".into()),
            ),
            result(
                1,
                "aws_s3_bucket.old",
                "site.tf",
                Outcome::Skipped(BASELINED.into()),
            ),
            result(
                3,
                "/app/Dockerfile.",
                "app/Dockerfile",
                fail("no USER instruction"),
            ),
        ],
        diagnostics: vec![Diagnostic {
            kind: DiagnosticKind::ParseError,
            file: "broken.tf".into(),
            line: Some(7),
            column: Some(12),
            message: "expected `}`".into(),
        }],
        files: 5,
        resources: 6,
        checks: 4,
    }
}

const META: ScanMeta<'static> = ScanMeta {
    root: "infra",
    version: "0.1.0",
};

#[test]
fn json_carries_everything_needed_to_compare_with_checkov() {
    let doc = json(&sample_report(), META);
    assert_eq!(doc["status"], "partial");
    assert_eq!(
        doc["summary"],
        serde_json::json!({"files": 5, "resources": 6, "checks": 4, "passed": 1, "failed": 4, "skipped": 2, "parsing_errors": 1})
    );
    assert_eq!(doc["counts"]["high"], 1);
    let findings = doc["findings"].as_array().cloned().unwrap_or_default();
    assert_eq!(findings.len(), 4);
    let first = &findings[0];
    assert_eq!(first["code"], "DPY-TEST-001");
    assert_eq!(first["checkov_ids"], serde_json::json!(["CKV_AWS_20"]));
    assert_eq!(first["severity"], "high");
    assert_eq!(first["resource"], "module.site.aws_s3_bucket.this");
    assert_eq!(first["file_path"], "modules/site/main.tf");
    assert_eq!(first["file_line_range"], serde_json::json!([3, 9]));
    assert_eq!(first["caller_file_path"], "main.tf");
    assert_eq!(first["caller_file_line_range"], serde_json::json!([1, 4]));
    assert_eq!(first["remediation"], "Make the bucket private.");
    assert_eq!(first["fingerprint"].as_str().map(str::len), Some(64));
    // Most severe first: high, medium, low, info.
    let sev: Vec<&str> = findings
        .iter()
        .filter_map(|f| f["severity"].as_str())
        .collect();
    assert_eq!(sev, ["high", "medium", "low", "info"]);
    let skipped = doc["skipped"].as_array().cloned().unwrap_or_default();
    assert_eq!(skipped.len(), 2);
    assert_eq!(skipped[0]["suppress_comment"], "a public website");
    assert_eq!(doc["diagnostics"][0]["line"], 7);
}

#[test]
fn fingerprints_ignore_lines_and_messages() {
    let a = result(0, "aws_s3_bucket.a", "main.tf", fail("one"));
    let mut b = result(0, "aws_s3_bucket.a", "main.tf", fail("two"));
    b.span = Span::new(40, 50);
    assert_eq!(draft(&a).fingerprint, draft(&b).fingerprint);
    let c = result(0, "aws_s3_bucket.a", "other.tf", fail("one"));
    let d = result(1, "aws_s3_bucket.a", "main.tf", fail("one"));
    assert_ne!(draft(&a).fingerprint, draft(&c).fingerprint);
    assert_ne!(draft(&a).fingerprint, draft(&d).fingerprint);
}

fn validate_sarif(text: &str) -> Vec<String> {
    let schema_text = include_str!("../../tests/data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(schema_text).unwrap_or_default();
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("schema: {e}"));
    let log: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

#[test]
fn sarif_validates_and_describes_rules_results_and_suppressions() {
    let text = sarif(&sample_report(), META);
    let errors = validate_sarif(&text);
    assert!(errors.is_empty(), "{errors:#?}");
    let log: Value = serde_json::from_str(&text).unwrap_or_default();
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "DPY-TEST-001",
            "DPY-TEST-002",
            "DPY-TEST-003",
            "DPY-TEST-004"
        ]
    );
    assert_eq!(
        rules[0]["properties"]["checkovIds"],
        serde_json::json!(["CKV_AWS_20"])
    );
    assert_eq!(rules[0]["properties"]["security-severity"], "8.0");
    let results = run["results"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        results.len(),
        6,
        "failures and suppressed results, not passes"
    );
    let r = &results[0];
    assert_eq!(r["ruleIndex"], 0);
    assert_eq!(
        r["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 3, "endLine": 9})
    );
    assert_eq!(
        r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "main.tf"
    );
    assert!(r["partialFingerprints"]["deputyFingerprint/v1"].is_string());
    let kinds: Vec<&str> = results
        .iter()
        .filter_map(|r| r["suppressions"][0]["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["inSource", "external"]);
    let notes = &run["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 7, "startColumn": 12})
    );
}

#[test]
fn an_empty_scan_is_valid_sarif_too() {
    let errors = validate_sarif(&sarif(&ScanReport::default(), META));
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_rejects_what_it_should() {
    // Guards the validator itself: a log without `runs` and a region with line 0 are not
    // SARIF, so a validator that accepts everything would fail here.
    assert!(!validate_sarif(r#"{"version": "2.1.0"}"#).is_empty());
    let bad = sarif(&sample_report(), META).replacen("\"startLine\": 3", "\"startLine\": 0", 1);
    assert!(!validate_sarif(&bad).is_empty());
}

#[test]
fn junit_has_a_case_per_result_and_escapes_text() {
    let xml = junit(&sample_report(), META);
    assert!(xml.starts_with("<?xml"));
    assert_eq!(xml.matches("<testcase ").count(), 7);
    assert_eq!(xml.matches("<failure ").count(), 4);
    assert_eq!(xml.matches("<skipped ").count(), 2);
    assert!(xml.contains("aws_s3_bucket.a&lt;b&gt;|c"));
    assert!(!xml.contains("a<b>"));
    assert!(xml.contains("[HIGH][DPY-TEST-001]"));
    assert!(xml.contains("<system-err>broken.tf: expected `}`"));
    assert!(xml.contains("<testsuite name=\"terraform\" tests=\"5\" failures=\"2\" skipped=\"2\""));
}

#[test]
fn markdown_lists_failures_suppressions_and_diagnostics() {
    let md = markdown(&sample_report(), META);
    assert!(md.starts_with("# IaC scan of `infra`"));
    assert!(md.contains("1 passed, 4 failed, 2 skipped"));
    assert!(
        md.contains("| high | `DPY-TEST-001` | `CKV_AWS_20` | module.site.aws\\_s3\\_bucket.this"),
        "{md}"
    );
    assert!(md.contains("a&lt;b&gt;\\|c"), "{md}");
    assert!(md.contains("## Suppressed"));
    assert!(md.contains("- broken.tf:7: expected "), "{md}");
}

#[test]
fn the_gate_counts_failures_at_or_above_a_severity() {
    let r = sample_report();
    assert_eq!(failing(&r, None), 4);
    assert_eq!(failing(&r, Some(deputy_core::Severity::Medium)), 2);
    assert_eq!(failing(&r, Some(deputy_core::Severity::Critical)), 0);
}
