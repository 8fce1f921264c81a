//! DPY-AZURE-AKS-012: AKS Secrets Store CSI driver does not rotate secrets.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `key_vault_secrets_provider { secret_rotation_enabled = true }`.
//!
//! # Why it matters
//! Without rotation, pods keep using a Key Vault secret's old value after it is rotated.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_kubernetes_cluster" "k8s" {
//!   name       = "example-aks"
//!   dns_prefix = "example"
//!   default_node_pool {
//!     name       = "default"
//!     node_count = 1
//!     vm_size    = "Standard_D2_v2"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_kubernetes_cluster" "k8s" {
//!   name       = "example-aks"
//!   dns_prefix = "example"
//!   key_vault_secrets_provider {
//!     secret_rotation_enabled = true
//!   }
//!   default_node_pool {
//!     name       = "default"
//!     node_count = 1
//!     vm_size    = "Standard_D2_v2"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `secret_rotation_enabled = true` in `key_vault_secrets_provider`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksSecretRotation {
    code: "DPY-AZURE-AKS-012",
    checkov: ["CKV_AZURE_172"],
    title: "AKS Secrets Store CSI driver does not rotate secrets",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check; Low: rotation limits how long a stale secret lives",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `key_vault_secrets_provider { secret_rotation_enabled = true }`.",
    remediation: "Set `secret_rotation_enabled = true` in `key_vault_secrets_provider`.",
    references: ["https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(
            r,
            "key_vault_secrets_provider.secret_rotation_enabled",
            Want::True,
        ),
        "secrets from Key Vault are not rotated",
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
        assert_eq!(judge("azurerm_kubernetes_cluster", "{}"), "fail");
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"key_vault_secrets_provider\":[{\"secret_rotation_enabled\":true}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"key_vault_secrets_provider\":[{\"secret_rotation_enabled\":{\"$unknown\":[]}}]}"
            ),
            "unknown"
        );
    }
}
