//! DPY-AZURE-STORAGE-005: Storage account is not encrypted with a customer-managed key.
//!
//! # What it checks
//! `azurerm_storage_account` sets `customer_managed_key { key_vault_key_id = ... }`, or an `azurerm_storage_account_customer_managed_key` in the same module refers to it.
//!
//! # Why it matters
//! A customer-managed key puts the key's rotation and revocation under the owner's control.
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
//!   identity {
//!     type = "SystemAssigned"
//!   }
//!   customer_managed_key {
//!     key_vault_key_id = azurerm_key_vault_key.sa.id
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `customer_managed_key` block or an `azurerm_storage_account_customer_managed_key` resource.
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/common/customer-managed-keys-overview>

use super::azure_common_a::has_connected;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(StorageCmk {
    code: "DPY-AZURE-STORAGE-005",
    checkov: ["CKV2_AZURE_1"],
    title: "Storage account is not encrypted with a customer-managed key",
    severity: Medium,
    reason: "trivy-checks AZU-0060 (storage customer-managed keys) is Medium; followed it",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "`azurerm_storage_account` sets `customer_managed_key { key_vault_key_id = ... }`, or an `azurerm_storage_account_customer_managed_key` in the same module refers to it.",
    remediation: "Add a `customer_managed_key` block or an `azurerm_storage_account_customer_managed_key` resource.",
    references: ["https://learn.microsoft.com/azure/storage/common/customer-managed-keys-overview"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if has_connected(cx, r, "azurerm_storage_account_customer_managed_key")
        || r.config
            .path("customer_managed_key.key_vault_key_id")
            .is_some_and(|v| !matches!(v, Value::Null))
    {
        Verdict::Pass
    } else {
        Verdict::fail("the account is encrypted only with Microsoft-managed keys")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(all: &[Resource]) -> &'static str {
        let Some(r) = all.first() else { return "none" };
        match evaluate(r, &Cx::new(all)) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn connected_resources_decide() {
        let target = resource("azurerm_storage_account", "{}");
        assert_eq!(judge(std::slice::from_ref(&target)), "fail");
        let mut other = resource(
            "azurerm_storage_account_customer_managed_key",
            "{\"storage_account_id\":{\"$unknown\":[\"azurerm_storage_account.test\"]}}",
        );
        other.address = "azurerm_storage_account_customer_managed_key.other".into();
        assert_eq!(judge(&[target.clone(), other]), "pass");
        let mut unrelated = resource("azurerm_storage_account_customer_managed_key", "{}");
        unrelated.address = "azurerm_storage_account_customer_managed_key.unrelated".into();
        assert_eq!(judge(&[target, unrelated]), "fail");
    }

    #[test]
    fn settings_decide() {
        assert_eq!(judge(&[resource("azurerm_storage_account", "{}")]), "fail");
        assert_eq!(
            judge(&[resource(
                "azurerm_storage_account",
                "{\"customer_managed_key\":[{\"key_vault_key_id\":{\"$unknown\":[\"azurerm_key_vault_key.k\"]}}]}"
            )]),
            "pass"
        );
    }
}
