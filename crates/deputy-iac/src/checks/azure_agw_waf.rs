//! DPY-AZURE-AGW-003: Application gateway does not enable a web application firewall.
//!
//! # What it checks
//! `azurerm_application_gateway` sets `waf_configuration { enabled = true }`, or is connected to an `azurerm_web_application_firewall_policy` whose `policy_settings { enabled = true }`.
//!
//! # Why it matters
//! The WAF blocks common web attacks (SQL injection, cross-site scripting) before they reach the backends.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_application_gateway" "gw" {
//!   name = "gw"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_application_gateway" "gw" {
//!   name = "gw"
//!   waf_configuration {
//!     enabled          = true
//!     firewall_mode    = "Prevention"
//!     rule_set_version = "3.2"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable `waf_configuration` or attach an enabled WAF policy (`firewall_policy_id`).
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway>
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/web_application_firewall_policy>

use super::aws::verdict;
use super::cloud_common_c::{linked, value_in};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(AgwWaf {
    code: "DPY-AZURE-AGW-003",
    checkov: ["CKV_AZURE_120"],
    title: "Application gateway does not enable a web application firewall",
    severity: Medium,
    reason: "KICS \"WAF Is Disabled For Azure Application Gateway\" is Medium; trivy-checks has no Application Gateway check. Medium, as KICS",
    targets: [(Terraform, "azurerm_application_gateway")],
    description: "`azurerm_application_gateway` sets `waf_configuration { enabled = true }`, or is connected to an `azurerm_web_application_firewall_policy` whose `policy_settings { enabled = true }`.",
    remediation: "Enable `waf_configuration` or attach an enabled WAF policy (`firewall_policy_id`).",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/web_application_firewall_policy"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let mut ok = value_in(r, "waf_configuration.enabled", &["true"], Truth::False);
    if ok != Truth::True {
        for policy in linked(cx, r, |k| k == "azurerm_web_application_firewall_policy") {
            match value_in(policy, "policy_settings.enabled", &["true"], Truth::False) {
                Truth::True => ok = Truth::True,
                Truth::Unknown if ok == Truth::False => ok = Truth::Unknown,
                _ => {}
            }
        }
    }
    verdict(ok, "no web application firewall is enabled")
}
