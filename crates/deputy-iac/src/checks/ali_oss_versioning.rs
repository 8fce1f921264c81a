//! DPY-ALI-OSS-002: OSS bucket does not have versioning enabled.
//!
//! # What it checks
//! `alicloud_oss_bucket` sets `versioning { status = "Enabled" }`.
//!
//! # Why it matters
//! Without versioning an overwritten or deleted object cannot be recovered.
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
//!   versioning {
//!     status = "Enabled"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `versioning { status = "Enabled" }`.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(OssVersioning {
    code: "DPY-ALI-OSS-002",
    checkov: ["CKV_ALI_10"],
    title: "OSS bucket does not have versioning enabled",
    severity: Medium,
    reason: "KICS \"OSS Bucket Versioning Disabled\" (alicloud) is Medium; trivy-checks has no Alibaba checks. Medium, as KICS",
    targets: [(Terraform, "alicloud_oss_bucket")],
    description: "`alicloud_oss_bucket` sets `versioning { status = \"Enabled\" }`.",
    remediation: "Add `versioning { status = \"Enabled\" }`.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "versioning.status", &["Enabled"], Truth::False),
        "versioning is not enabled",
    )
}
