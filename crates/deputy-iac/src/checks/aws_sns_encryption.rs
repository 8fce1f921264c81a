//! DPY-AWS-SNS-001: SNS topic is not encrypted.
//!
//! # What it checks
//! `aws_sns_topic` sets `kms_master_key_id` (CloudFormation `KmsMasterKeyId`).
//!
//! # Why it matters
//! Messages at rest in the topic are readable outside the topic's access policy unless
//! encrypted with a key whose use is itself controlled.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_sns_topic" "alerts" {
//!   name = "alerts"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_sns_topic" "alerts" {
//!   name              = "alerts"
//!   kms_master_key_id = "alias/aws/sns"
//! }
//! ```
//!
//! # Remediation
//! Set `kms_master_key_id` (a customer-managed key, or `alias/aws/sns`).
//!
//! # References
//! - <https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html>

use super::aws::{must_be_set, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SnsEncryption {
    code: "DPY-AWS-SNS-001",
    checkov: ["CKV_AWS_26"],
    title: "SNS topic is not encrypted",
    severity: High,
    reason: "trivy-checks AWS-0095 (unencrypted SNS topic) is High; KICS \"SNS Topic Not Encrypted\" is High",
    targets: [
        (Terraform, "aws_sns_topic"),
        (CloudFormation, "AWS::SNS::Topic")
    ],
    description: "`aws_sns_topic` sets `kms_master_key_id` (CloudFormation `KmsMasterKeyId`).",
    remediation: "Set `kms_master_key_id` (a customer-managed key, or `alias/aws/sns`).",
    references: ["https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting_at(r, "kms_master_key_id", "KmsMasterKeyId")),
        "the topic is not encrypted",
    )
}
