//! DPY-AZURE-STORAGE-008: Storage account does not restrict public blob access.
//!
//! # What it checks
//! `azurerm_storage_account` sets `allow_nested_items_to_be_public = false`.
//!
//! # Why it matters
//! Anonymous blob access lets anyone on the internet read blobs in public containers.
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
//!   allow_nested_items_to_be_public = false
//! }
//! ```
//!
//! # Remediation
//! Set `allow_nested_items_to_be_public = false`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(StorageBlobPublic {
    code: "DPY-AZURE-STORAGE-008",
    checkov: ["CKV_AZURE_190"],
    title: "Storage account does not restrict public blob access",
    severity: High,
    reason: "trivy-checks AZU-0007 (no public blob access) is High; followed it",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "`azurerm_storage_account` sets `allow_nested_items_to_be_public = false`.",
    remediation: "Set `allow_nested_items_to_be_public = false`.",
    references: ["https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "allow_nested_items_to_be_public", Want::False),
        "blobs can be made public",
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
                "{\"allow_nested_items_to_be_public\":false}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"allow_nested_items_to_be_public\":true}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"allow_nested_items_to_be_public\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
