//! DPY-AZURE-AKS-008: AKS cluster does not use Azure CNI networking.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `network_profile { network_plugin = "azure" }`.
//!
//! # Why it matters
//! Azure CNI gives pods addresses on the virtual network, so network security groups and network policies apply to them.
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
//!   network_profile {
//!     network_plugin = "azure"
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
//! Set `network_profile { network_plugin = "azure" }`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/configure-azure-cni>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksAzureCni {
    code: "DPY-AZURE-AKS-008",
    checkov: ["CKV2_AZURE_29"],
    title: "AKS cluster does not use Azure CNI networking",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check; Low: Azure CNI enables network policies and subnet-level controls, a hardening rather than an exposure",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `network_profile { network_plugin = \"azure\" }`.",
    remediation: "Set `network_profile { network_plugin = \"azure\" }`.",
    references: ["https://learn.microsoft.com/azure/aks/configure-azure-cni"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(
            r,
            "network_profile.network_plugin",
            Want::OneOf(&["azure", "Azure"]),
        ),
        "the cluster does not use Azure CNI networking",
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
                "{\"network_profile\":[{\"network_plugin\":\"azure\"}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"network_profile\":[{\"network_plugin\":\"kubenet\"}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"network_profile\":[{\"network_plugin\":{\"$unknown\":[]}}]}"
            ),
            "unknown"
        );
    }
}
