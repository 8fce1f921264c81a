//! DPY-AZURE-KV-003: Key vault firewall does not deny by default.
//!
//! # What it checks
//! `azurerm_key_vault` sets `network_acls { default_action = "Deny" }`.
//!
//! # Why it matters
//! A firewall that allows by default lets every network reach the vault's data plane.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_key_vault" "kv" {
//!   name     = "example-kv"
//!   sku_name = "standard"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_key_vault" "kv" {
//!   name     = "example-kv"
//!   sku_name = "standard"
//!   network_acls {
//!     default_action = "Deny"
//!     bypass         = "AzureServices"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `network_acls { default_action = "Deny" bypass = "AzureServices" }` and list the allowed networks.
//!
//! # References
//! - <https://learn.microsoft.com/azure/key-vault/general/network-security>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(KeyVaultFirewall {
    code: "DPY-AZURE-KV-003",
    checkov: ["CKV_AZURE_109"],
    title: "Key vault firewall does not deny by default",
    severity: High,
    reason: "trivy-checks AZU-0013 (key vault network ACL) is Critical; High: the vault still requires authorisation, but every network can reach it",
    targets: [(Terraform, "azurerm_key_vault")],
    description: "`azurerm_key_vault` sets `network_acls { default_action = \"Deny\" }`.",
    remediation: "Add `network_acls { default_action = \"Deny\" bypass = \"AzureServices\" }` and list the allowed networks.",
    references: ["https://learn.microsoft.com/azure/key-vault/general/network-security"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "network_acls.default_action", Want::OneOf(&["Deny"])),
        "the key vault firewall allows every network by default",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(kind: &str, config: &str) -> &'static str {
        let r = resource(kind, config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn verdicts_follow_the_setting() {
        assert_eq!(judge("azurerm_key_vault", "{}"), "fail");
        assert_eq!(
            judge(
                "azurerm_key_vault",
                "{\"network_acls\":[{\"default_action\":\"Deny\"}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault",
                "{\"network_acls\":[{\"default_action\":\"Allow\"}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault",
                "{\"network_acls\":[{\"default_action\":{\"$unknown\":[]}}]}"
            ),
            "unknown"
        );
    }
}
