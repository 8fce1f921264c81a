//! DPY-AZURE-AKS-015: AKS does not send logs to Azure Monitor.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `oms_agent { log_analytics_workspace_id = ... }` (or the older `addon_profile { oms_agent { enabled = true } }`).
//!
//! # Why it matters
//! Container insights send control-plane and workload logs to Azure Monitor for detection and investigation.
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
//!   oms_agent {
//!     log_analytics_workspace_id = azurerm_log_analytics_workspace.aks.id
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
//! Add an `oms_agent` block pointing at a Log Analytics workspace.
//!
//! # References
//! - <https://learn.microsoft.com/azure/azure-monitor/containers/container-insights-overview>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(AksLogging {
    code: "DPY-AZURE-AKS-015",
    checkov: ["CKV_AZURE_4"],
    title: "AKS does not send logs to Azure Monitor",
    severity: Medium,
    reason: "trivy-checks AZU-0040 (AKS logging) is Medium; followed it",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `oms_agent { log_analytics_workspace_id = ... }` (or the older `addon_profile { oms_agent { enabled = true } }`).",
    remediation: "Add an `oms_agent` block pointing at a Log Analytics workspace.",
    references: [
        "https://learn.microsoft.com/azure/azure-monitor/containers/container-insights-overview"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = if r.config.path("addon_profile.oms_agent.enabled").is_some() {
        setting_holds(r, "addon_profile.oms_agent.enabled", Want::True)
    } else if r
        .config
        .path("oms_agent.log_analytics_workspace_id")
        .is_some()
    {
        Truth::True
    } else {
        Truth::False
    };
    verdict(ok, "cluster logs are not sent to Azure Monitor")
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
                "{\"oms_agent\":[{\"log_analytics_workspace_id\":{\"$unknown\":[]}}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"addon_profile\":[{\"oms_agent\":[{\"enabled\":false}]}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"addon_profile\":[{\"oms_agent\":[{\"enabled\":{\"$unknown\":[]}}]}]}"
            ),
            "unknown"
        );
    }
}
