//! DPY-AWS-S3-005: S3 bucket has no cross-region replication.
//!
//! # What it checks
//! An `aws_s3_bucket` has an enabled rule in `replication_configuration`, or an
//! `aws_s3_bucket_replication_configuration` referring to it has a rule with `status = "Enabled"`.
//!
//! # Why it matters
//! A replica in another region keeps data available through a regional outage and, with a
//! separate account, survives a compromise of the source account.
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
//! resource "aws_s3_bucket_replication_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   role   = aws_iam_role.replication.arn
//!   rule {
//!     status = "Enabled"
//!     destination {
//!       bucket = aws_s3_bucket.replica.arn
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `aws_s3_bucket_replication_configuration` with an enabled rule to a bucket in another
//! region.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html>
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html>

use super::aws::s3::{bucket_or_connected, is_one_of, or, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(S3Replication {
    code: "DPY-AWS-S3-005",
    checkov: ["CKV_AWS_144"],
    title: "S3 bucket has no cross-region replication",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; replication is a resilience measure, not an exposure, so Low",
    targets: [(Terraform, "aws_s3_bucket")],
    description: "An `aws_s3_bucket` has an enabled rule in `replication_configuration`, or an `aws_s3_bucket_replication_configuration` referring to it has a rule with `status = \"Enabled\"`.",
    remediation: "Add an `aws_s3_bucket_replication_configuration` with an enabled rule to a bucket in another region.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let ok = bucket_or_connected(
        r,
        cx,
        "aws_s3_bucket_replication_configuration",
        |b| enabled_rule(b.path("replication_configuration.rules")),
        |c| enabled_rule(c.get("rule")),
    );
    verdict(ok, "the bucket has no enabled replication rule")
}

/// Whether some rule of a list has `status = "Enabled"`.
fn enabled_rule(rules: Option<&Value>) -> Truth {
    let Some(rules) = rules else {
        return Truth::False;
    };
    if rules.is_unknown() {
        return Truth::Unknown;
    }
    rules.items().fold(Truth::False, |acc, rule| {
        or(acc, is_one_of(rule, "status", &["Enabled"]))
    })
}
