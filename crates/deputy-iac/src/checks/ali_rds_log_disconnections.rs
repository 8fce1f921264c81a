//! DPY-ALI-RDS-003: RDS instance does not set `log_disconnections` on.
//!
//! # What it checks
//! `alicloud_db_instance` has a `parameters` block with `name = "log_disconnections"` and `value = "on"` (any case).
//!
//! # Why it matters
//! Database connection and statement logs are what an investigation of misuse starts from.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine         = "PostgreSQL"
//!   engine_version = "13.0"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine         = "PostgreSQL"
//!   engine_version = "13.0"
//!   parameters {
//!     name  = "log_disconnections"
//!     value = "ON"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `parameters { name = "log_disconnections" value = "ON" }` block.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance>

use super::aws::verdict;
use super::cloud_common_c::parameter_on;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(RdsLogDisconnections {
    code: "DPY-ALI-RDS-003",
    checkov: ["CKV_ALI_36"],
    title: "RDS instance does not set `log_disconnections` on",
    severity: Low,
    reason: "KICS \"RDS instances log_connections parameter is not set to ON\" (alicloud) is Low; trivy-checks has no Alibaba checks. Low, as KICS: `log_disconnections` is a logging aid",
    targets: [(Terraform, "alicloud_db_instance")],
    description: "`alicloud_db_instance` has a `parameters` block with `name = \"log_disconnections\"` and `value = \"on\"` (any case).",
    remediation: "Add a `parameters { name = \"log_disconnections\" value = \"ON\" }` block.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        parameter_on(r, "log_disconnections"),
        "`log_disconnections` is not on",
    )
}
