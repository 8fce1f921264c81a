//! DPY-ALI-TRAIL-001: ActionTrail trail does not log all regions.
//!
//! # What it checks
//! `alicloud_actiontrail_trail` sets `trail_region = "All"`; the provider's default (unset) is all regions.
//!
//! # Why it matters
//! A trail limited to one region misses API activity in every other region.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "alicloud_actiontrail_trail" "t" {
//!   trail_name   = "audit"
//!   trail_region = "cn-hangzhou"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "alicloud_actiontrail_trail" "t" {
//!   trail_name   = "audit"
//!   trail_region = "All"
//! }
//! ```
//!
//! # Remediation
//! Set `trail_region = "All"` or leave it unset.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/actiontrail_trail>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(ActionTrailAllRegions {
    code: "DPY-ALI-TRAIL-001",
    checkov: ["CKV_ALI_4"],
    title: "ActionTrail trail does not log all regions",
    severity: Medium,
    reason: "KICS \"Action Trail Logging For All Regions Disabled\" (alicloud) is Medium; trivy-checks has no Alibaba checks. Medium, as KICS",
    targets: [(Terraform, "alicloud_actiontrail_trail")],
    description: "`alicloud_actiontrail_trail` sets `trail_region = \"All\"`; the provider's default (unset) is all regions.",
    remediation: "Set `trail_region = \"All\"` or leave it unset.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/actiontrail_trail"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "trail_region", &["All"], Truth::True),
        "the trail does not log all regions",
    )
}
