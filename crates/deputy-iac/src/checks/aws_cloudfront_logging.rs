//! DPY-AWS-CF-001: CloudFront distribution has no access logging.
//!
//! # What it checks
//! `aws_cloudfront_distribution` has a `logging_config` with a `bucket` (CloudFormation
//! `DistributionConfig.Logging.Bucket`).
//!
//! # Why it matters
//! Access logs show who requested what from the edge, which is needed to investigate abuse,
//! scraping and leaks of cached content.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_cloudfront_distribution" "site" {
//!   enabled = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_cloudfront_distribution" "site" {
//!   enabled = true
//!   logging_config {
//!     bucket = aws_s3_bucket.cf_logs.bucket_domain_name
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `logging_config` sending logs to a dedicated bucket.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html>

use super::aws::{must_be_set, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(CloudFrontLogging {
    code: "DPY-AWS-CF-001",
    checkov: ["CKV_AWS_86"],
    title: "CloudFront distribution has no access logging",
    severity: Medium,
    reason: "trivy-checks AWS-0010 (CloudFront access logging) is Medium; KICS \"CloudFront Logging Disabled\" is Medium",
    targets: [
        (Terraform, "aws_cloudfront_distribution"),
        (CloudFormation, "AWS::CloudFront::Distribution")
    ],
    description: "`aws_cloudfront_distribution` has a `logging_config` with a `bucket` (CloudFormation `DistributionConfig.Logging.Bucket`).",
    remediation: "Add a `logging_config` sending logs to a dedicated bucket.",
    references: [
        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting_at(
            r,
            "logging_config.bucket",
            "DistributionConfig.Logging.Bucket",
        )),
        "access logging is not configured",
    )
}
