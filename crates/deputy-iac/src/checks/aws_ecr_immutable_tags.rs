//! DPY-AWS-ECR-001: ECR repository allows tags to be overwritten.
//!
//! # What it checks
//! `aws_ecr_repository` sets `image_tag_mutability = "IMMUTABLE"` (CloudFormation `ImageTagMutability`).
//!
//! # Why it matters
//! With mutable tags, anyone who can push can replace `v1.2.3` with a different image, and
//! every deployment that pulls by tag runs it.
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
//!   name                 = "app"
//!   image_tag_mutability = "IMMUTABLE"
//! }
//! ```
//!
//! # Remediation
//! Set `image_tag_mutability = "IMMUTABLE"` and deploy by digest.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html>

use super::aws::{must_be_one_of, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(EcrImmutableTags {
    code: "DPY-AWS-ECR-001",
    checkov: ["CKV_AWS_51"],
    title: "ECR repository allows tags to be overwritten",
    severity: Medium,
    reason: "trivy-checks AWS-0031 (immutable ECR tags) is High; KICS \"ECR Image Tag Not Immutable\" is Medium. Medium, as KICS: deployments that pin digests or verify signatures are unaffected",
    targets: [
        (Terraform, "aws_ecr_repository"),
        (CloudFormation, "AWS::ECR::Repository")
    ],
    description: "`aws_ecr_repository` sets `image_tag_mutability = \"IMMUTABLE\"` (CloudFormation `ImageTagMutability`).",
    remediation: "Set `image_tag_mutability = \"IMMUTABLE\"` and deploy by digest.",
    references: [
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_one_of(
            setting_at(r, "image_tag_mutability", "ImageTagMutability"),
            &["IMMUTABLE"],
        ),
        "image tags are mutable",
    )
}
