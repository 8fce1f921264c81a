//! DPY-AZURE-AKS-004: AKS automatic upgrade channel is not chosen.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `automatic_upgrade_channel` (or the older `automatic_channel_upgrade`) to a channel other than `none`.
//!
//! # Why it matters
//! An automatic upgrade channel keeps the cluster on supported, patched Kubernetes versions.
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
//!   automatic_upgrade_channel = "stable"
//!   default_node_pool {
//!     name       = "default"
//!     node_count = 1
//!     vm_size    = "Standard_D2_v2"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `automatic_upgrade_channel` to `patch`, `stable`, `rapid` or `node-image`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/auto-upgrade-cluster>

use super::aws::verdict;
use super::azure_common_a::either;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(AksUpgradeChannel {
    code: "DPY-AZURE-AKS-004",
    checkov: ["CKV_AZURE_171"],
    title: "AKS automatic upgrade channel is not chosen",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check; Low: a patching hygiene setting",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `automatic_upgrade_channel` (or the older `automatic_channel_upgrade`) to a channel other than `none`.",
    remediation: "Set `automatic_upgrade_channel` to `patch`, `stable`, `rapid` or `node-image`.",
    references: ["https://learn.microsoft.com/azure/aks/auto-upgrade-cluster"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let channel = |key: &str| match r.config.get(key) {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(s)) if s == "none" => Truth::False,
        Some(_) => Truth::True,
    };
    verdict(
        either(
            channel("automatic_channel_upgrade"),
            channel("automatic_upgrade_channel"),
        ),
        "no automatic upgrade channel is chosen",
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
                "{\"automatic_upgrade_channel\":\"stable\"}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"automatic_channel_upgrade\":\"none\"}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"automatic_upgrade_channel\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
