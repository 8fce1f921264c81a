//! DPY-AZURE-AKS-014: AKS does not use a disk encryption set.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `disk_encryption_set_id`.
//!
//! # Why it matters
//! A disk encryption set encrypts node disks with a customer-managed key that can be rotated and revoked.
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
//!   disk_encryption_set_id = azurerm_disk_encryption_set.aks.id
//!   default_node_pool {
//!     name       = "default"
//!     node_count = 1
//!     vm_size    = "Standard_D2_v2"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `disk_encryption_set_id` to a disk encryption set with a customer-managed key.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksDiskEncryptionSet {
    code: "DPY-AZURE-AKS-014",
    checkov: ["CKV_AZURE_117"],
    title: "AKS does not use a disk encryption set",
    severity: Low,
    reason: "trivy-checks AZU-0067 (AKS disk encryption set) is Low; followed it",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `disk_encryption_set_id`.",
    remediation: "Set `disk_encryption_set_id` to a disk encryption set with a customer-managed key.",
    references: ["https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "disk_encryption_set_id", Want::Any),
        "node disks are not encrypted with a customer-managed key",
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
                "{\"disk_encryption_set_id\":{\"$unknown\":[\"azurerm_disk_encryption_set.x\"]}}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"disk_encryption_set_id\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
