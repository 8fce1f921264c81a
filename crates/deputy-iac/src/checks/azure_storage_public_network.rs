//! DPY-AZURE-STORAGE-010: Storage account allows public network access.
//!
//! # What it checks
//! `azurerm_storage_account` sets `public_network_access_enabled = false`.
//!
//! # Why it matters
//! An account reachable from every network can be attacked with leaked keys or tokens from anywhere.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_storage_account" "sa" {
//!   name                     = "examplestorage"
//!   account_tier             = "Standard"
//!   account_replication_type = "LRS"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_storage_account" "sa" {
//!   name                     = "examplestorage"
//!   account_tier             = "Standard"
//!   account_replication_type = "GRS"
//!   public_network_access_enabled = false
//! }
//! ```
//!
//! # Remediation
//! Set `public_network_access_enabled = false` and use private endpoints.
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/common/storage-network-security>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(StoragePublicNetwork {
    code: "DPY-AZURE-STORAGE-010",
    checkov: ["CKV_AZURE_59"],
    title: "Storage account allows public network access",
    severity: High,
    reason: "trivy-checks AZU-0012 (storage default action deny) is Critical; High: access still needs credentials, but every network can reach the account",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "`azurerm_storage_account` sets `public_network_access_enabled = false`.",
    remediation: "Set `public_network_access_enabled = false` and use private endpoints.",
    references: ["https://learn.microsoft.com/azure/storage/common/storage-network-security"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "public_network_access_enabled", Want::False),
        "the account is reachable from public networks",
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
        assert_eq!(judge("azurerm_storage_account", "{}"), "fail");
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"public_network_access_enabled\":false}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"public_network_access_enabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
