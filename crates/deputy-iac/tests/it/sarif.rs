//! The SARIF log of a scan of a small mixed tree (Terraform, CloudFormation, Kubernetes, a
//! Dockerfile, a file that does not parse) validates against the SARIF 2.1.0 schema that
//! OASIS publishes, and holds one result per failed or suppressed check result.

use deputy_iac::output::{ScanMeta, sarif};
use deputy_iac::scan::{ScanOptions, scan};
use serde_json::Value;
use std::path::Path;

#[test]
fn the_sarif_of_a_real_scan_validates_against_the_schema() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let schema_text = std::fs::read_to_string(data.join("sarif-schema-2.1.0.json"))
        .unwrap_or_else(|e| panic!("schema: {e}"));
    let schema: Value = serde_json::from_str(&schema_text).unwrap_or_else(|e| panic!("{e}"));
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{e}"));

    let report =
        scan(&data.join("tree"), &ScanOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.files, 5, "the hidden folder is not read");
    let text = sarif(
        &report,
        ScanMeta {
            root: "tree",
            version: "test",
        },
    );
    let log: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let (_, failed, skipped) = report.counts();
    let results = log["runs"][0]["results"].as_array().map_or(0, Vec::len);
    assert_eq!(results, failed + skipped);
    let notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(notes, report.diagnostics.len());
}
