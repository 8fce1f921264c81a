//! DPY-AZURE-SEC-003: Security Center contact does not get alert notifications.
//!
//! # What it checks
//! `azurerm_security_center_contact` sets `alert_notifications = true`.
//!
//! # Why it matters
//! Without notifications, high-severity alerts wait for someone to open the portal.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_security_center_contact" "c" {
//!   email               = "security@example.com"
//!   alert_notifications = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_security_center_contact" "c" {
//!   email               = "security@example.com"
//!   alert_notifications = true
//! }
//! ```
//!
//! # Remediation
//! Set `alert_notifications = true`.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(SecContactAlerts {
    code: "DPY-AZURE-SEC-003",
    checkov: ["CKV_AZURE_21"],
    title: "Security Center contact does not get alert notifications",
    severity: Medium,
    reason: "trivy-checks AZU-0044 (securitycenter alert-on-severe-notifications) is Medium. Medium, as trivy",
    targets: [(Terraform, "azurerm_security_center_contact")],
    description: "`azurerm_security_center_contact` sets `alert_notifications = true`.",
    remediation: "Set `alert_notifications = true`.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "alert_notifications", &["true"], Truth::False),
        "alert notifications are off",
    )
}
