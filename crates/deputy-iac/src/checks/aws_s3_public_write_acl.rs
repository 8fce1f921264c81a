//! DPY-AWS-S3-008: S3 bucket ACL allows public write access.
//!
//! # What it checks
//! The ACL of an `aws_s3_bucket` — its own `acl` or an `aws_s3_bucket_acl` referring to it — is
//! not `public-read-write`, and an access-control policy grants no `WRITE` to the AllUsers group.
//!
//! # Why it matters
//! Public write lets anyone upload, overwrite and (with versioning off) destroy objects: malware
//! served from a trusted domain, poisoned build artefacts, or a large bill.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//!   acl    = "public-read-write"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//!   acl    = "private"
//! }
//! ```
//!
//! # Remediation
//! Use the `private` ACL, or disable ACLs with object ownership `BucketOwnerEnforced`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html>
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html>

use super::aws::s3::{acl_ok, cfn_acl_ok, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource};

check!(S3PublicWriteAcl {
    code: "DPY-AWS-S3-008",
    checkov: ["CKV_AWS_57"],
    title: "S3 bucket ACL allows public write access",
    severity: Critical,
    reason: "KICS \"S3 Bucket ACL Allows Read Or Write to All Users\" is Critical; trivy-checks AWS-0092 (no public access through ACL) is High. Critical, as KICS: anyone could overwrite or plant objects",
    targets: [
        (Terraform, "aws_s3_bucket"),
        (CloudFormation, "AWS::S3::Bucket")
    ],
    description: "The ACL of an `aws_s3_bucket` — its own `acl` or an `aws_s3_bucket_acl` referring to it — is not `public-read-write`, and an access-control policy grants no `WRITE` to the AllUsers group (CloudFormation `AWS::S3::Bucket`: `AccessControl` is not `PublicReadWrite`).",
    remediation: "Use the `private` ACL, or disable ACLs with object ownership `BucketOwnerEnforced`.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if r.framework == Framework::CloudFormation {
        return verdict(
            cfn_acl_ok(r, &["PublicReadWrite"]),
            "the bucket's `AccessControl` allows public write access",
        );
    }
    verdict(
        acl_ok(r, cx, &PUBLIC, GRANT),
        "the bucket's ACL allows public write access",
    )
}

/// Canned ACLs that grant the access this check forbids.
const PUBLIC: [&str; 1] = ["public-read-write"];
/// Permissions that, granted to all users in an access-control policy, grant it too (none
/// listed: any permission does).
const GRANT: &[&str] = &["WRITE"];
