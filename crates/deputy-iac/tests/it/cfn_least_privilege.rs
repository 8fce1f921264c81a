//! The CloudFormation side of the least-privilege checks against Checkov's own test
//! templates for them (`tests/data/checkov-cloudsplaining-cfn/`, from Checkov's
//! repository, Apache-2.0). Checkov's tests assert only how many resources pass and fail
//! in each folder; each file's name says which it holds.

use deputy_iac::scan::{Outcome, ScanOptions, scan};
use std::path::PathBuf;

#[test]
fn cloudformation_policies_agree_with_checkov_counts() {
    let root =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/checkov-cloudsplaining-cfn");
    // (folder, Checkov id, passed, failed), as Checkov's tests assert them.
    let cases = [
        ("Cloudsplaining_IAMCredentialsExposure", "CKV_AWS_107", 1, 1),
        ("Cloudsplaining_IAMGroup", "CKV_AWS_109", 2, 2),
        ("Cloudsplaining_IAMRole", "CKV_AWS_109", 2, 2),
        ("Cloudsplaining_IAMUser", "CKV_AWS_109", 2, 2),
        ("Cloudsplaining_ManagedPolicy", "CKV_AWS_109", 4, 3),
        (
            "Cloudsplaining_IAMPermissionsManagement",
            "CKV_AWS_109",
            4,
            3,
        ),
        ("Cloudsplaining_IAMWriteAccess", "CKV_AWS_111", 4, 3),
    ];
    let mut wrong = Vec::new();
    for (folder, id, passed, failed) in cases {
        let options = ScanOptions {
            paths: vec![folder.to_owned()],
            only: vec![id.to_owned()],
            ..ScanOptions::default()
        };
        let report = scan(&root, &options).unwrap_or_else(|e| panic!("{folder}: {e}"));
        let mut got = (0, 0);
        for r in &report.results {
            let failing_file = r.file.contains("FAILED");
            match &r.outcome {
                Outcome::Passed => got.0 += 1,
                Outcome::Failed(_) => got.1 += 1,
                Outcome::Skipped(_) => {}
            }
            let fails = matches!(r.outcome, Outcome::Failed(_));
            if fails && !failing_file {
                wrong.push(format!("{folder}: {} fails in {}", r.address, r.file));
            }
        }
        if got != (passed, failed) {
            wrong.push(format!(
                "{folder} {id}: passed {} failed {}, Checkov passed {passed} failed {failed}",
                got.0, got.1
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
