//! DPY-AZURE-MON-001: Activity log profile keeps logs for less than 365 days.
//!
//! # What it checks
//! `azurerm_monitor_log_profile` has a `retention_policy` that is disabled (logs kept forever) or keeps logs for 365 days or more.
//!
//! # Why it matters
//! Activity logs are the record of control-plane changes; short retention loses them before an incident is noticed.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_monitor_log_profile" "p" {
//!   name = "default"
//!   retention_policy {
//!     enabled = true
//!     days    = 30
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_monitor_log_profile" "p" {
//!   name = "default"
//!   retention_policy {
//!     enabled = true
//!     days    = 365
//!   }
//! }
//! ```
//!
//! # Remediation
//! Keep activity logs for at least 365 days.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_log_profile>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(MonLogRetention {
    code: "DPY-AZURE-MON-001",
    checkov: ["CKV_AZURE_37"],
    title: "Activity log profile keeps logs for less than 365 days",
    severity: Medium,
    reason: "trivy-checks AZU-0031 (monitor activity-log-retention-set) is Medium. Medium, as trivy",
    targets: [(Terraform, "azurerm_monitor_log_profile")],
    description: "`azurerm_monitor_log_profile` has a `retention_policy` that is disabled (logs kept forever) or keeps logs for 365 days or more.",
    remediation: "Keep activity logs for at least 365 days.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_log_profile"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.path("retention_policy") {
        None | Some(Value::Null) => Truth::False,
        Some(Value::List(l)) if l.is_empty() => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(_) => match r.config.path("retention_policy.enabled").map(Value::truth) {
            Some(Truth::False) => Truth::True,
            Some(Truth::True) => match r.config.path("retention_policy.days") {
                Some(Value::Unknown(_)) => Truth::Unknown,
                Some(d) => match d.as_f64() {
                    Some(n) if n >= 365.0 => Truth::True,
                    _ => Truth::False,
                },
                None => Truth::False,
            },
            Some(Truth::Unknown) => Truth::Unknown,
            None => Truth::False,
        },
    };
    verdict(ok, "activity logs are kept for less than 365 days")
}
