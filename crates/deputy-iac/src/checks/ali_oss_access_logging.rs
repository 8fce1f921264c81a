//! DPY-ALI-OSS-004: OSS bucket does not have access logging enabled.
//!
//! # What it checks
//! `alicloud_oss_bucket` has a `logging` block.
//!
//! # Why it matters
//! Access logs record who read or changed the bucket's objects.
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
//!   logging {
//!     target_bucket = "example-logs"
//!     target_prefix = "log/"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `logging` block naming a target bucket.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket>

use super::aws::verdict;
use super::cloud_common_c::value_present;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(OssAccessLogging {
    code: "DPY-ALI-OSS-004",
    checkov: ["CKV_ALI_12"],
    title: "OSS bucket does not have access logging enabled",
    severity: Medium,
    reason: "KICS \"OSS Bucket Logging Disabled\" (alicloud) is Medium; trivy-checks has no Alibaba checks. Medium, as KICS",
    targets: [(Terraform, "alicloud_oss_bucket")],
    description: "`alicloud_oss_bucket` has a `logging` block.",
    remediation: "Add a `logging` block naming a target bucket.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(value_present(r, "logging"), "access logging is not enabled")
}
