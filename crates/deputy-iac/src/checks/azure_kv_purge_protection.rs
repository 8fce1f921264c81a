//! DPY-AZURE-KV-004: Key vault purge protection is disabled.
//!
//! # What it checks
//! `azurerm_key_vault` sets `purge_protection_enabled = true`.
//!
//! # Why it matters
//! Purge protection stops a deleted vault or object from being permanently removed during its retention period.
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
//! Set `purge_protection_enabled = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview#purge-protection>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(KeyVaultPurgeProtection {
    code: "DPY-AZURE-KV-004",
    checkov: ["CKV_AZURE_110"],
    title: "Key vault purge protection is disabled",
    severity: Medium,
    reason: "trivy-checks AZU-0016 (key vault purge protection) is Medium; followed it",
    targets: [(Terraform, "azurerm_key_vault")],
    description: "`azurerm_key_vault` sets `purge_protection_enabled = true`.",
    remediation: "Set `purge_protection_enabled = true`.",
    references: [
        "https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview#purge-protection"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "purge_protection_enabled", Want::True),
        "purge protection is not enabled",
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
            judge("azurerm_key_vault", "{\"purge_protection_enabled\":false}"),
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
