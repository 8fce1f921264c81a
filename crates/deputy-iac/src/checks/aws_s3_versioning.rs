//! DPY-AWS-S3-002: S3 bucket versioning is not enabled.
//!
//! # What it checks
//! An `aws_s3_bucket` has `versioning { enabled = true }`, or an `aws_s3_bucket_versioning`
//! resource refers to it with `versioning_configuration { status = "Enabled" }`.
//!
//! # Why it matters
//! Without versioning an overwrite or delete — by mistake, by a compromised credential or by
//! ransomware — destroys the only copy of an object.
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
//! resource "aws_s3_bucket_versioning" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   versioning_configuration {
//!     status = "Enabled"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable versioning with an `aws_s3_bucket_versioning` resource; add lifecycle rules to expire
//! old versions.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html>
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html>

use super::aws::s3::{bucket_or_connected, is_one_of, is_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource};

check!(S3Versioning {
    code: "DPY-AWS-S3-002",
    checkov: ["CKV_AWS_21"],
    title: "S3 bucket versioning is not enabled",
    severity: Medium,
    reason: "trivy-checks AWS-0090 (S3 versioning) is Medium; KICS \"S3 Bucket Without Versioning\" is Medium",
    targets: [
        (Terraform, "aws_s3_bucket"),
        (CloudFormation, "AWS::S3::Bucket")
    ],
    description: "An `aws_s3_bucket` has `versioning { enabled = true }`, or an `aws_s3_bucket_versioning` resource refers to it with `versioning_configuration { status = \"Enabled\" }` (CloudFormation `AWS::S3::Bucket`: `VersioningConfiguration.Status: Enabled`).",
    remediation: "Enable versioning with an `aws_s3_bucket_versioning` resource; add lifecycle rules to expire old versions.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if r.framework == Framework::CloudFormation {
        return verdict(
            is_one_of(
                &r.config,
                "Properties.VersioningConfiguration.Status",
                &["Enabled"],
            ),
            "versioning is not enabled on the bucket",
        );
    }
    let ok = bucket_or_connected(
        r,
        cx,
        "aws_s3_bucket_versioning",
        |b| is_true(b, "versioning.enabled"),
        |v| is_one_of(v, "versioning_configuration.status", &["Enabled"]),
    );
    verdict(ok, "versioning is not enabled on the bucket")
}
