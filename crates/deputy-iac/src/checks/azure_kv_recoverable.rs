//! DPY-AZURE-KV-002: Key vault is not recoverable.
//!
//! # What it checks
//! `azurerm_key_vault` sets `purge_protection_enabled = true` and does not turn `soft_delete_enabled` off.
//!
//! # Why it matters
//! Without purge protection a deleted vault, with its keys and secrets, can be purged for good before anyone recovers it.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_key_vault" "kv" {
//!   name     = "example-kv"
//!   sku_name = "standard"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_key_vault" "kv" {
//!   name                     = "example-kv"
//!   sku_name                 = "standard"
//!   purge_protection_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `purge_protection_enabled = true` and leave soft delete on.
//!
//! # References
//! - <https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview>

use super::aws::verdict;
use super::azure_common_a::{Want, holds, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(KeyVaultRecoverable {
    code: "DPY-AZURE-KV-002",
    checkov: ["CKV_AZURE_42"],
    title: "Key vault is not recoverable",
    severity: Medium,
    reason: "trivy-checks AZU-0016 (key vault purge protection) is Medium; followed it, as recoverability rests on the same setting",
    targets: [(Terraform, "azurerm_key_vault")],
    description: "`azurerm_key_vault` sets `purge_protection_enabled = true` and does not turn `soft_delete_enabled` off.",
    remediation: "Set `purge_protection_enabled = true` and leave soft delete on.",
    references: ["https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let purge = setting_holds(r, "purge_protection_enabled", Want::True);
    let soft = match r.config.get("soft_delete_enabled") {
        None => Truth::True,
        v => holds(v, Want::True),
    };
    let ok = match (purge, soft) {
        (Truth::False, _) | (_, Truth::False) => Truth::False,
        (Truth::True, Truth::True) => Truth::True,
        _ => Truth::Unknown,
    };
    verdict(
        ok,
        "deleted vaults and their contents can be purged before they are recovered",
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
        assert_eq!(judge("azurerm_key_vault", "{}"), "fail");
        assert_eq!(
            judge("azurerm_key_vault", "{\"purge_protection_enabled\":true}"),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault",
                "{\"purge_protection_enabled\":true,\"soft_delete_enabled\":false}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault",
                "{\"purge_protection_enabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
