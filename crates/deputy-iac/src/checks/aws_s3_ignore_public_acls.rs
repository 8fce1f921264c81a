//! DPY-AWS-S3-014: S3 public access block does not ignore public ACLs.
//!
//! # What it checks
//! `aws_s3_bucket_public_access_block` sets `ignore_public_acls = true`; in CloudFormation, an
//! `AWS::S3::Bucket` sets `PublicAccessBlockConfiguration.IgnorePublicAcls: true`. Absent counts as
//! `false`, as AWS defaults it.
//!
//! # Why it matters
//! Public ACLs already on the bucket or its objects stop granting access only when `ignore_public_acls` is set. Objects uploaded with a public ACL before the block existed, or by tools that set one, stay readable by anyone until the ACLs are ignored.
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

check!(S3IgnorePublicAcls {
    code: "DPY-AWS-S3-014",
    checkov: ["CKV_AWS_55"],
    title: "S3 public access block does not ignore public ACLs",
    severity: High,
    reason: "trivy-checks AWS-0091 (\"Access Block should Ignore Public ACL\") is High: the flag is one of the four that keep a bucket from being made public by a later ACL or policy",
    targets: [
        (Terraform, "aws_s3_bucket_public_access_block"),
        (CloudFormation, "AWS::S3::Bucket")
    ],
    description: "`aws_s3_bucket_public_access_block` sets `ignore_public_acls = true` (CloudFormation `AWS::S3::Bucket`: `PublicAccessBlockConfiguration.IgnorePublicAcls`); absent counts as false.",
    remediation: "Set `ignore_public_acls = true` (`IgnorePublicAcls: true`), with the other three flags of the public access block.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    access_block_flag(r, "ignore_public_acls", "IgnorePublicAcls")
}
