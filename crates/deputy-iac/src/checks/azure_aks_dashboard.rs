//! DPY-AZURE-AKS-007: AKS Kubernetes dashboard is enabled.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` does not set `addon_profile { kube_dashboard { enabled = true } }`.
//!
//! # Why it matters
//! The Kubernetes dashboard has been abused to take over clusters; it is deprecated on AKS.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_kubernetes_cluster" "k8s" {
//!   name       = "example-aks"
//!   dns_prefix = "example"
//!   addon_profile {
//!     kube_dashboard {
//!       enabled = true
//!     }
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
//!   }
//! }
//! ```
//!
//! # Remediation
//! Remove the `kube_dashboard` add-on or set `enabled = false`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/kubernetes-dashboard>

use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(AksDashboard {
    code: "DPY-AZURE-AKS-007",
    checkov: ["CKV_AZURE_8"],
    title: "AKS Kubernetes dashboard is enabled",
    severity: Medium,
    reason: "KICS \"Dashboard Is Enabled\" is Low; trivy-checks has no equivalent. Medium, above KICS: the dashboard is a privileged web UI that has been abused to take over clusters",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` does not set `addon_profile { kube_dashboard { enabled = true } }`.",
    remediation: "Remove the `kube_dashboard` add-on or set `enabled = false`.",
    references: ["https://learn.microsoft.com/azure/aks/kubernetes-dashboard"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match setting_holds(r, "addon_profile.kube_dashboard.enabled", Want::True) {
        Truth::True => Verdict::fail("the Kubernetes dashboard is enabled"),
        Truth::False => Verdict::Pass,
        Truth::Unknown => Verdict::Unknown,
    }
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
        assert_eq!(judge("azurerm_kubernetes_cluster", "{}"), "pass");
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"addon_profile\":[{\"kube_dashboard\":[{\"enabled\":true}]}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"addon_profile\":[{\"kube_dashboard\":[{\"enabled\":false}]}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"addon_profile\":[{\"kube_dashboard\":[{\"enabled\":{\"$unknown\":[]}}]}]}"
            ),
            "unknown"
        );
    }
}
