//! DPY-AZURE-STORAGE-003: Storage account blob soft delete is disabled.
//!
//! # What it checks
//! `azurerm_storage_account` (other than `FileStorage` accounts) sets `blob_properties { delete_retention_policy { ... } }`.
//!
//! # Why it matters
//! Soft delete lets deleted blobs be recovered after a mistake or a malicious deletion.
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
//!   blob_properties {
//!     delete_retention_policy {
//!       days = 7
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `blob_properties { delete_retention_policy { days = 7 } }`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(StorageSoftDelete {
    code: "DPY-AZURE-STORAGE-003",
    checkov: ["CKV2_AZURE_38"],
    title: "Storage account blob soft delete is disabled",
    severity: Medium,
    reason: "trivy-checks AZU-0056 (blob soft delete) is Medium; followed it",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "`azurerm_storage_account` (other than `FileStorage` accounts) sets `blob_properties { delete_retention_policy { ... } }`.",
    remediation: "Add `blob_properties { delete_retention_policy { days = 7 } }`.",
    references: ["https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let retention = match r.config.path("blob_properties.delete_retention_policy") {
        None | Some(Value::Null) => Truth::False,
        Some(Value::List(items)) if items.is_empty() => Truth::False,
        Some(_) => Truth::True,
    };
    let kind_ok = match r.config.get("account_kind") {
        None => Truth::True,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(s)) if s.eq_ignore_ascii_case("FileStorage") => Truth::False,
        Some(_) => Truth::True,
    };
    let ok = match (retention, kind_ok) {
        (Truth::False, _) | (_, Truth::False) => Truth::False,
        (Truth::True, Truth::True) => Truth::True,
        _ => Truth::Unknown,
    };
    verdict(ok, "deleted blobs cannot be recovered")
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
                "{\"blob_properties\":[{\"delete_retention_policy\":[{\"days\":7}]}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"account_kind\":\"FileStorage\",\"blob_properties\":[{\"delete_retention_policy\":[{\"days\":7}]}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"account_kind\":{\"$unknown\":[]},\"blob_properties\":[{\"delete_retention_policy\":[{}]}]}"
            ),
            "unknown"
        );
    }
}
