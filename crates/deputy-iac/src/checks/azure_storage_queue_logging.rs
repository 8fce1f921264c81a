//! DPY-AZURE-STORAGE-004: Storage account does not log queue reads, writes and deletes.
//!
//! # What it checks
//! An `azurerm_storage_account` of kind `Storage` or `StorageV2` (the default) sets `queue_properties { logging { read = true write = true delete = true } }`.
//!
//! # Why it matters
//! Queue logs record who read, wrote and deleted messages, for audits and investigations.
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
//!   queue_properties {
//!     logging {
//!       delete                = true
//!       read                  = true
//!       write                 = true
//!       version               = "1.0"
//!       retention_policy_days = 10
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `queue_properties { logging { read = true write = true delete = true version = "1.0" } }` (or use diagnostic settings).
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/common/storage-analytics-logging>

use super::aws::verdict;
use super::azure_common_a::{Want, holds};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(StorageQueueLogging {
    code: "DPY-AZURE-STORAGE-004",
    checkov: ["CKV_AZURE_33"],
    title: "Storage account does not log queue reads, writes and deletes",
    severity: Medium,
    reason: "trivy-checks AZU-0009 (queue services logging) is Medium; followed it",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "An `azurerm_storage_account` of kind `Storage` or `StorageV2` (the default) sets `queue_properties { logging { read = true write = true delete = true } }`.",
    remediation: "Add `queue_properties { logging { read = true write = true delete = true version = \"1.0\" } }` (or use diagnostic settings).",
    references: ["https://learn.microsoft.com/azure/storage/common/storage-analytics-logging"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match r.config.get("account_kind") {
        Some(Value::Unknown(_)) => return Verdict::Unknown,
        Some(Value::String(s)) if s != "Storage" && s != "StorageV2" => return Verdict::Pass,
        _ => {}
    }
    let Some(logging) = r.config.path("queue_properties.logging.0") else {
        return Verdict::fail("queue reads, writes and deletes are not logged");
    };
    let mut ok = Truth::True;
    for key in ["delete", "write", "read"] {
        ok = match (ok, holds(logging.get(key), Want::True)) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::True, Truth::True) => Truth::True,
            _ => Truth::Unknown,
        };
    }
    verdict(ok, "queue reads, writes and deletes are not logged")
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
                "{\"account_kind\":\"BlobStorage\"}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"queue_properties\":[{\"logging\":[{\"delete\":true,\"read\":true,\"write\":true}]}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"queue_properties\":[{\"logging\":[{\"delete\":true,\"read\":true}]}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"queue_properties\":[{\"logging\":[{\"delete\":true,\"read\":true,\"write\":{\"$unknown\":[]}}]}]}"
            ),
            "unknown"
        );
    }
}
