//! DPY-AWS-S3-009: S3 bucket has no lifecycle configuration.
//!
//! # What it checks
//! An `aws_s3_bucket` has a `lifecycle_rule` block or an `aws_s3_bucket_lifecycle_configuration`
//! refers to it.
//!
//! # Why it matters
//! Lifecycle rules expire old versions, incomplete uploads and stale data, which limits both
//! the bill and how much data a breach can expose.
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
//! resource "aws_s3_bucket_lifecycle_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     id     = "expire-old-versions"
//!     status = "Enabled"
//!     noncurrent_version_expiration {
//!       noncurrent_days = 90
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `aws_s3_bucket_lifecycle_configuration` for the bucket.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html>

use super::aws::s3::{bucket_or_connected, exists};
use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(S3Lifecycle {
    code: "DPY-AWS-S3-009",
    checkov: ["CKV2_AWS_61"],
    title: "S3 bucket has no lifecycle configuration",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent for AWS; lifecycle rules are a cost and retention control, so Low",
    targets: [(Terraform, "aws_s3_bucket")],
    description: "An `aws_s3_bucket` has a `lifecycle_rule` block or an `aws_s3_bucket_lifecycle_configuration` refers to it.",
    remediation: "Add an `aws_s3_bucket_lifecycle_configuration` for the bucket.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let ok = bucket_or_connected(
        r,
        cx,
        "aws_s3_bucket_lifecycle_configuration",
        |b| exists(b, "lifecycle_rule"),
        |_| Truth::True,
    );
    verdict(ok, "the bucket has no lifecycle configuration")
}
