//! DPY-AWS-S3-007: S3 bucket ACL allows public read access.
//!
//! # What it checks
//! The ACL of an `aws_s3_bucket` — its own `acl` or an `aws_s3_bucket_acl` referring to it — is
//! not `public-read`, `public-read-write`, `website` or `authenticated-read`, and an
//! access-control policy grants nothing to the AllUsers group.
//!
//! # Why it matters
//! A public-read ACL lets anyone on the internet list and download the bucket's objects; it is
//! behind many of the largest data leaks.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_s3_bucket_acl" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   acl    = "public-read"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_s3_bucket_acl" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   acl    = "private"
//! }
//! ```
//!
//! # Remediation
//! Use the `private` ACL (or disable ACLs with object ownership `BucketOwnerEnforced`); serve
//! public content through CloudFront with origin access control.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html>
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html>

use super::aws::s3::{acl_ok, cfn_acl_ok, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource};

check!(S3PublicReadAcl {
    code: "DPY-AWS-S3-007",
    checkov: ["CKV_AWS_20"],
    title: "S3 bucket ACL allows public read access",
    severity: High,
    reason: "trivy-checks AWS-0092 (no public access through ACL) is High; KICS \"S3 Bucket ACL Allows Read Or Write to All Users\" is Critical. High, as trivy: public read is sometimes intended (static websites), public write never is",
    targets: [
        (Terraform, "aws_s3_bucket"),
        (CloudFormation, "AWS::S3::Bucket")
    ],
    description: "The ACL of an `aws_s3_bucket` — its own `acl` or an `aws_s3_bucket_acl` referring to it — is not `public-read`, `public-read-write`, `website` or `authenticated-read`, and an access-control policy grants nothing to the AllUsers group (CloudFormation `AWS::S3::Bucket`: `AccessControl` is not `PublicRead`, `PublicReadWrite` or `AuthenticatedRead`).",
    remediation: "Use the `private` ACL (or disable ACLs with object ownership `BucketOwnerEnforced`); serve public content through CloudFront with origin access control.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
    ],
    differences: [
        "A CloudFormation bucket with `AccessControl: AuthenticatedRead` (readable by any AWS account) fails, as its Terraform form does; Checkov's CloudFormation check passes it"
    ],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if r.framework == Framework::CloudFormation {
        return verdict(
            cfn_acl_ok(r, &["PublicRead", "PublicReadWrite", "AuthenticatedRead"]),
            "the bucket's `AccessControl` allows public read access",
        );
    }
    verdict(
        acl_ok(r, cx, &PUBLIC, GRANT),
        "the bucket's ACL allows public read access",
    )
}

/// Canned ACLs that grant the access this check forbids.
const PUBLIC: [&str; 4] = [
    "public-read",
    "public-read-write",
    "website",
    "authenticated-read",
];
/// Permissions that, granted to all users in an access-control policy, grant it too (none
/// listed: any permission does).
const GRANT: &[&str] = &[];
