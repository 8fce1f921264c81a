//! DPY-AWS-LOGS-002: CloudWatch log group is not encrypted with a KMS key.
//!
//! # What it checks
//! `aws_cloudwatch_log_group` sets `kms_key_id` (CloudFormation `AWS::Logs::LogGroup`: `KmsKeyId`).
//!
//! # Why it matters
//! Logs often hold tokens, personal data and internal addresses; a KMS key adds a second
//! permission to read them and an audit trail of decryption.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_cloudwatch_log_group" "app" {
//!   name = "app"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_cloudwatch_log_group" "app" {
//!   name       = "app"
//!   kms_key_id = aws_kms_key.logs.arn
//! }
//! ```
//!
//! # Remediation
//! Set `kms_key_id` to a customer-managed key whose policy allows CloudWatch Logs.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html>

use super::aws::{must_be_set, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LogGroupKms {
    code: "DPY-AWS-LOGS-002",
    checkov: ["CKV_AWS_158"],
    title: "CloudWatch log group is not encrypted with a KMS key",
    severity: Low,
    reason: "trivy-checks AWS-0017 (log group customer managed key) is Low; KICS \"CloudWatch Log Group Without KMS\" is Medium. Low, as trivy: CloudWatch already encrypts log data, and a customer key only adds control over who may decrypt it",
    targets: [
        (Terraform, "aws_cloudwatch_log_group"),
        (CloudFormation, "AWS::Logs::LogGroup")
    ],
    description: "`aws_cloudwatch_log_group` sets `kms_key_id` (CloudFormation `AWS::Logs::LogGroup`: `KmsKeyId`).",
    remediation: "Set `kms_key_id` to a customer-managed key whose policy allows CloudWatch Logs.",
    references: [
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting(r, "kms_key_id", "KmsKeyId")),
        "the log group is not encrypted with a KMS key",
    )
}
