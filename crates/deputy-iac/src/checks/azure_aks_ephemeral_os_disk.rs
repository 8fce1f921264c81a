//! DPY-AZURE-AKS-013: AKS nodes do not use ephemeral OS disks.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `default_node_pool { os_disk_type = "Ephemeral" }`.
//!
//! # Why it matters
//! Ephemeral OS disks keep node data on local storage rather than persisting it to Azure Storage, and re-image faster.
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
//!   default_node_pool {
//!     name       = "default"
//!     node_count = 1
//!     vm_size    = "Standard_D2_v2"
//!     os_disk_type = "Ephemeral"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `os_disk_type = "Ephemeral"` on the default node pool.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksEphemeralOsDisk {
    code: "DPY-AZURE-AKS-013",
    checkov: ["CKV_AZURE_226"],
    title: "AKS nodes do not use ephemeral OS disks",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check; Low: ephemeral disks keep node data off remote storage, a hardening",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `default_node_pool { os_disk_type = \"Ephemeral\" }`.",
    remediation: "Set `os_disk_type = \"Ephemeral\"` on the default node pool.",
    references: ["https://learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(
            r,
            "default_node_pool.os_disk_type",
            Want::OneOf(&["Ephemeral"]),
        ),
        "node OS disks are managed disks",
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
        assert_eq!(
            judge("azurerm_kubernetes_cluster", "{\"default_node_pool\":[{}]}"),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"default_node_pool\":[{\"os_disk_type\":\"Ephemeral\"}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"default_node_pool\":[{\"os_disk_type\":{\"$unknown\":[]}}]}"
            ),
            "unknown"
        );
    }
}
