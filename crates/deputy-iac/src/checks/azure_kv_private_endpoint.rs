//! DPY-AZURE-KV-005: Key vault has no private endpoint.
//!
//! # What it checks
//! An `azurerm_private_endpoint` in the same module refers to the `azurerm_key_vault`.
//!
//! # Why it matters
//! A private endpoint keeps traffic to the vault on the virtual network instead of the public internet.
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
//! }
//!
//! resource "azurerm_private_endpoint" "kv" {
//!   name      = "kv-endpoint"
//!   subnet_id = azurerm_subnet.private.id
//!   private_service_connection {
//!     name                           = "kv"
//!     private_connection_resource_id = azurerm_key_vault.kv.id
//!     subresource_names              = ["vault"]
//!     is_manual_connection           = false
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `azurerm_private_endpoint` whose `private_service_connection` targets the vault.
//!
//! # References
//! - <https://learn.microsoft.com/azure/key-vault/general/private-link-service>

use super::azure_common_a::has_connected;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(KeyVaultPrivateEndpoint {
    code: "DPY-AZURE-KV-005",
    checkov: ["CKV2_AZURE_32"],
    title: "Key vault has no private endpoint",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check for private endpoints; Low: a private endpoint narrows network exposure, which CKV_AZURE_189/109 already judge",
    targets: [(Terraform, "azurerm_key_vault")],
    description: "An `azurerm_private_endpoint` in the same module refers to the `azurerm_key_vault`.",
    remediation: "Add an `azurerm_private_endpoint` whose `private_service_connection` targets the vault.",
    references: ["https://learn.microsoft.com/azure/key-vault/general/private-link-service"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if has_connected(cx, r, "azurerm_private_endpoint") {
        Verdict::Pass
    } else {
        Verdict::fail("no private endpoint connects to the key vault")
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
        let target = resource("azurerm_key_vault", "{}");
        assert_eq!(judge(std::slice::from_ref(&target)), "fail");
        let mut other = resource(
            "azurerm_private_endpoint",
            "{\"private_service_connection\":[{\"private_connection_resource_id\":{\"$unknown\":[\"azurerm_key_vault.test\"]}}]}",
        );
        other.address = "azurerm_private_endpoint.other".into();
        assert_eq!(judge(&[target.clone(), other]), "pass");
        let mut unrelated = resource("azurerm_private_endpoint", "{}");
        unrelated.address = "azurerm_private_endpoint.unrelated".into();
        assert_eq!(judge(&[target, unrelated]), "fail");
    }
}
