//! DPY-AZURE-STORAGE-011: Storage account has no private endpoint.
//!
//! # What it checks
//! An `azurerm_private_endpoint` in the same module refers to the `azurerm_storage_account`.
//!
//! # Why it matters
//! A private endpoint keeps traffic to the account on the virtual network instead of the public internet.
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
//!   account_replication_type = "LRS"
//! }
//!
//! resource "azurerm_private_endpoint" "sa" {
//!   name      = "sa-endpoint"
//!   subnet_id = azurerm_subnet.private.id
//!   private_service_connection {
//!     name                           = "sa"
//!     private_connection_resource_id = azurerm_storage_account.sa.id
//!     subresource_names              = ["blob"]
//!     is_manual_connection           = false
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `azurerm_private_endpoint` whose `private_service_connection` targets the account.
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/common/storage-private-endpoints>

use super::azure_common_a::has_connected;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(StoragePrivateEndpoint {
    code: "DPY-AZURE-STORAGE-011",
    checkov: ["CKV2_AZURE_33"],
    title: "Storage account has no private endpoint",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check for private endpoints; Low: a private endpoint narrows network exposure, which CKV_AZURE_59 already judges",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "An `azurerm_private_endpoint` in the same module refers to the `azurerm_storage_account`.",
    remediation: "Add an `azurerm_private_endpoint` whose `private_service_connection` targets the account.",
    references: ["https://learn.microsoft.com/azure/storage/common/storage-private-endpoints"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if has_connected(cx, r, "azurerm_private_endpoint") {
        Verdict::Pass
    } else {
        Verdict::fail("no private endpoint connects to the storage account")
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
            "azurerm_private_endpoint",
            "{\"private_service_connection\":[{\"private_connection_resource_id\":{\"$unknown\":[\"azurerm_storage_account.test\"]}}]}",
        );
        other.address = "azurerm_private_endpoint.other".into();
        assert_eq!(judge(&[target.clone(), other]), "pass");
        let mut unrelated = resource("azurerm_private_endpoint", "{}");
        unrelated.address = "azurerm_private_endpoint.unrelated".into();
        assert_eq!(judge(&[target, unrelated]), "fail");
    }
}
