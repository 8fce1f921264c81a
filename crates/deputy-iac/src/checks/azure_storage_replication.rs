//! DPY-AZURE-STORAGE-009: Storage account does not use geo-replication.
//!
//! # What it checks
//! `azurerm_storage_account` sets `account_replication_type` to `GRS`, `RAGRS`, `GZRS` or `RAGZRS`.
//!
//! # Why it matters
//! Geo-redundant replication keeps data available when a whole region fails.
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
//! }
//! ```
//!
//! # Remediation
//! Set `account_replication_type = "GRS"` (or another geo-redundant type).
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/common/storage-redundancy>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(StorageReplication {
    code: "DPY-AZURE-STORAGE-009",
    checkov: ["CKV_AZURE_206"],
    title: "Storage account does not use geo-replication",
    severity: Low,
    reason: "trivy-checks AZU-0058 (geo-redundant replication) is Low; followed it",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "`azurerm_storage_account` sets `account_replication_type` to `GRS`, `RAGRS`, `GZRS` or `RAGZRS`.",
    remediation: "Set `account_replication_type = \"GRS\"` (or another geo-redundant type).",
    references: ["https://learn.microsoft.com/azure/storage/common/storage-redundancy"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(
            r,
            "account_replication_type",
            Want::OneOf(&["GRS", "RAGRS", "GZRS", "RAGZRS"]),
        ),
        "data is not replicated to a second region",
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
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"account_replication_type\":\"LRS\"}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"account_replication_type\":\"GZRS\"}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"account_replication_type\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
