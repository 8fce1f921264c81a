//! DPY-AWS-S3-003: S3 bucket encryption at rest is not configured.
//!
//! # What it checks
//! An `aws_s3_bucket` sets `server_side_encryption_configuration` with `aws:kms` or `AES256`, or
//! an `aws_s3_bucket_server_side_encryption_configuration` referring to it does; a bucket with
//! neither is also accepted, since S3 encrypts new objects with SSE-S3 by default.
//!
//! # Why it matters
//! Encryption at rest protects objects on disks and backups outside the access controls;
//! an explicit algorithm states the intent and survives changes to the account default.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     apply_server_side_encryption_by_default {
//!       sse_algorithm = "aws:fake"
//!     }
//!   }
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
//!       sse_algorithm = "aws:kms"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Configure default encryption with `aws:kms` (preferably a customer-managed key) or `AES256`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html>
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html>

use super::aws::s3::{bucket_or_connected, exists, is_one_of, or, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(S3Encryption {
    code: "DPY-AWS-S3-003",
    checkov: ["CKV_AWS_19"],
    title: "S3 bucket encryption at rest is not configured",
    severity: Low,
    reason: "trivy-checks deprecated AWS-0088 (unencrypted S3 bucket, High) and KICS has no current equivalent, because S3 has encrypted every new object with SSE-S3 by default since January 2023. Low: the setting now only documents the intent",
    targets: [
        (Terraform, "aws_s3_bucket"),
        (CloudFormation, "AWS::S3::Bucket")
    ],
    description: "An `aws_s3_bucket` sets `server_side_encryption_configuration` with `aws:kms` or `AES256`, or an `aws_s3_bucket_server_side_encryption_configuration` referring to it does; a bucket with neither is also accepted, since S3 encrypts new objects with SSE-S3 by default (CloudFormation `AWS::S3::Bucket`: the first rule of `BucketEncryption.ServerSideEncryptionConfiguration`, when present, uses one of those algorithms).",
    remediation: "Configure default encryption with `aws:kms` (preferably a customer-managed key) or `AES256`.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
    ],
    differences: [
        "`aws:kms:dsse` (dual-layer KMS encryption) is accepted; Checkov fails it although it is stronger than `aws:kms`"
    ],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    const ALGORITHMS: [&str; 3] = ["aws:kms", "aws:kms:dsse", "AES256"];
    if r.framework == Framework::CloudFormation {
        let first = match r
            .config
            .path("Properties.BucketEncryption.ServerSideEncryptionConfiguration")
        {
            Some(Value::List(rules)) => rules.first(),
            other => other,
        };
        let ok = match first {
            Some(rule)
                if exists(rule, "ServerSideEncryptionByDefault.SSEAlgorithm") != Truth::False =>
            {
                is_one_of(
                    rule,
                    "ServerSideEncryptionByDefault.SSEAlgorithm",
                    &ALGORITHMS,
                )
            }
            // Nothing configured: S3 encrypts with SSE-S3.
            _ => Truth::True,
        };
        return verdict(
            ok,
            "the bucket's default encryption uses an unknown algorithm",
        );
    }
    let inline = "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm";
    let mut ok = bucket_or_connected(
        r,
        cx,
        "aws_s3_bucket_server_side_encryption_configuration",
        |b| is_one_of(b, inline, &ALGORITHMS),
        |c| {
            is_one_of(
                c,
                "rule.apply_server_side_encryption_by_default.sse_algorithm",
                &ALGORITHMS,
            )
        },
    );
    // S3 encrypts with SSE-S3 when nothing is configured, so a bucket with no
    // configuration of its own is encrypted.
    let configured =
        super::aws::connected(cx, r, "aws_s3_bucket_server_side_encryption_configuration")
            .next()
            .is_some();
    if !configured && exists(&r.config, inline) == Truth::False {
        ok = or(ok, Truth::True);
    }
    verdict(
        ok,
        "the bucket's default encryption is not `aws:kms` or `AES256`",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(properties: &str) -> &'static str {
        let r = resource(
            "AWS::S3::Bucket",
            &format!(r#"{{"Properties":{properties}}}"#),
        );
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn cloudformation_buckets_are_judged_by_their_first_rule() {
        let rule = |alg: &str| {
            format!(
                r#"{{"BucketEncryption":{{"ServerSideEncryptionConfiguration":[{{"ServerSideEncryptionByDefault":{{"SSEAlgorithm":{alg}}}}}]}}}}"#
            )
        };
        assert_eq!(judge("{}"), "pass");
        assert_eq!(judge(&rule(r#""aws:kms""#)), "pass");
        assert_eq!(judge(&rule(r#""AES256""#)), "pass");
        assert_eq!(judge(&rule(r#""ROT13""#)), "fail");
        assert_eq!(judge(&rule(r#"{"$unknown":[]}"#)), "unknown");
    }
}
