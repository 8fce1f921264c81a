//! DPY-AZURE-KV-001: Key vault allows public network access.
//!
//! # What it checks
//! `azurerm_key_vault` sets `public_network_access_enabled = false`, or restricts access with `network_acls` holding `ip_rules` or `virtual_network_subnet_ids`.
//!
//! # Why it matters
//! A vault reachable from every network can be probed and attacked with stolen credentials from anywhere.
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
//!   name                          = "example-kv"
//!   sku_name                      = "standard"
//!   public_network_access_enabled = false
//! }
//! ```
//!
//! # Remediation
//! Set `public_network_access_enabled = false` (use private endpoints), or list the allowed networks in `network_acls`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/key-vault/general/network-security>

use super::aws::verdict;
use super::azure_common_a::{Want, either, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(KeyVaultPublicNetwork {
    code: "DPY-AZURE-KV-001",
    checkov: ["CKV_AZURE_189"],
    title: "Key vault allows public network access",
    severity: Medium,
    reason: "trivy-checks AZU-0013 (key vault network ACL) is Critical; Medium: a vault still requires Entra ID authorisation, the setting only widens who can reach it",
    targets: [(Terraform, "azurerm_key_vault")],
    description: "`azurerm_key_vault` sets `public_network_access_enabled = false`, or restricts access with `network_acls` holding `ip_rules` or `virtual_network_subnet_ids`.",
    remediation: "Set `public_network_access_enabled = false` (use private endpoints), or list the allowed networks in `network_acls`.",
    references: ["https://learn.microsoft.com/azure/key-vault/general/network-security"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let disabled = setting_holds(r, "public_network_access_enabled", Want::False);
    if disabled == Truth::True {
        return Verdict::Pass;
    }
    let mut acl = Truth::False;
    if let Some(acls) = r.config.get("network_acls") {
        for a in acls.items() {
            for key in ["ip_rules", "virtual_network_subnet_ids"] {
                acl = either(acl, nonempty(a.get(key)));
            }
        }
    }
    // `disabled` is False or Unknown here: an undecided setting leaves the answer open.
    verdict(
        either(acl, disabled),
        "the key vault is reachable from public networks",
    )
}

/// Whether a list setting has at least one entry.
fn nonempty(v: Option<&Value>) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::List(items)) => match items.first() {
            Some(Value::List(inner)) if inner.is_empty() => Truth::False,
            Some(_) => Truth::True,
            None => Truth::False,
        },
        Some(Value::String(s)) if !s.is_empty() => Truth::True,
        _ => Truth::False,
    }
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
                "{\"public_network_access_enabled\":false}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault",
                "{\"public_network_access_enabled\":true,\"network_acls\":[{\"default_action\":\"Deny\",\"ip_rules\":[\"10.0.0.0/24\"]}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault",
                "{\"network_acls\":[{\"default_action\":\"Deny\",\"ip_rules\":[]}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault",
                "{\"public_network_access_enabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
