//! DPY-AZURE-AKS-002: AKS nodes allow fewer than 50 pods.
//!
//! # What it checks
//! `max_pods` (on `default_node_pool` for a cluster, on the pool for `azurerm_kubernetes_cluster_node_pool`) is at least 50; the default is 30.
//!
//! # Why it matters
//! Too few pods per node wastes capacity and can leave pods unschedulable during scaling or upgrades.
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
//!     max_pods   = 50
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `max_pods` to 50 or more.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/azure-cni-overview#maximum-pods-per-node>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(AksMaxPods {
    code: "DPY-AZURE-AKS-002",
    checkov: ["CKV_AZURE_168"],
    title: "AKS nodes allow fewer than 50 pods",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check; Low: an availability and capacity concern, not an exposure",
    targets: [
        (Terraform, "azurerm_kubernetes_cluster"),
        (Terraform, "azurerm_kubernetes_cluster_node_pool")
    ],
    description: "`max_pods` (on `default_node_pool` for a cluster, on the pool for `azurerm_kubernetes_cluster_node_pool`) is at least 50; the default is 30.",
    remediation: "Set `max_pods` to 50 or more.",
    references: ["https://learn.microsoft.com/azure/aks/azure-cni-overview#maximum-pods-per-node"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let mut pods = r.config.get("max_pods");
    if let Some(p) = r.config.path("default_node_pool.max_pods") {
        pods = Some(p);
    }
    let ok = match pods.map(|p| match p {
        Value::List(items) => items.first().unwrap_or(&Value::Null),
        p => p,
    }) {
        None => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(p) => match p.as_f64() {
            Some(n) if n >= 50.0 => Truth::True,
            _ => Truth::False,
        },
    };
    verdict(ok, "nodes allow fewer than 50 pods")
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
                "{\"default_node_pool\":[{\"max_pods\":50}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"default_node_pool\":[{\"max_pods\":20}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge("azurerm_kubernetes_cluster_node_pool", "{\"max_pods\":100}"),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster_node_pool",
                "{\"max_pods\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
