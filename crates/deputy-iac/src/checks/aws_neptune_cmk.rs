//! DPY-AWS-NEPTUNE-002: Neptune cluster is not encrypted with a customer-managed KMS key.
//!
//! # What it checks
//! `aws_neptune_cluster` sets `kms_key_arn`.
//!
//! # Why it matters
//! With a customer-managed key you decide, in the key policy, who may decrypt the cluster's
//! data and snapshots, see every use in CloudTrail, and can cut off access by disabling the
//! key. The AWS-managed key gives none of that control.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   storage_encrypted = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   storage_encrypted = true
//!   kms_key_arn       = aws_kms_key.graph.arn
//! }
//! ```
//!
//! # Remediation
//! Set `kms_key_arn` to a customer-managed KMS key (with `storage_encrypted = true`).
//!
//! # References
//! - <https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(NeptuneCmk {
    code: "DPY-AWS-NEPTUNE-002",
    checkov: ["CKV_AWS_347"],
    title: "Neptune cluster is not encrypted with a customer-managed KMS key",
    severity: Low,
    reason: "trivy-checks AWS-0128 (Neptune customer managed key) is High, KICS has no equivalent; Low instead, as for the other customer-key checks (DPY-AWS-RDS-004; trivy-checks AWS-0027 EBS and AWS-0017 log groups are Low): the data is encrypted either way, and encryption itself is DPY-AWS-NEPTUNE-001",
    targets: [(Terraform, "aws_neptune_cluster")],
    description: "`aws_neptune_cluster` sets `kms_key_arn`.",
    remediation: "Set `kms_key_arn` to a customer-managed KMS key (with `storage_encrypted = true`).",
    references: ["https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("kms_key_arn")),
        "the cluster is not encrypted with a customer-managed key",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_neptune_cluster", config);
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
            judge(r#"{"kms_key_arn":{"$unknown":["aws_kms_key.k"]}}"#),
            "pass"
        );
        assert_eq!(
            judge(r#"{"kms_key_arn":"arn:aws:kms:us-east-1:111122223333:key/fake"}"#),
            "pass"
        );
        assert_eq!(judge(r#"{"storage_encrypted":true}"#), "fail");
        assert_eq!(judge(r#"{"kms_key_arn":null}"#), "fail");
        assert_eq!(judge(r#"{"kms_key_arn":{"$unknown":[]}}"#), "unknown");
    }
}
