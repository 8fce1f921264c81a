//! DPY-AZURE-AKS-005: AKS system nodes run application pods.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `default_node_pool { only_critical_addons_enabled = true }`.
//!
//! # Why it matters
//! Application pods on system nodes can starve or disrupt CoreDNS, metrics and other critical system pods.
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
//!     only_critical_addons_enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `only_critical_addons_enabled = true` on the default (system) node pool and run workloads on user pools.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/use-system-pools>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksCriticalSystemPods {
    code: "DPY-AZURE-AKS-005",
    checkov: ["CKV_AZURE_232"],
    title: "AKS system nodes run application pods",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check; Low: isolation of system pods is a resilience hardening",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `default_node_pool { only_critical_addons_enabled = true }`.",
    remediation: "Set `only_critical_addons_enabled = true` on the default (system) node pool and run workloads on user pools.",
    references: ["https://learn.microsoft.com/azure/aks/use-system-pools"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(
            r,
            "default_node_pool.only_critical_addons_enabled",
            Want::True,
        ),
        "the system node pool also schedules application pods",
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
            judge(
                "azurerm_kubernetes_cluster",
                "{\"default_node_pool\":[{\"name\":\"default\"}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"default_node_pool\":[{\"only_critical_addons_enabled\":true}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"default_node_pool\":[{\"only_critical_addons_enabled\":{\"$unknown\":[]}}]}"
            ),
            "unknown"
        );
    }
}
