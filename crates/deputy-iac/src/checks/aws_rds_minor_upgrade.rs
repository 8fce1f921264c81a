//! DPY-AWS-RDS-014: RDS instance does not apply minor version upgrades.
//!
//! # What it checks
//! `aws_db_instance` and `aws_rds_cluster_instance` set `auto_minor_version_upgrade = true`
//! explicitly, as Checkov requires (the provider default is `true`).
//!
//! # Why it matters
//! Minor versions carry security fixes; instances that never take them accumulate known
//! vulnerabilities.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine                     = "mysql"
//!   auto_minor_version_upgrade = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine                     = "mysql"
//!   auto_minor_version_upgrade = true
//! }
//! ```
//!
//! # Remediation
//! Leave `auto_minor_version_upgrade` at `true` and set a maintenance window.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(MinorUpgrade {
    code: "DPY-AWS-RDS-014",
    checkov: ["CKV_AWS_226"],
    title: "RDS instance does not apply minor version upgrades",
    severity: Low,
    reason: "KICS \"Automatic Minor Upgrades Disabled\" is Low; trivy-checks has no equivalent",
    targets: [
        (Terraform, "aws_db_instance"),
        (Terraform, "aws_rds_cluster_instance")
    ],
    description: "`aws_db_instance` and `aws_rds_cluster_instance` set `auto_minor_version_upgrade = true` explicitly, as Checkov requires (the provider default is `true`).",
    remediation: "Leave `auto_minor_version_upgrade` at `true` and set a maintenance window.",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        minor_upgrade(r.config.get("auto_minor_version_upgrade")),
        "automatic minor version upgrades are disabled",
    )
}
/// Checkov requires the setting to be written; absent is a failure.
fn minor_upgrade(v: Option<&Value>) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == Truth::True => Truth::True,
        _ => Truth::False,
    }
}
