//! DPY-AZURE-STORAGE-001: Storage account has no SAS expiration policy.
//!
//! # What it checks
//! `azurerm_storage_account` sets `shared_access_key_enabled = false`, or sets it to `true` with a `sas_policy { expiration_period = ... }`.
//!
//! # Why it matters
//! Shared access signatures without an expiration policy can stay valid indefinitely once leaked.
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
//!   shared_access_key_enabled = true
//!   sas_policy {
//!     expiration_period = "01.00:00:00"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Disable shared keys, or add `sas_policy { expiration_period = "01.00:00:00" }`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/common/sas-expiration-policy>

use super::aws::verdict;
use super::azure_common_a::{Want, either, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(StorageSasExpiration {
    code: "DPY-AZURE-STORAGE-001",
    checkov: ["CKV2_AZURE_41"],
    title: "Storage account has no SAS expiration policy",
    severity: Medium,
    reason: "trivy-checks has no equivalent Azure check for SAS expiration; Medium: a leaked long-lived SAS token grants data access until the account keys rotate",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "`azurerm_storage_account` sets `shared_access_key_enabled = false`, or sets it to `true` with a `sas_policy { expiration_period = ... }`.",
    remediation: "Disable shared keys, or add `sas_policy { expiration_period = \"01.00:00:00\" }`.",
    references: ["https://learn.microsoft.com/azure/storage/common/sas-expiration-policy"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let keys_off = setting_holds(r, "shared_access_key_enabled", Want::False);
    let keys_on = setting_holds(r, "shared_access_key_enabled", Want::True);
    let period = setting_holds(r, "sas_policy.expiration_period", Want::Any);
    let with_policy = match (keys_on, period) {
        (Truth::False, _) | (_, Truth::False) => Truth::False,
        (Truth::True, Truth::True) => Truth::True,
        _ => Truth::Unknown,
    };
    verdict(
        either(keys_off, with_policy),
        "shared access signatures have no expiration policy",
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
                "{\"shared_access_key_enabled\":true,\"sas_policy\":[{\"expiration_period\":\"01.00:00:00\"}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"shared_access_key_enabled\":true}"
            ),
            "fail"
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
