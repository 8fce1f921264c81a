//! DPY-AZURE-MON-002: Activity log profile does not capture all categories.
//!
//! # What it checks
//! `azurerm_monitor_log_profile` lists `Write`, `Delete` and `Action` in `categories`.
//!
//! # Why it matters
//! A profile that leaves out a category leaves those control-plane operations unaudited.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_monitor_log_profile" "p" {
//!   name       = "default"
//!   categories = ["Write"]
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_monitor_log_profile" "p" {
//!   name       = "default"
//!   categories = ["Action", "Delete", "Write"]
//! }
//! ```
//!
//! # Remediation
//! List `Action`, `Delete` and `Write` in `categories`.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_log_profile>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(MonLogCategories {
    code: "DPY-AZURE-MON-002",
    checkov: ["CKV_AZURE_38"],
    title: "Activity log profile does not capture all categories",
    severity: Medium,
    reason: "trivy-checks AZU-0033 (monitor capture-all-activities) is Medium. Medium, as trivy",
    targets: [(Terraform, "azurerm_monitor_log_profile")],
    description: "`azurerm_monitor_log_profile` lists `Write`, `Delete` and `Action` in `categories`.",
    remediation: "List `Action`, `Delete` and `Write` in `categories`.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_log_profile"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("categories") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::List(l)) => {
            let has = |c: &str| l.iter().any(|v| v.as_str() == Some(c));
            if ["Write", "Delete", "Action"].iter().all(|c| has(c)) {
                Truth::True
            } else if l.iter().any(Value::is_unknown) {
                Truth::Unknown
            } else {
                Truth::False
            }
        }
        _ => Truth::False,
    };
    verdict(ok, "not all activity categories are captured")
}
