//! DPY-ALI-OSS-005: OSS bucket is not encrypted with a customer master key.
//!
//! # What it checks
//! `alicloud_oss_bucket` sets `server_side_encryption_rule { kms_master_key_id = ... }`.
//!
//! # Why it matters
//! A customer master key keeps control of the key, its rotation and its access policy with the account owner.
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
//!   server_side_encryption_rule {
//!     sse_algorithm     = "KMS"
//!     kms_master_key_id = alicloud_kms_key.oss.id
//!   }
//! }
//! ```
//!
//! # Remediation
//! Encrypt the bucket with a KMS key (`server_side_encryption_rule.kms_master_key_id`).
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket>

use super::aws::verdict;
use super::cloud_common_c::value_present;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(OssCmk {
    code: "DPY-ALI-OSS-005",
    checkov: ["CKV_ALI_6"],
    title: "OSS bucket is not encrypted with a customer master key",
    severity: Medium,
    reason: "KICS \"OSS Bucket Encryption Using CMK Disabled\" (alicloud) is Medium; trivy-checks has no Alibaba checks. Medium, as KICS",
    targets: [(Terraform, "alicloud_oss_bucket")],
    description: "`alicloud_oss_bucket` sets `server_side_encryption_rule { kms_master_key_id = ... }`.",
    remediation: "Encrypt the bucket with a KMS key (`server_side_encryption_rule.kms_master_key_id`).",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/oss_bucket"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_present(r, "server_side_encryption_rule.kms_master_key_id"),
        "the bucket is not encrypted with a customer master key",
    )
}
