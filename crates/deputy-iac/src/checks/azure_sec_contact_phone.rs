//! DPY-AZURE-SEC-002: Security Center contact has no phone number.
//!
//! # What it checks
//! `azurerm_security_center_contact` sets `phone`.
//!
//! # Why it matters
//! Microsoft uses the security contact's phone number to reach the organisation about a compromise.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_security_center_contact" "c" {
//!   email = "security@example.com"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_security_center_contact" "c" {
//!   email = "security@example.com"
//!   phone = "+1-555-0100"
//! }
//! ```
//!
//! # Remediation
//! Set `phone`.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact>

use super::aws::verdict;
use super::cloud_common_c::value_present;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SecContactPhone {
    code: "DPY-AZURE-SEC-002",
    checkov: ["CKV_AZURE_20"],
    title: "Security Center contact has no phone number",
    severity: Low,
    reason: "trivy-checks AZU-0046 (securitycenter set-required-contact-details) is Low. Low, as trivy",
    targets: [(Terraform, "azurerm_security_center_contact")],
    description: "`azurerm_security_center_contact` sets `phone`.",
    remediation: "Set `phone`.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(value_present(r, "phone"), "no phone number is set")
}
