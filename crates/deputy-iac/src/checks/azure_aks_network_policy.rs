//! DPY-AZURE-AKS-017: AKS cluster has no network policy.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `network_profile { network_policy = ... }`.
//!
//! # Why it matters
//! Without a network policy engine every pod can reach every other pod.
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
//!     network_policy = "azure"
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
//! Set `network_profile { network_policy = "azure" }` (or `calico`/`cilium`).
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/use-network-policies>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksNetworkPolicy {
    code: "DPY-AZURE-AKS-017",
    checkov: ["CKV_AZURE_7"],
    title: "AKS cluster has no network policy",
    severity: High,
    reason: "trivy-checks AZU-0043 (AKS network policy) is High; followed it",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `network_profile { network_policy = ... }`.",
    remediation: "Set `network_profile { network_policy = \"azure\" }` (or `calico`/`cilium`).",
    references: ["https://learn.microsoft.com/azure/aks/use-network-policies"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "network_profile.network_policy", Want::Any),
        "pods can reach each other without restriction",
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
                "{\"network_profile\":[{\"network_policy\":\"calico\"}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"network_profile\":[{\"network_policy\":{\"$unknown\":[]}}]}"
            ),
            "unknown"
        );
    }
}
