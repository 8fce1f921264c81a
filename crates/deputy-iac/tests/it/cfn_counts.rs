//! CloudFormation checks against Checkov's own test templates for them, copied from
//! Checkov's repository (Apache-2.0, licence beside each folder): the least-privilege
//! checks (`tests/data/checkov-cloudsplaining-cfn/`) and the S3 bucket checks
//! (`tests/data/checkov-cfn-s3/`). Checkov's tests assert only how many resources pass and
//! fail in each folder; nothing may fail in a file whose name says `PASSED`.

use deputy_iac::scan::{Outcome, ScanOptions, scan};
use std::path::PathBuf;

#[test]
fn cloudformation_templates_agree_with_checkov_counts() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let iam = "checkov-cloudsplaining-cfn";
    let s3 = "checkov-cfn-s3";
    // (data folder, folder, Checkov id, passed, failed), as Checkov's tests assert them.
    let cases = [
        (s3, "S3Templates", "CKV_AWS_18", 2, 4),
        (s3, "S3Templates", "CKV_AWS_19", 6, 0),
        (s3, "S3Templates", "CKV_AWS_20", 3, 3),
        (s3, "S3Templates", "CKV_AWS_21", 1, 5),
        (s3, "S3Templates", "CKV_AWS_57", 5, 1),
        (s3, "S3Templates", "CKV_AWS_53", 1, 5),
        (s3, "S3Templates", "CKV_AWS_54", 1, 5),
        (s3, "S3Templates", "CKV_AWS_55", 1, 5),
        (s3, "S3Templates", "CKV_AWS_56", 0, 6),
        (
            iam,
            "Cloudsplaining_IAMCredentialsExposure",
            "CKV_AWS_107",
            1,
            1,
        ),
        (iam, "Cloudsplaining_IAMGroup", "CKV_AWS_109", 2, 2),
        (iam, "Cloudsplaining_IAMRole", "CKV_AWS_109", 2, 2),
        (iam, "Cloudsplaining_IAMUser", "CKV_AWS_109", 2, 2),
        (iam, "Cloudsplaining_ManagedPolicy", "CKV_AWS_109", 4, 3),
        (
            iam,
            "Cloudsplaining_IAMPermissionsManagement",
            "CKV_AWS_109",
            4,
            3,
        ),
        (iam, "Cloudsplaining_IAMWriteAccess", "CKV_AWS_111", 4, 3),
    ];
    let mut wrong = Vec::new();
    for (dir, folder, id, passed, failed) in cases {
        let root = data.join(dir);
        let options = ScanOptions {
            paths: vec![folder.to_owned()],
            only: vec![id.to_owned()],
            ..ScanOptions::default()
        };
        let report = scan(&root, &options).unwrap_or_else(|e| panic!("{folder}: {e}"));
        let mut got = (0, 0);
        for r in &report.results {
            let passing_file = r.file.contains("PASSED");
            match &r.outcome {
                Outcome::Passed => got.0 += 1,
                Outcome::Failed(_) => got.1 += 1,
                Outcome::Skipped(_) => {}
            }
            let fails = matches!(r.outcome, Outcome::Failed(_));
            if fails && passing_file {
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
