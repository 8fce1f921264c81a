//! DPY-AWS-ECR-002: ECR repository does not scan images on push.
//!
//! # What it checks
//! `aws_ecr_repository` sets `image_scanning_configuration { scan_on_push = true }` (CloudFormation
//! `ImageScanningConfiguration.ScanOnPush`).
//!
//! # Why it matters
//! Scanning on push reports known vulnerabilities in an image before it is deployed.
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
//!   image_scanning_configuration {
//!     scan_on_push = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable `scan_on_push` (or registry-level enhanced scanning).
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html>

use super::aws::{must_be_true, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(EcrScanOnPush {
    code: "DPY-AWS-ECR-002",
    checkov: ["CKV_AWS_163"],
    title: "ECR repository does not scan images on push",
    severity: Low,
    reason: "trivy-checks AWS-0030 (ECR image scans) is High; KICS \"Unscanned ECR Image\" is Low. Low, as KICS: scanning is a detective control, and registry-wide scanning settings may cover the repository",
    targets: [
        (Terraform, "aws_ecr_repository"),
        (CloudFormation, "AWS::ECR::Repository")
    ],
    description: "`aws_ecr_repository` sets `image_scanning_configuration { scan_on_push = true }` (CloudFormation `ImageScanningConfiguration.ScanOnPush`).",
    remediation: "Enable `scan_on_push` (or registry-level enhanced scanning).",
    references: ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(setting_at(
            r,
            "image_scanning_configuration.scan_on_push",
            "ImageScanningConfiguration.ScanOnPush",
        )),
        "images are not scanned on push",
    )
}
