//! DPY-AWS-S3-004: S3 bucket is not encrypted with KMS by default.
//!
//! # What it checks
//! An `aws_s3_bucket` sets `server_side_encryption_configuration` with `sse_algorithm = "aws:kms"`,
//! or an `aws_s3_bucket_server_side_encryption_configuration` referring to it does.
//!
//! # Why it matters
//! With SSE-S3, anyone allowed to read the objects reads them decrypted; a KMS key adds a second
//! permission to check, key-usage audit records and the ability to revoke access by key.
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
//! resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     apply_server_side_encryption_by_default {
//!       sse_algorithm     = "aws:kms"
//!       kms_master_key_id = aws_kms_key.data.arn
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set default encryption to `aws:kms` with a customer-managed key.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html>
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html>

use super::aws::s3::{bucket_or_connected, is_one_of, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(S3KmsByDefault {
    code: "DPY-AWS-S3-004",
    checkov: ["CKV_AWS_145"],
    title: "S3 bucket is not encrypted with KMS by default",
    severity: Medium,
    reason: "trivy-checks AWS-0132 (S3 customer managed keys) is High; KICS has no equivalent for AWS. Medium: SSE-S3 already encrypts the data, but a KMS key adds a second permission check that still protects objects if the bucket policy is opened by mistake",
    targets: [(Terraform, "aws_s3_bucket")],
    description: "An `aws_s3_bucket` sets `server_side_encryption_configuration` with `sse_algorithm = \"aws:kms\"`, or an `aws_s3_bucket_server_side_encryption_configuration` referring to it does.",
    remediation: "Set default encryption to `aws:kms` with a customer-managed key.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let ok = bucket_or_connected(
        r,
        cx,
        "aws_s3_bucket_server_side_encryption_configuration",
        |b| {
            is_one_of(
                b,
                "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm",
                &["aws:kms"],
            )
        },
        |c| {
            is_one_of(
                c,
                "rule.apply_server_side_encryption_by_default.sse_algorithm",
                &["aws:kms"],
            )
        },
    );
    verdict(ok, "the bucket is not encrypted with KMS by default")
}
