//! DPY-AWS-S3-001: S3 bucket has no access logging.
//!
//! # What it checks
//! An `aws_s3_bucket` has a `logging` block, or an `aws_s3_bucket_logging` resource refers to it.
//!
//! # Why it matters
//! Server access logs record who read, wrote and deleted which objects; without them a leak or
//! a destructive change cannot be investigated.
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
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//!
//! resource "aws_s3_bucket_logging" "data" {
//!   bucket        = aws_s3_bucket.data.id
//!   target_bucket = aws_s3_bucket.logs.id
//!   target_prefix = "data/"
//! }
//! ```
//!
//! # Remediation
//! Add an `aws_s3_bucket_logging` resource sending the bucket's access logs to a dedicated log
//! bucket.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html>
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html>

use super::aws::s3::{bucket_or_connected, exists, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth};

check!(S3AccessLogging {
    code: "DPY-AWS-S3-001",
    checkov: ["CKV_AWS_18"],
    title: "S3 bucket has no access logging",
    severity: Medium,
    reason: "trivy-checks AWS-0089 (S3 bucket logging) is Low; KICS \"S3 Bucket Logging Disabled\" is Medium. Medium, as KICS: without access logs (or CloudTrail data events) reads of the objects leave no trace",
    targets: [
        (Terraform, "aws_s3_bucket"),
        (CloudFormation, "AWS::S3::Bucket")
    ],
    description: "An `aws_s3_bucket` has a `logging` block, or an `aws_s3_bucket_logging` resource refers to it (CloudFormation `AWS::S3::Bucket`: `LoggingConfiguration`).",
    remediation: "Add an `aws_s3_bucket_logging` resource sending the bucket's access logs to a dedicated log bucket.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if r.framework == Framework::CloudFormation {
        return verdict(
            exists(&r.config, "Properties.LoggingConfiguration"),
            "the bucket has no `LoggingConfiguration`",
        );
    }
    let ok = bucket_or_connected(
        r,
        cx,
        "aws_s3_bucket_logging",
        |b| exists(b, "logging"),
        |_| Truth::True,
    );
    verdict(ok, "the bucket has no access logging")
}
