//! DPY-AWS-S3-010: S3 bucket has no event notifications.
//!
//! # What it checks
//! An `aws_s3_bucket_notification` refers to the `aws_s3_bucket`.
//!
//! # Why it matters
//! Event notifications let you react to uploads and deletions (scanning, alerting on mass
//! deletes) as they happen.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_s3_bucket_notification" "data" {
//!   bucket      = aws_s3_bucket.data.id
//!   eventbridge = true
//! }
//! ```
//!
//! # Remediation
//! Add an `aws_s3_bucket_notification` (for example `eventbridge = true`).
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html>

use super::aws::s3::bucket_or_connected;
use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(S3EventNotifications {
    code: "DPY-AWS-S3-010",
    checkov: ["CKV2_AWS_62"],
    title: "S3 bucket has no event notifications",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; event notifications are an observability measure, so Low",
    targets: [(Terraform, "aws_s3_bucket")],
    description: "An `aws_s3_bucket_notification` refers to the `aws_s3_bucket`.",
    remediation: "Add an `aws_s3_bucket_notification` (for example `eventbridge = true`).",
    references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let ok = bucket_or_connected(
        r,
        cx,
        "aws_s3_bucket_notification",
        |_| Truth::False,
        |_| Truth::True,
    );
    verdict(ok, "the bucket has no event notifications")
}
