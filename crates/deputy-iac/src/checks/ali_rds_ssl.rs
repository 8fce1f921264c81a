//! DPY-ALI-RDS-004: RDS instance does not use SSL.
//!
//! # What it checks
//! `alicloud_db_instance` sets `ssl_action` to `Open` or `Update`.
//!
//! # Why it matters
//! Without SSL, connections to the database carry credentials and data unencrypted.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine         = "MySQL"
//!   engine_version = "8.0"
//!   ssl_action     = "Close"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine         = "MySQL"
//!   engine_version = "8.0"
//!   ssl_action     = "Open"
//! }
//! ```
//!
//! # Remediation
//! Set `ssl_action = "Open"`.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(RdsSsl {
    code: "DPY-ALI-RDS-004",
    checkov: ["CKV_ALI_20"],
    title: "RDS instance does not use SSL",
    severity: Medium,
    reason: "trivy-checks has no Alibaba checks and no KICS equivalent on `ssl_action` was verified. Medium: clients may send credentials and data in clear text",
    targets: [(Terraform, "alicloud_db_instance")],
    description: "`alicloud_db_instance` sets `ssl_action` to `Open` or `Update`.",
    remediation: "Set `ssl_action = \"Open\"`.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "ssl_action", &["Open", "Update"], Truth::False),
        "SSL is not enabled",
    )
}
