//! DPY-AWS-LOGS-001: CloudWatch log group keeps logs for less than a year.
//!
//! # What it checks
//! `aws_cloudwatch_log_group` sets `retention_in_days` to 365 or more, or to 0 (never expire).
//!
//! # Why it matters
//! Breaches are often found months later; logs that expired first leave nothing to
//! investigate, and many standards require a year.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_cloudwatch_log_group" "app" {
//!   name              = "app"
//!   retention_in_days = 30
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_cloudwatch_log_group" "app" {
//!   name              = "app"
//!   retention_in_days = 365
//! }
//! ```
//!
//! # Remediation
//! Set `retention_in_days = 365` or more (or archive the logs elsewhere for that long).
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html>

use super::aws::{number_where, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LogRetention {
    code: "DPY-AWS-LOGS-001",
    checkov: ["CKV_AWS_338"],
    title: "CloudWatch log group keeps logs for less than a year",
    severity: Low,
    reason: "neither trivy-checks nor KICS has a minimum-retention check (KICS \"CloudWatch Without Retention Period Specified\", Info, is DPY-AWS-LOGS-003). Low: short retention limits investigations but exposes nothing",
    targets: [(Terraform, "aws_cloudwatch_log_group")],
    description: "`aws_cloudwatch_log_group` sets `retention_in_days` to 365 or more, or to 0 (never expire).",
    remediation: "Set `retention_in_days = 365` or more (or archive the logs elsewhere for that long).",
    references: [
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        number_where(r.config.get("retention_in_days"), |n| {
            n == 0.0 || n >= 365.0
        }),
        "logs are kept for less than a year",
    )
}
