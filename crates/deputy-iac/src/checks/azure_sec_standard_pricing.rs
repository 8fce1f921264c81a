//! DPY-AZURE-SEC-001: Security Center subscription pricing is not the Standard tier.
//!
//! # What it checks
//! `azurerm_security_center_subscription_pricing` sets `tier = "Standard"`.
//!
//! # Why it matters
//! Only the Standard tier (Defender plans) adds threat detection for the covered resources.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_security_center_subscription_pricing" "p" {
//!   tier = "Free"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_security_center_subscription_pricing" "p" {
//!   tier = "Standard"
//! }
//! ```
//!
//! # Remediation
//! Set `tier = "Standard"`.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_subscription_pricing>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(SecStandardPricing {
    code: "DPY-AZURE-SEC-001",
    checkov: ["CKV_AZURE_19"],
    title: "Security Center subscription pricing is not the Standard tier",
    severity: Low,
    reason: "trivy-checks AZU-0045 (securitycenter enable-standard-subscription) is Low. Low, as trivy: the Free tier lacks threat protection but exposes nothing",
    targets: [(Terraform, "azurerm_security_center_subscription_pricing")],
    description: "`azurerm_security_center_subscription_pricing` sets `tier = \"Standard\"`.",
    remediation: "Set `tier = \"Standard\"`.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_subscription_pricing"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "tier", &["Standard"], Truth::False),
        "the pricing tier is not Standard",
    )
}
