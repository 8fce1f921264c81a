//! DPY-AZURE-SEC-004: Security Center alerts are not sent to subscription admins.
//!
//! # What it checks
//! `azurerm_security_center_contact` sets `alerts_to_admins = true`.
//!
//! # Why it matters
//! Subscription owners should hear of high-severity alerts on their resources.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_security_center_contact" "c" {
//!   email            = "security@example.com"
//!   alerts_to_admins = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_security_center_contact" "c" {
//!   email            = "security@example.com"
//!   alerts_to_admins = true
//! }
//! ```
//!
//! # Remediation
//! Set `alerts_to_admins = true`.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(SecContactAdmins {
    code: "DPY-AZURE-SEC-004",
    checkov: ["CKV_AZURE_22"],
    title: "Security Center alerts are not sent to subscription admins",
    severity: Medium,
    reason: "trivy-checks AZU-0063 (securitycenter email-alerts-disabled) is Medium. Medium, as trivy",
    targets: [(Terraform, "azurerm_security_center_contact")],
    description: "`azurerm_security_center_contact` sets `alerts_to_admins = true`.",
    remediation: "Set `alerts_to_admins = true`.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "alerts_to_admins", &["true"], Truth::False),
        "alerts are not sent to admins",
    )
}
