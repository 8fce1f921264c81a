//! DPY-ALI-RDS-007: RDS instance does not set `log_connections` on.
//!
//! # What it checks
//! `alicloud_db_instance` has a `parameters` block with `name = "log_connections"` and `value = "on"` (any case).
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
//!     name  = "log_connections"
//!     value = "ON"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `parameters { name = "log_connections" value = "ON" }` block.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance>

use super::aws::verdict;
use super::cloud_common_c::parameter_on;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(RdsLogConnections {
    code: "DPY-ALI-RDS-007",
    checkov: ["CKV_ALI_37"],
    title: "RDS instance does not set `log_connections` on",
    severity: Low,
    reason: "KICS \"RDS instances log_connections parameter is not set to ON\" (alicloud) is Low; trivy-checks has no Alibaba checks. Low, as KICS: `log_connections` is a logging aid",
    targets: [(Terraform, "alicloud_db_instance")],
    description: "`alicloud_db_instance` has a `parameters` block with `name = \"log_connections\"` and `value = \"on\"` (any case).",
    remediation: "Add a `parameters { name = \"log_connections\" value = \"ON\" }` block.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance"
    ],
    differences: [
        "`parameters` written as an attribute (`parameters = [{ ... }]`) rather than as blocks is read like the blocks: Checkov gives no verdict there; Deputy fails when no entry sets `log_connections` to on."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        parameter_on(r, "log_connections"),
        "`log_connections` is not on",
    )
}
