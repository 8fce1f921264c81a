//! DPY-AWS-NEPTUNE-009: Neptune cluster snapshot is not encrypted with a customer-managed KMS key.
//!
//! # What it checks
//! `aws_neptune_cluster_snapshot` sets `kms_key_id`.
//!
//! # Why it matters
//! A snapshot under a customer-managed key can only be restored or shared by principals the
//! key policy allows, every use of the key is logged, and disabling the key locks every copy.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_neptune_cluster_snapshot" "nightly" {
//!   db_cluster_identifier          = aws_neptune_cluster.graph.id
//!   db_cluster_snapshot_identifier = "graph-nightly"
//!   storage_encrypted              = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_neptune_cluster_snapshot" "nightly" {
//!   db_cluster_identifier          = aws_neptune_cluster.graph.id
//!   db_cluster_snapshot_identifier = "graph-nightly"
//!   storage_encrypted              = true
//!   kms_key_id                     = aws_kms_key.graph.arn
//! }
//! ```
//!
//! # Remediation
//! Encrypt the cluster with a customer-managed key (`kms_key_arn`) and name that key in the
//! snapshot's `kms_key_id`.
//!
//! # References
//! - <https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(NeptuneSnapshotCmk {
    code: "DPY-AWS-NEPTUNE-009",
    checkov: ["CKV_AWS_280"],
    title: "Neptune cluster snapshot is not encrypted with a customer-managed KMS key",
    severity: Low,
    reason: "neither trivy-checks nor KICS has a snapshot equivalent; Low, as the other customer-key checks (DPY-AWS-NEPTUNE-002, DPY-AWS-RDS-004; trivy-checks AWS-0027 EBS and AWS-0017 log groups are Low): encryption itself is DPY-AWS-NEPTUNE-008",
    targets: [(Terraform, "aws_neptune_cluster_snapshot")],
    description: "`aws_neptune_cluster_snapshot` sets `kms_key_id`.",
    remediation: "Encrypt the cluster with a customer-managed key (`kms_key_arn`) and name that key in the snapshot's `kms_key_id`.",
    references: ["https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("kms_key_id")),
        "the snapshot is not encrypted with a customer-managed key",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_neptune_cluster_snapshot", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn a_key_must_be_given() {
        assert_eq!(
            judge(r#"{"kms_key_id":{"$unknown":["aws_kms_key.k"]}}"#),
            "pass"
        );
        assert_eq!(judge(r#"{"storage_encrypted":true}"#), "fail");
        assert_eq!(judge(r#"{"kms_key_id":""}"#), "fail");
        assert_eq!(judge(r#"{"kms_key_id":{"$unknown":[]}}"#), "unknown");
    }
}
