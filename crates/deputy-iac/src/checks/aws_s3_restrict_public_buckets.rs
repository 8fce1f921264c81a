//! DPY-AWS-S3-015: S3 public access block does not restrict public buckets.
//!
//! # What it checks
//! `aws_s3_bucket_public_access_block` sets `restrict_public_buckets = true`; in CloudFormation, an
//! `AWS::S3::Bucket` sets `PublicAccessBlockConfiguration.RestrictPublicBuckets: true`. Absent counts as
//! `false`, as AWS defaults it.
//!
//! # Why it matters
//! A bucket whose policy is public is limited to AWS service principals and the owner's account only when `restrict_public_buckets` is set. Without it, a public bucket policy that already exists keeps granting anonymous and cross-account access.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_s3_bucket_public_access_block" "logs" {
//!   bucket = aws_s3_bucket.logs.id
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_s3_bucket_public_access_block" "logs" {
//!   bucket                  = aws_s3_bucket.logs.id
//!   block_public_acls       = true
//!   block_public_policy     = true
//!   ignore_public_acls      = true
//!   restrict_public_buckets = true
//! }
//! ```
//!
//! # Remediation
//! Set all four flags of the public access block to `true` (and enable the account-level
//! block where no bucket should be public).
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html>

use super::aws::s3::access_block_flag;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(S3RestrictPublicBuckets {
    code: "DPY-AWS-S3-015",
    checkov: ["CKV_AWS_56"],
    title: "S3 public access block does not restrict public buckets",
    severity: High,
    reason: "trivy-checks AWS-0093 (\"Access block should restrict public bucket to limit access\") is High: the flag is one of the four that keep a bucket from being made public by a later ACL or policy",
    targets: [
        (Terraform, "aws_s3_bucket_public_access_block"),
        (CloudFormation, "AWS::S3::Bucket")
    ],
    description: "`aws_s3_bucket_public_access_block` sets `restrict_public_buckets = true` (CloudFormation `AWS::S3::Bucket`: `PublicAccessBlockConfiguration.RestrictPublicBuckets`); absent counts as false.",
    remediation: "Set `restrict_public_buckets = true` (`RestrictPublicBuckets: true`), with the other three flags of the public access block.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    access_block_flag(r, "restrict_public_buckets", "RestrictPublicBuckets")
}
