//! DPY-AWS-ECR-003: ECR repository is not encrypted with KMS.
//!
//! # What it checks
//! `aws_ecr_repository` sets `encryption_configuration { encryption_type = "KMS" }`
//! (CloudFormation `EncryptionConfiguration.EncryptionType: KMS`).
//!
//! # Why it matters
//! Images are encrypted with Amazon S3-managed keys by default; KMS encryption puts access to
//! the key under IAM and key policies and records every use of it in CloudTrail.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_ecr_repository" "app" {
//!   name = "app"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_ecr_repository" "app" {
//!   name = "app"
//!   encryption_configuration {
//!     encryption_type = "KMS"
//!     kms_key         = aws_kms_key.ecr.arn
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `encryption_type = "KMS"`, ideally with a customer-managed `kms_key`. The setting can
//! only be chosen when the repository is created.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html>

use super::aws::{must_equal, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(EcrKms {
    code: "DPY-AWS-ECR-003",
    checkov: ["CKV_AWS_136"],
    title: "ECR repository is not encrypted with KMS",
    severity: Low,
    reason: "trivy-checks AWS-0033 (ECR repository customer managed keys) is Low; KICS \"ECR Repository Not Encrypted\" is Medium. Low, as trivy, whose check is the closer match: images are encrypted at rest either way, KMS adds control over the key",
    targets: [
        (Terraform, "aws_ecr_repository"),
        (CloudFormation, "AWS::ECR::Repository")
    ],
    description: "`aws_ecr_repository` sets `encryption_configuration { encryption_type = \"KMS\" }` (CloudFormation `EncryptionConfiguration.EncryptionType: KMS`).",
    remediation: "Set `encryption_type = \"KMS\"`, ideally with a customer-managed `kms_key`. The setting can only be chosen when the repository is created.",
    references: ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_equal(
            setting_at(
                r,
                "encryption_configuration.encryption_type",
                "EncryptionConfiguration.EncryptionType",
            ),
            "KMS",
        ),
        "the repository is not encrypted with KMS",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(kind: &str, config: &str) -> &'static str {
        let r = resource(kind, config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn kms_encryption_type_is_required() {
        let tf = "aws_ecr_repository";
        assert_eq!(
            judge(
                tf,
                r#"{"encryption_configuration":[{"encryption_type":"KMS"}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                tf,
                r#"{"encryption_configuration":[{"encryption_type":"AES256"}]}"#
            ),
            "fail"
        );
        assert_eq!(judge(tf, "{}"), "fail");
        assert_eq!(
            judge(
                tf,
                r#"{"encryption_configuration":[{"encryption_type":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
        assert_eq!(
            judge(
                "AWS::ECR::Repository",
                r#"{"Properties":{"EncryptionConfiguration":{"EncryptionType":"KMS"}}}"#
            ),
            "pass"
        );
    }
}
