//! DPY-ALI-RDS-006: RDS instance does not upgrade minor versions automatically.
//!
//! # What it checks
//! `alicloud_db_instance` sets `auto_upgrade_minor_version = "Auto"` (unset counts as failing, as Checkov reads it).
//!
//! # Why it matters
//! Minor versions carry security fixes; manual upgrades tend to lag.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine                     = "MySQL"
//!   auto_upgrade_minor_version = "Manual"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine                     = "MySQL"
//!   auto_upgrade_minor_version = "Auto"
//! }
//! ```
//!
//! # Remediation
//! Set `auto_upgrade_minor_version = "Auto"`.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(RdsMinorUpgrade {
    code: "DPY-ALI-RDS-006",
    checkov: ["CKV_ALI_30"],
    title: "RDS instance does not upgrade minor versions automatically",
    severity: Low,
    reason: "trivy-checks has no Alibaba checks and no KICS equivalent on `auto_upgrade_minor_version` was verified. Low: missing patches are a hygiene issue, not an exposure",
    targets: [(Terraform, "alicloud_db_instance")],
    description: "`alicloud_db_instance` sets `auto_upgrade_minor_version = \"Auto\"` (unset counts as failing, as Checkov reads it).",
    remediation: "Set `auto_upgrade_minor_version = \"Auto\"`.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "auto_upgrade_minor_version", &["Auto"], Truth::False),
        "minor versions are not upgraded automatically",
    )
}
