//! DPY-AZURE-AKS-009: AKS cluster is not private.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `private_cluster_enabled = true`.
//!
//! # Why it matters
//! A private cluster keeps the API server off the public internet.
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
//!   private_cluster_enabled = true
//!   default_node_pool {
//!     name       = "default"
//!     node_count = 1
//!     vm_size    = "Standard_D2_v2"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `private_cluster_enabled = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/private-clusters>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksPrivateCluster {
    code: "DPY-AZURE-AKS-009",
    checkov: ["CKV_AZURE_115"],
    title: "AKS cluster is not private",
    severity: Medium,
    reason: "trivy-checks AZU-0065 (private cluster) is Medium; followed it",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `private_cluster_enabled = true`.",
    remediation: "Set `private_cluster_enabled = true`.",
    references: ["https://learn.microsoft.com/azure/aks/private-clusters"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "private_cluster_enabled", Want::True),
        "the API server has a public endpoint",
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
                "{\"private_cluster_enabled\":true}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"private_cluster_enabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
