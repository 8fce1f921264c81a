//! DPY-AWS-EC2-014: EBS volume is not encrypted with a customer-managed KMS key.
//!
//! # What it checks
//! `aws_ebs_volume` sets `kms_key_id`.
//!
//! # Why it matters
//! A customer-managed key lets you control and audit who can decrypt the volume and its
//! snapshots, and revoke access by disabling the key.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "eu-west-1a"
//!   size              = 40
//!   encrypted         = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "eu-west-1a"
//!   size              = 40
//!   encrypted         = true
//!   kms_key_id        = aws_kms_key.ebs.arn
//! }
//! ```
//!
//! # Remediation
//! Set `kms_key_id` to a customer-managed KMS key.
//!
//! # References
//! - <https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(EbsVolumeCmk {
    code: "DPY-AWS-EC2-014",
    checkov: ["CKV_AWS_189"],
    title: "EBS volume is not encrypted with a customer-managed KMS key",
    severity: Low,
    reason: "trivy-checks AWS-0027 (EBS volume encryption with customer managed keys) is Low; KICS has no equivalent. Encryption itself is DPY-AWS-EC2-007",
    targets: [(Terraform, "aws_ebs_volume")],
    description: "`aws_ebs_volume` sets `kms_key_id`.",
    remediation: "Set `kms_key_id` to a customer-managed KMS key.",
    references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("kms_key_id")),
        "the volume is not encrypted with a customer-managed key",
    )
}
