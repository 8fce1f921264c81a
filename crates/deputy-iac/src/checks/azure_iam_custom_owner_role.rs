//! DPY-AZURE-IAM-001: Custom role definition allows every action.
//!
//! # What it checks
//! `azurerm_role_definition`'s first `permissions` block does not list `*` in `actions`.
//!
//! # Why it matters
//! A custom role with every action is a subscription owner by another name, outside the reviewed built-in roles.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_role_definition" "r" {
//!   name  = "custom-owner"
//!   scope = data.azurerm_subscription.primary.id
//!   permissions {
//!     actions = ["*"]
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_role_definition" "r" {
//!   name  = "reader"
//!   scope = data.azurerm_subscription.primary.id
//!   permissions {
//!     actions = ["Microsoft.Resources/subscriptions/resourceGroups/read"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! List only the actions the role needs.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(IamCustomOwnerRole {
    code: "DPY-AZURE-IAM-001",
    checkov: ["CKV_AZURE_39"],
    title: "Custom role definition allows every action",
    severity: Medium,
    reason: "trivy-checks AZU-0030 (authorization limit-role-actions) is Medium. Medium, as trivy",
    targets: [(Terraform, "azurerm_role_definition")],
    description: "`azurerm_role_definition`'s first `permissions` block does not list `*` in `actions`.",
    remediation: "List only the actions the role needs.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.path("permissions.actions") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(actions) => {
            if actions.items().any(|a| a.as_str() == Some("*")) {
                Truth::False
            } else if actions.items().any(Value::is_unknown) {
                Truth::Unknown
            } else {
                Truth::True
            }
        }
        None => Truth::True,
    };
    verdict(ok, "the role allows every action")
}
