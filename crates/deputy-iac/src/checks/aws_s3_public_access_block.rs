//! DPY-AWS-S3-006: S3 bucket has no public access block.
//!
//! # What it checks
//! Some `aws_s3_bucket_public_access_block` refers to the `aws_s3_bucket` and sets both
//! `block_public_acls` and `block_public_policy` to `true`.
//!
//! # Why it matters
//! The public access block overrides ACLs and bucket policies that would make objects public,
//! so one mistaken grant does not expose the bucket.
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
//! resource "aws_s3_bucket_public_access_block" "data" {
//!   bucket                  = aws_s3_bucket.data.id
//!   block_public_acls       = true
//!   block_public_policy     = true
//!   ignore_public_acls      = true
//!   restrict_public_buckets = true
//! }
//! ```
//!
//! # Remediation
//! Add an `aws_s3_bucket_public_access_block` for the bucket with all four flags set to `true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html>
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html>

use super::aws::s3::{bucket_or_connected, is_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(S3PublicAccessBlock {
    code: "DPY-AWS-S3-006",
    checkov: ["CKV2_AWS_6"],
    title: "S3 bucket has no public access block",
    severity: Low,
    reason: "trivy-checks AWS-0094 (specify a public access block) is Low; KICS rates the individual flags Medium (\"S3 Bucket Allows Public ACL\", \"S3 Bucket Without Ignore Public ACL\", \"S3 Bucket Without Restriction Of Public Bucket\"). Low, as trivy, whose check matches this one: the flags and the account-level block are checked separately",
    targets: [(Terraform, "aws_s3_bucket")],
    description: "Some `aws_s3_bucket_public_access_block` refers to the `aws_s3_bucket` and sets both `block_public_acls` and `block_public_policy` to `true`.",
    remediation: "Add an `aws_s3_bucket_public_access_block` for the bucket with all four flags set to `true`.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let ok = bucket_or_connected(
        r,
        cx,
        "aws_s3_bucket_public_access_block",
        |_| Truth::False,
        |b| {
            let acls = is_true(b, "block_public_acls");
            let policy = is_true(b, "block_public_policy");
            super::aws::policy::and(acls, policy)
        },
    );
    verdict(
        ok,
        "no public access block with `block_public_acls` and `block_public_policy` refers to the bucket",
    )
}
