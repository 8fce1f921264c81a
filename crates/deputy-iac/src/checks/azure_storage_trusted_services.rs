//! DPY-AZURE-STORAGE-012: Storage firewall does not let trusted Microsoft services through.
//!
//! # What it checks
//! Where `azurerm_storage_account` (`network_rules` block) or `azurerm_storage_account_network_rules` sets `default_action = "Deny"` with a `bypass` list, the list includes `AzureServices`.
//!
//! # Why it matters
//! With a restrictive firewall, Azure services such as backup and monitoring need the trusted-services bypass to reach the account.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_storage_account_network_rules" "rules" {
//!   storage_account_id = azurerm_storage_account.sa.id
//!   default_action     = "Deny"
//!   bypass             = ["Logging"]
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_storage_account_network_rules" "rules" {
//!   storage_account_id = azurerm_storage_account.sa.id
//!   default_action     = "Deny"
//!   bypass             = ["AzureServices"]
//! }
//! ```
//!
//! # Remediation
//! Add `AzureServices` to `bypass`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/common/storage-network-security#grant-access-to-trusted-azure-services>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(StorageTrustedServices {
    code: "DPY-AZURE-STORAGE-012",
    checkov: ["CKV_AZURE_36"],
    title: "Storage firewall does not let trusted Microsoft services through",
    severity: Medium,
    reason: "trivy-checks AZU-0010 (trusted Microsoft services bypass) is High; Medium: the rule keeps Azure services working behind a firewall, its absence breaks integrations more than it exposes data",
    targets: [
        (Terraform, "azurerm_storage_account"),
        (Terraform, "azurerm_storage_account_network_rules")
    ],
    description: "Where `azurerm_storage_account` (`network_rules` block) or `azurerm_storage_account_network_rules` sets `default_action = \"Deny\"` with a `bypass` list, the list includes `AzureServices`.",
    remediation: "Add `AzureServices` to `bypass`.",
    references: [
        "https://learn.microsoft.com/azure/storage/common/storage-network-security#grant-access-to-trusted-azure-services"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let rules = match r.config.get("network_rules") {
        Some(Value::List(items)) => match items.first() {
            Some(first) => first,
            None => return Verdict::Pass,
        },
        Some(other) => other,
        None => &r.config,
    };
    match rules.get("default_action") {
        None => Verdict::Pass,
        Some(Value::Unknown(_)) => Verdict::Unknown,
        Some(Value::String(s)) if s == "Allow" => Verdict::Pass,
        Some(_) => match rules.get("bypass") {
            None | Some(Value::Null) => Verdict::Pass,
            Some(Value::List(items)) if items.is_empty() => Verdict::Pass,
            Some(Value::Unknown(_)) => Verdict::Unknown,
            Some(bypass) => {
                if bypass.items().any(|b| b.as_str() == Some("AzureServices")) {
                    Verdict::Pass
                } else if bypass.contains_unknown() {
                    Verdict::Unknown
                } else {
                    Verdict::fail("trusted Microsoft services cannot bypass the storage firewall")
                }
            }
        },
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
        assert_eq!(
            judge(
                "azurerm_storage_account_network_rules",
                "{\"default_action\":\"Deny\",\"bypass\":[\"Logging\"]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account_network_rules",
                "{\"default_action\":\"Deny\",\"bypass\":[\"AzureServices\",\"Logging\"]}"
            ),
            "pass"
        );
        assert_eq!(judge("azurerm_storage_account", "{}"), "pass");
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"network_rules\":[{\"default_action\":\"Allow\"}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"network_rules\":[{\"default_action\":\"Deny\",\"bypass\":[\"None\"]}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account_network_rules",
                "{\"default_action\":\"Deny\",\"bypass\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
