//! DPY-AWS-S3-017: S3 bucket object is not encrypted with a customer-managed KMS key.
//!
//! # What it checks
//! An `aws_s3_bucket_object` sets `kms_key_id`.
//!
//! # Why it matters
//! A customer-managed key lets you decide who may decrypt the object, audit every use of the
//! key, and revoke access by disabling it; the default keys offer none of that control.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_s3_bucket_object" "report" {
//!   bucket  = aws_s3_bucket.reports.id
//!   key     = "report.csv"
//!   content = "example"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_s3_bucket_object" "report" {
//!   bucket     = aws_s3_bucket.reports.id
//!   key        = "report.csv"
//!   content    = "example"
//!   kms_key_id = aws_kms_key.reports.arn
//! }
//! ```
//!
//! # Remediation
//! Set `kms_key_id` to the ARN of a customer-managed KMS key.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(S3ObjectCmk {
    code: "DPY-AWS-S3-017",
    checkov: ["CKV_AWS_186"],
    title: "S3 bucket object is not encrypted with a customer-managed KMS key",
    severity: Low,
    reason: "KICS \"S3 Bucket Object Not Encrypted\" is High but fires on objects without any server-side encryption; trivy-checks has no check on objects (its AWS-0132, bucket customer managed keys, is High). Low, as for other customer-managed key checks (DPY-AWS-EC2-014): S3 encrypts every object by default, the key only adds control",
    targets: [(Terraform, "aws_s3_bucket_object")],
    description: "An `aws_s3_bucket_object` sets `kms_key_id`.",
    remediation: "Set `kms_key_id` to the ARN of a customer-managed KMS key.",
    references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("kms_key_id")),
        "the object is not encrypted with a customer-managed key",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_s3_bucket_object", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn a_kms_key_is_required() {
        assert_eq!(
            judge(r#"{"kms_key_id":{"$unknown":["aws_kms_key.k"]}}"#),
            "pass"
        );
        assert_eq!(judge("{}"), "fail");
        assert_eq!(judge(r#"{"kms_key_id":{"$unknown":[]}}"#), "unknown");
    }
}
