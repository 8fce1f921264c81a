//! DPY-AWS-DDB-001: DynamoDB table has no point-in-time recovery.
//!
//! # What it checks
//! `aws_dynamodb_table` sets `point_in_time_recovery { enabled = true }` (CloudFormation
//! `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`).
//!
//! # Why it matters
//! Point-in-time recovery restores the table to any second of the last 35 days after a bad
//! deploy, a bug or a malicious delete.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_dynamodb_table" "orders" {
//!   name     = "orders"
//!   hash_key = "id"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_dynamodb_table" "orders" {
//!   name     = "orders"
//!   hash_key = "id"
//!   point_in_time_recovery {
//!     enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable `point_in_time_recovery`.
//!
//! # References
//! - <https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html>

use super::aws::{must_be_true, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DynamodbPitr {
    code: "DPY-AWS-DDB-001",
    checkov: ["CKV_AWS_28"],
    title: "DynamoDB table has no point-in-time recovery",
    severity: Medium,
    reason: "trivy-checks AWS-0024 (DynamoDB point-in-time recovery) is Medium; KICS \"DynamoDB Table Point In Time Recovery Disabled\" is Info. Medium, as trivy: without it a destructive write or deletion cannot be undone",
    targets: [
        (Terraform, "aws_dynamodb_table"),
        (CloudFormation, "AWS::DynamoDB::Table")
    ],
    description: "`aws_dynamodb_table` sets `point_in_time_recovery { enabled = true }` (CloudFormation `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`).",
    remediation: "Enable `point_in_time_recovery`.",
    references: [
        "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(setting_at(
            r,
            "point_in_time_recovery.enabled",
            "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
        )),
        "point-in-time recovery is not enabled",
    )
}
