//! DPY-AWS-LOGS-003: CloudWatch log group has no retention period.
//!
//! # What it checks
//! `aws_cloudwatch_log_group` sets `retention_in_days` (CloudFormation `RetentionInDays`).
//!
//! # Why it matters
//! Without a retention period logs are kept forever by default, which costs money and keeps
//! personal data longer than policy allows; an explicit period is a deliberate choice.
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
//!   name              = "app"
//!   retention_in_days = 365
//! }
//! ```
//!
//! # Remediation
//! Set `retention_in_days` to the period your policy requires.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html>

use super::aws::{must_be_set, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LogRetentionSet {
    code: "DPY-AWS-LOGS-003",
    checkov: ["CKV_AWS_66"],
    title: "CloudWatch log group has no retention period",
    severity: Info,
    reason: "KICS \"CloudWatch Without Retention Period Specified\" is Info; trivy-checks has no equivalent. Without a period the logs are kept forever, a cost matter",
    targets: [
        (Terraform, "aws_cloudwatch_log_group"),
        (CloudFormation, "AWS::Logs::LogGroup")
    ],
    description: "`aws_cloudwatch_log_group` sets `retention_in_days` (CloudFormation `RetentionInDays`).",
    remediation: "Set `retention_in_days` to the period your policy requires.",
    references: [
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting_at(r, "retention_in_days", "RetentionInDays")),
        "the log group has no retention period",
    )
}
