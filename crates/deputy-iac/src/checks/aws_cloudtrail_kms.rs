//! DPY-AWS-CT-001: CloudTrail logs are not encrypted with a KMS key.
//!
//! # What it checks
//! `aws_cloudtrail` sets `kms_key_id` (CloudFormation `KMSKeyId`).
//!
//! # Why it matters
//! With a KMS key, reading the audit trail needs a second permission and every decryption is
//! itself logged, which protects the record attackers most want to read.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_cloudtrail" "main" {
//!   name           = "main"
//!   s3_bucket_name = aws_s3_bucket.trail.id
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_cloudtrail" "main" {
//!   name           = "main"
//!   s3_bucket_name = aws_s3_bucket.trail.id
//!   kms_key_id     = aws_kms_key.trail.arn
//! }
//! ```
//!
//! # Remediation
//! Set `kms_key_id` to a customer-managed key whose policy allows CloudTrail.
//!
//! # References
//! - <https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html>

use super::aws::{must_be_set, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(CloudTrailKms {
    code: "DPY-AWS-CT-001",
    checkov: ["CKV_AWS_35"],
    title: "CloudTrail logs are not encrypted with a KMS key",
    severity: Low,
    reason: "trivy-checks AWS-0015 (CloudTrail customer managed keys) is High; KICS \"CloudTrail Log Files Not Encrypted With KMS\" is Low. Low, as KICS: S3 already encrypts the logs, and a customer key only adds control over who may decrypt them",
    targets: [
        (Terraform, "aws_cloudtrail"),
        (CloudFormation, "AWS::CloudTrail::Trail")
    ],
    description: "`aws_cloudtrail` sets `kms_key_id` (CloudFormation `KMSKeyId`).",
    remediation: "Set `kms_key_id` to a customer-managed key whose policy allows CloudTrail.",
    references: [
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting_at(r, "kms_key_id", "KMSKeyId")),
        "the trail's logs are not encrypted with a KMS key",
    )
}
