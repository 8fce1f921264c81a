//! DPY-AZURE-AKS-016: AKS role-based access control is disabled.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` does not turn off `role_based_access_control_enabled` (or the older `role_based_access_control { enabled }`); RBAC is on by default.
//!
//! # Why it matters
//! Without Kubernetes RBAC every authenticated user has full access to the cluster.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_kubernetes_cluster" "k8s" {
//!   name                              = "example-aks"
//!   dns_prefix                        = "example"
//!   role_based_access_control_enabled = false
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
//! Leave `role_based_access_control_enabled` at its default `true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/concepts-identity#kubernetes-rbac>

use super::aws::verdict;
use super::azure_common_a::{Want, holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksRbac {
    code: "DPY-AZURE-AKS-016",
    checkov: ["CKV_AZURE_5"],
    title: "AKS role-based access control is disabled",
    severity: High,
    reason: "trivy-checks AZU-0042 (AKS RBAC) is High; followed it",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` does not turn off `role_based_access_control_enabled` (or the older `role_based_access_control { enabled }`); RBAC is on by default.",
    remediation: "Leave `role_based_access_control_enabled` at its default `true`.",
    references: ["https://learn.microsoft.com/azure/aks/concepts-identity#kubernetes-rbac"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    for key in [
        "role_based_access_control.enabled",
        "role_based_access_control_enabled",
    ] {
        if let Some(v) = r.config.path(key) {
            return verdict(holds(Some(v), Want::True), "Kubernetes RBAC is disabled");
        }
    }
    Verdict::Pass
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
                "{\"role_based_access_control_enabled\":false}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"role_based_access_control\":[{\"enabled\":true}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"role_based_access_control_enabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
