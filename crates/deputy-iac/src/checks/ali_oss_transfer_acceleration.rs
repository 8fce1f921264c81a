//! DPY-ALI-OSS-003: OSS bucket does not have transfer acceleration enabled.
//!
//! # What it checks
//! `alicloud_oss_bucket` sets `transfer_acceleration { enabled = true }`.
//!
//! # Why it matters
//! Transfer acceleration keeps uploads and downloads available and fast over long distances.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "alicloud_oss_bucket" "b" {
//!   bucket = "example"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "alicloud_oss_bucket" "b" {
//!   bucket = "example"
//!   transfer_acceleration {
//!     enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `transfer_acceleration { enabled = true }`.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(OssTransferAcceleration {
    code: "DPY-ALI-OSS-003",
    checkov: ["CKV_ALI_11"],
    title: "OSS bucket does not have transfer acceleration enabled",
    severity: Low,
    reason: "KICS \"OSS Bucket Transfer Acceleration Disabled\" (alicloud) is Low; trivy-checks has no Alibaba checks. Low, as KICS",
    targets: [(Terraform, "alicloud_oss_bucket")],
    description: "`alicloud_oss_bucket` sets `transfer_acceleration { enabled = true }`.",
    remediation: "Add `transfer_acceleration { enabled = true }`.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "transfer_acceleration.enabled", &["true"], Truth::False),
        "transfer acceleration is not enabled",
    )
}
