//! DPY-AWS-NEPTUNE-001: Neptune cluster storage is not encrypted.
//!
//! # What it checks
//! `aws_neptune_cluster` sets `storage_encrypted = true`; `AWS::Neptune::DBCluster` sets
//! `StorageEncrypted: true`.
//!
//! # Why it matters
//! Without encryption at rest the cluster volume, its automated backups and its snapshots
//! hold the graph in clear text, readable by anyone who obtains the storage or a copy of a
//! snapshot. Encryption can only be chosen when the cluster is created.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine = "neptune"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine            = "neptune"
//!   storage_encrypted = true
//! }
//! ```
//!
//! # Remediation
//! Set `storage_encrypted = true` (`StorageEncrypted: true`); an existing cluster has to be
//! restored from a snapshot into a new encrypted cluster.
//!
//! # References
//! - <https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html>

use super::aws::{must_be_true, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(NeptuneStorageEncrypted {
    code: "DPY-AWS-NEPTUNE-001",
    checkov: ["CKV_AWS_44"],
    title: "Neptune cluster storage is not encrypted",
    severity: High,
    reason: "trivy-checks AWS-0076 (Neptune storage encryption) is High; KICS \"Neptune Database Cluster Encryption Disabled\" is High",
    targets: [
        (Terraform, "aws_neptune_cluster"),
        (CloudFormation, "AWS::Neptune::DBCluster")
    ],
    description: "`aws_neptune_cluster` sets `storage_encrypted = true`; `AWS::Neptune::DBCluster` sets `StorageEncrypted: true`.",
    remediation: "Set `storage_encrypted = true` (`StorageEncrypted: true`); an existing cluster has to be restored from a snapshot into a new encrypted cluster.",
    references: ["https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(setting(r, "storage_encrypted", "StorageEncrypted")),
        "the cluster storage is not encrypted",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(kind: &str, config: &str) -> &'static str {
        let r = resource(kind, config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn storage_must_be_encrypted() {
        let tf = "aws_neptune_cluster";
        assert_eq!(judge(tf, r#"{"storage_encrypted":true}"#), "pass");
        assert_eq!(judge(tf, r#"{"storage_encrypted":false}"#), "fail");
        assert_eq!(judge(tf, "{}"), "fail");
        assert_eq!(
            judge(tf, r#"{"storage_encrypted":{"$unknown":[]}}"#),
            "unknown"
        );
        let cfn = "AWS::Neptune::DBCluster";
        assert_eq!(
            judge(cfn, r#"{"Properties":{"StorageEncrypted":"true"}}"#),
            "pass"
        );
        assert_eq!(judge(cfn, r#"{"Properties":{}}"#), "fail");
    }
}
