use super::{fixture, import};
use deputy_core::{Location, RunStatus, Severity};
use deputy_import::ReportFormat;
use flate2::read::GzDecoder;
use std::collections::BTreeSet;
use std::io::Read;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/iac/checkov-results/"
);

fn corpus(name: &str) -> Vec<u8> {
    let path = format!("{CORPUS}{name}");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("opening {path}: {e}"));
    let mut bytes = Vec::new();
    GzDecoder::new(file).read_to_end(&mut bytes).unwrap();
    bytes
}

/// Asserts how many drafts a corpus report yields, and that they are well formed.
fn check_corpus(name: &str, drafts: usize) {
    let scan = import(ReportFormat::Checkov, &corpus(name));
    assert_eq!(scan.findings.len(), drafts, "{name}");
    let fingerprints: BTreeSet<_> = scan.findings.iter().map(|f| &f.fingerprint).collect();
    assert_eq!(
        fingerprints.len(),
        drafts,
        "{name}: fingerprints are distinct"
    );
    assert_eq!(scan.tools, BTreeSet::from(["checkov".to_owned()]), "{name}");
    assert_eq!(scan.status, RunStatus::Complete, "{name}");
    assert_eq!(scan.tool_version.as_deref(), Some("3.3.30"), "{name}");
    assert_eq!(scan.notes, Vec::<String>::new(), "{name}");
    for f in &scan.findings {
        assert_eq!(f.source, "checkov");
        assert!(f.rule_id.starts_with("CKV"), "{name}: {}", f.rule_id);
        let path = f.location.path.as_deref().unwrap_or_default();
        assert!(!path.is_empty() && !path.starts_with('/'), "{name}: {path}");
        assert!(f.location.resource.is_some(), "{name}");
    }
}

#[test]
fn terragoat_corpus_yields_every_failed_check() {
    check_corpus("terragoat_all.json.gz", 477);
}

#[test]
fn k8sgoat_corpus_yields_every_failed_check() {
    check_corpus("k8sgoat_all.json.gz", 284);
}

#[test]
fn single_framework_corpus_reports_parse() {
    check_corpus("tfmod_iam_tf.json.gz", 292);
    check_corpus("tfmod_s3-bucket_tf.json.gz", 128);
    check_corpus("tfmod_security-group_tf.json.gz", 43);
    check_corpus("tfmod_vpc_tf.json.gz", 34);
}

#[test]
fn failed_checks_become_drafts() {
    let scan = import(ReportFormat::Checkov, &fixture("checkov_small.json"));
    assert_eq!(scan.format, ReportFormat::Checkov);
    assert_eq!(scan.tool_version.as_deref(), Some("3.2.1"));
    let ids: Vec<&str> = scan.findings.iter().map(|f| f.rule_id.as_str()).collect();
    assert_eq!(
        ids,
        ["CKV_AWS_20", "CKV_AWS_18", "CKV_AWS_999", "CKV_K8S_20"]
    );
    let severities: Vec<Severity> = scan.findings.iter().map(|f| f.severity).collect();
    assert_eq!(
        severities,
        [
            Severity::High,
            Severity::Medium,
            Severity::Medium,
            Severity::Medium
        ]
    );

    let acl = &scan.findings[0];
    assert_eq!(
        acl.title,
        "S3 Bucket has an ACL defined which allows public READ access."
    );
    assert_eq!(
        acl.message,
        "S3 Bucket has an ACL defined which allows public READ access.\n\
         acl is public-read\nbucket is in a public account"
    );
    assert_eq!(
        acl.help_uri.as_deref(),
        Some("https://docs.example/CKV_AWS_20")
    );
    assert_eq!(
        acl.location,
        Location {
            path: Some("modules/bucket/main.tf".to_owned()),
            start_line: Some(3),
            end_line: Some(12),
            resource: Some("module.bucket.aws_s3_bucket.data".to_owned()),
            setting_path: None,
        }
    );
    assert_eq!(scan.findings[1].message, scan.findings[1].title);
    assert_eq!(scan.findings[1].help_uri, None);
}

#[test]
fn parsing_errors_make_the_scan_partial_and_skips_are_counted() {
    let scan = import(ReportFormat::Checkov, &fixture("checkov_small.json"));
    assert_eq!(scan.status, RunStatus::Partial);
    assert_eq!(
        scan.notes,
        [
            "checkov could not parse 2 files: /broken.tf, /also/broken.tf",
            "2 checks skipped in source (checkov:skip)",
            "unknown severity `SEVERE` on 1 check, imported as medium",
        ]
    );
}

#[test]
fn summary_parsing_errors_alone_make_the_scan_partial() {
    let report = br#"{"check_type": "terraform", "results": {"failed_checks": []},
        "summary": {"parsing_errors": 3, "checkov_version": "3.2.1"}}"#;
    let scan = import(ReportFormat::Checkov, report);
    assert_eq!(scan.status, RunStatus::Partial);
    assert_eq!(scan.notes, ["checkov could not parse 3 files"]);
}

#[test]
fn bare_summary_means_nothing_to_scan() {
    let report = br#"{"passed": 0, "failed": 0, "skipped": 0, "parsing_errors": 0,
        "resource_count": 0, "checkov_version": "3.2.1"}"#;
    let scan = import(ReportFormat::Checkov, report);
    assert!(scan.findings.is_empty());
    assert_eq!(scan.status, RunStatus::Complete);
    assert_eq!(scan.tools, BTreeSet::from(["checkov".to_owned()]));
    assert_eq!(scan.tool_version.as_deref(), Some("3.2.1"));
}
