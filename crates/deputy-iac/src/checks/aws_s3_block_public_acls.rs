//! DPY-AWS-S3-012: S3 public access block does not block public ACLs.
//!
//! # What it checks
//! `aws_s3_bucket_public_access_block` sets `block_public_acls = true`; in CloudFormation, an
//! `AWS::S3::Bucket` sets `PublicAccessBlockConfiguration.BlockPublicAcls: true`. Absent counts as
//! `false`, as AWS defaults it.
//!
//! # Why it matters
//! New public ACLs on the bucket and its objects are rejected only when `block_public_acls` is set; without it, one `PutObjectAcl` with `public-read` publishes an object. A public ACL that someone adds later (by mistake or through a compromised role) makes objects readable by anyone.
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

check!(S3BlockPublicAcls {
    code: "DPY-AWS-S3-012",
    checkov: ["CKV_AWS_53"],
    title: "S3 public access block does not block public ACLs",
    severity: High,
    reason: "trivy-checks AWS-0086 (\"Access block should block public ACL\") is High: the flag is one of the four that keep a bucket from being made public by a later ACL or policy",
    targets: [
        (Terraform, "aws_s3_bucket_public_access_block"),
        (CloudFormation, "AWS::S3::Bucket")
    ],
    description: "`aws_s3_bucket_public_access_block` sets `block_public_acls = true` (CloudFormation `AWS::S3::Bucket`: `PublicAccessBlockConfiguration.BlockPublicAcls`); absent counts as false.",
    remediation: "Set `block_public_acls = true` (`BlockPublicAcls: true`), with the other three flags of the public access block.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    access_block_flag(r, "block_public_acls", "BlockPublicAcls")
}
