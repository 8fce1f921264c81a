//! DPY-AWS-S3-011: S3 bucket ownership controls do not disable ACLs.
//!
//! # What it checks
//! `aws_s3_bucket_ownership_controls` sets `rule { object_ownership = "BucketOwnerEnforced" }`.
//!
//! # Why it matters
//! With ACLs enabled, objects can be shared through per-object ACLs that bucket policies and
//! audits overlook; `BucketOwnerEnforced` turns ACLs off entirely.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_s3_bucket_ownership_controls" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     object_ownership = "ObjectWriter"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_s3_bucket_ownership_controls" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     object_ownership = "BucketOwnerEnforced"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `object_ownership = "BucketOwnerEnforced"` and grant access with bucket policies.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html>

use super::aws::s3::is_one_of;
use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(S3AclsDisabled {
    code: "DPY-AWS-S3-011",
    checkov: ["CKV2_AWS_65"],
    title: "S3 bucket ownership controls do not disable ACLs",
    severity: Medium,
    reason: "neither trivy-checks nor KICS has an equivalent. Medium: while ACLs stay enabled they are a second, easily missed way to grant access to the bucket",
    targets: [(Terraform, "aws_s3_bucket_ownership_controls")],
    description: "`aws_s3_bucket_ownership_controls` sets `rule { object_ownership = \"BucketOwnerEnforced\" }`.",
    remediation: "Set `object_ownership = \"BucketOwnerEnforced\"` and grant access with bucket policies.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        is_one_of(&r.config, "rule.object_ownership", &["BucketOwnerEnforced"]),
        "object ownership is not `BucketOwnerEnforced`, so ACLs stay enabled",
    )
}
