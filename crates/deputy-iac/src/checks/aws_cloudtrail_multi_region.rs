//! DPY-AWS-CT-003: CloudTrail does not cover all regions.
//!
//! # What it checks
//! `aws_cloudtrail` sets `is_multi_region_trail = true` (CloudFormation `IsMultiRegionTrail`).
//!
//! # Why it matters
//! Attackers favour regions nobody watches; a single-region trail misses everything done
//! elsewhere in the account.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_cloudtrail" "main" {
//!   name           = "main"
//!   s3_bucket_name = aws_s3_bucket.trail.id
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_cloudtrail" "main" {
//!   name                  = "main"
//!   s3_bucket_name        = aws_s3_bucket.trail.id
//!   is_multi_region_trail = true
//! }
//! ```
//!
//! # Remediation
//! Set `is_multi_region_trail = true` (or use an organization trail).
//!
//! # References
//! - <https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html>

use super::aws::{must_be_true, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(CloudTrailMultiRegion {
    code: "DPY-AWS-CT-003",
    checkov: ["CKV_AWS_67"],
    title: "CloudTrail does not cover all regions",
    severity: Medium,
    reason: "trivy-checks AWS-0014 (CloudTrail in all regions) is Medium; KICS \"CloudTrail Multi Region Disabled\" is Low. Medium, as trivy: activity in unused regions, a common hiding place, goes unrecorded",
    targets: [
        (Terraform, "aws_cloudtrail"),
        (CloudFormation, "AWS::CloudTrail::Trail")
    ],
    description: "`aws_cloudtrail` sets `is_multi_region_trail = true` (CloudFormation `IsMultiRegionTrail`).",
    remediation: "Set `is_multi_region_trail = true` (or use an organization trail).",
    references: [
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(setting_at(r, "is_multi_region_trail", "IsMultiRegionTrail")),
        "the trail covers one region only",
    )
}
