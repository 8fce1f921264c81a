//! DPY-AZURE-AKS-006: AKS API server has no authorized IP ranges.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` is private (`private_cluster_enabled = true`) or limits its API server to `api_server_access_profile { authorized_ip_ranges = [...] }` (or the older `api_server_authorized_ip_ranges`).
//!
//! # Why it matters
//! Authorized IP ranges stop the Kubernetes API server from being reachable from the whole internet.
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
//!   api_server_access_profile {
//!     authorized_ip_ranges = ["192.0.2.0/24"]
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
//! List the networks allowed to reach the API server in `api_server_access_profile.authorized_ip_ranges`, or make the cluster private.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges>

use super::aws::verdict;
use super::azure_common_a::{Want, either, holds, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(AksAuthorizedIps {
    code: "DPY-AZURE-AKS-006",
    checkov: ["CKV_AZURE_6"],
    title: "AKS API server has no authorized IP ranges",
    severity: High,
    reason: "trivy-checks AZU-0041 (API server authorized IP ranges) is Critical; High: the API server still requires authentication",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` is private (`private_cluster_enabled = true`) or limits its API server to `api_server_access_profile { authorized_ip_ranges = [...] }` (or the older `api_server_authorized_ip_ranges`).",
    remediation: "List the networks allowed to reach the API server in `api_server_access_profile.authorized_ip_ranges`, or make the cluster private.",
    references: ["https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let private = setting_holds(r, "private_cluster_enabled", Want::True);
    let legacy = first_range(r.config.get("api_server_authorized_ip_ranges"));
    let profile = first_range(
        r.config
            .path("api_server_access_profile.authorized_ip_ranges"),
    );
    verdict(
        either(private, either(legacy, profile)),
        "the API server accepts connections from any address",
    )
}

/// Whether a list of ranges has a first entry.
fn first_range(v: Option<&Value>) -> Truth {
    match v {
        Some(Value::List(items)) => holds(items.first(), Want::Any),
        other => holds(other, Want::Any),
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
                "{\"api_server_access_profile\":[{\"authorized_ip_ranges\":[\"192.0.2.0/24\"]}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"api_server_access_profile\":[{\"authorized_ip_ranges\":[]}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"api_server_authorized_ip_ranges\":[\"192.0.2.0/24\"]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"api_server_access_profile\":[{\"authorized_ip_ranges\":{\"$unknown\":[]}}]}"
            ),
            "unknown"
        );
    }
}
