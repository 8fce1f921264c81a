//! DPY-AZURE-AKS-001: AKS nodes do not use host-based encryption.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `default_node_pool { host_encryption_enabled = true }` (or the older `enable_host_encryption`); `azurerm_kubernetes_cluster_node_pool` sets it on the pool.
//!
//! # Why it matters
//! Host-based encryption encrypts temp disks and OS/data disk caches on the node hosts, and the data flowing to storage.
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
//!     host_encryption_enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `host_encryption_enabled = true` on every node pool.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/enable-host-encryption>

use super::aws::verdict;
use super::azure_common_a::{Want, either, holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksHostEncryption {
    code: "DPY-AZURE-AKS-001",
    checkov: ["CKV_AZURE_227"],
    title: "AKS nodes do not use host-based encryption",
    severity: Medium,
    reason: "trivy-checks has no equivalent Azure check for host encryption; Medium: temp disks and caches on the node hosts stay unencrypted",
    targets: [
        (Terraform, "azurerm_kubernetes_cluster"),
        (Terraform, "azurerm_kubernetes_cluster_node_pool")
    ],
    description: "`azurerm_kubernetes_cluster` sets `default_node_pool { host_encryption_enabled = true }` (or the older `enable_host_encryption`); `azurerm_kubernetes_cluster_node_pool` sets it on the pool.",
    remediation: "Set `host_encryption_enabled = true` on every node pool.",
    references: ["https://learn.microsoft.com/azure/aks/enable-host-encryption"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let pool = if r.kind == "azurerm_kubernetes_cluster" {
        match r.config.path("default_node_pool.0") {
            Some(p) => p,
            None => return Verdict::fail("host-based encryption is not enabled"),
        }
    } else {
        &r.config
    };
    let on = either(
        holds(pool.get("enable_host_encryption"), Want::True),
        holds(pool.get("host_encryption_enabled"), Want::True),
    );
    verdict(on, "host-based encryption is not enabled")
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
                "{\"default_node_pool\":[{\"host_encryption_enabled\":true}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster_node_pool",
                "{\"enable_host_encryption\":true}"
            ),
            "pass"
        );
        assert_eq!(judge("azurerm_kubernetes_cluster_node_pool", "{}"), "fail");
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster_node_pool",
                "{\"host_encryption_enabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
