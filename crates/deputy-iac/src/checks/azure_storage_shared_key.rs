//! DPY-AZURE-STORAGE-006: Storage account allows Shared Key authorization.
//!
//! # What it checks
//! `azurerm_storage_account` sets `shared_access_key_enabled = false`.
//!
//! # Why it matters
//! Account keys give full access to all data and are not tied to an identity, so their use cannot be attributed or limited.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_storage_account" "sa" {
//!   name                     = "examplestorage"
//!   account_tier             = "Standard"
//!   account_replication_type = "LRS"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_storage_account" "sa" {
//!   name                     = "examplestorage"
//!   account_tier             = "Standard"
//!   account_replication_type = "GRS"
//!   shared_access_key_enabled = false
//! }
//! ```
//!
//! # Remediation
//! Set `shared_access_key_enabled = false` and use Entra ID authorization.
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(StorageSharedKey {
    code: "DPY-AZURE-STORAGE-006",
    checkov: ["CKV2_AZURE_40"],
    title: "Storage account allows Shared Key authorization",
    severity: Medium,
    reason: "trivy-checks has no equivalent Azure check for shared keys; Medium: account keys grant full data access and are not tied to an identity",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "`azurerm_storage_account` sets `shared_access_key_enabled = false`.",
    remediation: "Set `shared_access_key_enabled = false` and use Entra ID authorization.",
    references: [
        "https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "shared_access_key_enabled", Want::False),
        "requests can be authorized with the account keys",
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
        assert_eq!(judge("azurerm_storage_account", "{}"), "fail");
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"shared_access_key_enabled\":false}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"shared_access_key_enabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
