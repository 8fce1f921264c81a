//! DPY-AZURE-AKS-010: AKS local admin account is enabled.
//!
//! # What it checks
//! `azurerm_kubernetes_cluster` sets `local_account_disabled = true`.
//!
//! # Why it matters
//! The local admin account bypasses Entra ID: its credentials are not tied to a person and cannot be audited or revoked per user.
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
//!   local_account_disabled = true
//!   default_node_pool {
//!     name       = "default"
//!     node_count = 1
//!     vm_size    = "Standard_D2_v2"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `local_account_disabled = true` and use Entra ID integration.
//!
//! # References
//! - <https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AksLocalAccounts {
    code: "DPY-AZURE-AKS-010",
    checkov: ["CKV_AZURE_141"],
    title: "AKS local admin account is enabled",
    severity: Medium,
    reason: "trivy-checks has no equivalent Azure check; Medium: local accounts bypass Entra ID and cannot be audited per user",
    targets: [(Terraform, "azurerm_kubernetes_cluster")],
    description: "`azurerm_kubernetes_cluster` sets `local_account_disabled = true`.",
    remediation: "Set `local_account_disabled = true` and use Entra ID integration.",
    references: ["https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "local_account_disabled", Want::True),
        "local accounts are enabled",
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
                "{\"local_account_disabled\":true}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_kubernetes_cluster",
                "{\"local_account_disabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
