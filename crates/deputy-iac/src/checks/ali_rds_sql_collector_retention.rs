//! DPY-ALI-RDS-001: RDS instance keeps SQL collector logs for fewer than 180 days.
//!
//! # What it checks
//! `alicloud_db_instance` sets `sql_collector_status = "Enabled"` and `sql_collector_config_value` to 180 or more.
//!
//! # Why it matters
//! The SQL collector (SQL audit) keeps the statements run against the database; short retention loses them before an incident is noticed.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine         = "MySQL"
//!   engine_version = "8.0"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "alicloud_db_instance" "db" {
//!   engine                     = "MySQL"
//!   engine_version             = "8.0"
//!   sql_collector_status       = "Enabled"
//!   sql_collector_config_value = 180
//! }
//! ```
//!
//! # Remediation
//! Enable the SQL collector and keep its logs for at least 180 days.
//!
//! # References
//! - <https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance>

use super::aws::verdict;
use super::cloud_common_c::{number_at, value_in};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(RdsSqlCollectorRetention {
    code: "DPY-ALI-RDS-001",
    checkov: ["CKV_ALI_25"],
    title: "RDS instance keeps SQL collector logs for fewer than 180 days",
    severity: Low,
    reason: "trivy-checks has no Alibaba checks; no KICS equivalent on the SQL collector was verified. Low: log retention helps investigations but exposes nothing by itself",
    targets: [(Terraform, "alicloud_db_instance")],
    description: "`alicloud_db_instance` sets `sql_collector_status = \"Enabled\"` and `sql_collector_config_value` to 180 or more.",
    remediation: "Enable the SQL collector and keep its logs for at least 180 days.",
    references: [
        "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/db_instance"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match value_in(r, "sql_collector_status", &["Enabled"], Truth::False) {
        Truth::True => number_at(r, "sql_collector_config_value", Truth::False, |n| {
            n >= 180.0
        }),
        other => other,
    };
    verdict(ok, "SQL collector logs are not kept for 180 days")
}
