//! DPY-AZURE-AKS-003: AKS does not use the Azure Policy add-on.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `azure_policy_enabled = true` (or the older `addon_profile { azure_policy { enabled = true } }`).
//!
//! # Why it matters
//! The Azure Policy add-on enforces guardrails (no privileged pods, allowed images…) on what runs in the cluster.
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
//!   azure_policy_enabled = true
//!   default_node_pool {
//!     name       = "default"
//!     node_count = 1
//!     vm_size    = "Standard_D2_v2"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `azure_policy_enabled = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes>

use super::aws::verdict;
use super::azure_common_a::{Want, either, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksPolicyAddon {
    code: "DPY-AZURE-AKS-003",
    checkov: ["CKV_AZURE_116"],
    title: "AKS does not use the Azure Policy add-on",
    severity: Low,
    reason: "trivy-checks AZU-0066 (Azure Policy add-on) is Low; followed it",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `azure_policy_enabled = true` (or the older `addon_profile { azure_policy { enabled = true } }`).",
    remediation: "Set `azure_policy_enabled = true`.",
    references: [
        "https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        either(
            setting_holds(r, "azure_policy_enabled", Want::True),
            setting_holds(r, "addon_profile.azure_policy.enabled", Want::True),
        ),
        "the Azure Policy add-on is not enabled",
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
                "{\"azure_policy_enabled\":true}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"addon_profile\":[{\"azure_policy\":[{\"enabled\":true}]}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"azure_policy_enabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
