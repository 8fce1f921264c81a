//! DPY-AWS-CT-002: CloudTrail log file validation is disabled.
//!
//! # What it checks
//! `aws_cloudtrail` sets `enable_log_file_validation = true` (CloudFormation `EnableLogFileValidation`).
//!
//! # Why it matters
//! Digest files let you prove the logs were not altered or deleted after delivery, which an
//! intruder covering their tracks would try.
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
//!   name                       = "main"
//!   s3_bucket_name             = aws_s3_bucket.trail.id
//!   enable_log_file_validation = true
//! }
//! ```
//!
//! # Remediation
//! Set `enable_log_file_validation = true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html>

use super::aws::{must_be_true, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(CloudTrailLogValidation {
    code: "DPY-AWS-CT-002",
    checkov: ["CKV_AWS_36"],
    title: "CloudTrail log file validation is disabled",
    severity: Low,
    reason: "trivy-checks AWS-0016 (CloudTrail log validation) is High; KICS \"CloudTrail Log File Validation Disabled\" is Low. Low, as KICS: validation only detects tampering after someone has gained write access to the log bucket",
    targets: [
        (Terraform, "aws_cloudtrail"),
        (CloudFormation, "AWS::CloudTrail::Trail")
    ],
    description: "`aws_cloudtrail` sets `enable_log_file_validation = true` (CloudFormation `EnableLogFileValidation`).",
    remediation: "Set `enable_log_file_validation = true`.",
    references: [
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(setting_at(
            r,
            "enable_log_file_validation",
            "EnableLogFileValidation",
        )),
        "log file validation is not enabled",
    )
}
