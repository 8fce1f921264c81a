//! DPY-AZURE-AKS-011: AKS cluster does not use the Standard (SLA) tier.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `sku_tier = "Standard"`.
//!
//! # Why it matters
//! The Free tier has no uptime SLA for the control plane.
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
//!   sku_tier = "Standard"
//!   default_node_pool {
//!     name       = "default"
//!     node_count = 1
//!     vm_size    = "Standard_D2_v2"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `sku_tier = "Standard"`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksPaidSku {
    code: "DPY-AZURE-AKS-011",
    checkov: ["CKV_AZURE_170"],
    title: "AKS cluster does not use the Standard (SLA) tier",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check; Low: an availability guarantee, not a security control",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `sku_tier = \"Standard\"`.",
    remediation: "Set `sku_tier = \"Standard\"`.",
    references: ["https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "sku_tier", Want::OneOf(&["Standard"])),
        "the cluster has no uptime SLA",
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
            judge("azurerm_kubernetes_cluster", "{\"sku_tier\":\"Standard\"}"),
            "pass"
        );
        assert_eq!(
            judge("azurerm_kubernetes_cluster", "{\"sku_tier\":\"Free\"}"),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"sku_tier\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
