//! DPY-ALI-TRAIL-002: ActionTrail trail does not log all events.
//!
//! # What it checks
//! `alicloud_actiontrail_trail` sets `event_rw = "All"` (unset counts as failing, as Checkov reads it).
//!
//! # Why it matters
//! A trail that records only reads or only writes leaves part of the account's API activity unaudited.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "alicloud_actiontrail_trail" "t" {
//!   trail_name = "audit"
//!   event_rw   = "Write"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "alicloud_actiontrail_trail" "t" {
//!   trail_name = "audit"
//!   event_rw   = "All"
//! }
//! ```
//!
//! # Remediation
//! Set `event_rw = "All"`.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/actiontrail_trail>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(ActionTrailAllEvents {
    code: "DPY-ALI-TRAIL-002",
    checkov: ["CKV_ALI_5"],
    title: "ActionTrail trail does not log all events",
    severity: Medium,
    reason: "trivy-checks has no Alibaba checks; no KICS query on `event_rw` was verified. Medium, as KICS rates the sibling \"Action Trail Logging For All Regions Disabled\": a trail that drops read or write events leaves gaps in the audit record",
    targets: [(Terraform, "alicloud_actiontrail_trail")],
    description: "`alicloud_actiontrail_trail` sets `event_rw = \"All\"` (unset counts as failing, as Checkov reads it).",
    remediation: "Set `event_rw = \"All\"`.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/actiontrail_trail"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "event_rw", &["All"], Truth::False),
        "the trail does not log all events",
    )
}
