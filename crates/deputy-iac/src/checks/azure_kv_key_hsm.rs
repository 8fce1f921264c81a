//! DPY-AZURE-KV-006: Key vault key is not backed by an HSM.
//!
//! # What it checks
//! `azurerm_key_vault_key` sets `key_type` to `RSA-HSM` or `EC-HSM`.
//!
//! # Why it matters
//! Keys in a hardware security module cannot be exported, even by an administrator of the vault.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_key_vault_key" "k" {
//!   name     = "example"
//!   key_type = "RSA"
//!   key_size = 2048
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_key_vault_key" "k" {
//!   name     = "example"
//!   key_type = "RSA-HSM"
//!   key_size = 2048
//! }
//! ```
//!
//! # Remediation
//! Use `key_type = "RSA-HSM"` or `"EC-HSM"` (Premium vault).
//!
//! # References
//! - <https://learn.microsoft.com/azure/key-vault/keys/about-keys>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(KeyVaultKeyHsm {
    code: "DPY-AZURE-KV-006",
    checkov: ["CKV_AZURE_112"],
    title: "Key vault key is not backed by an HSM",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check; Low: software-protected keys are still encrypted at rest, HSM backing is a compliance hardening",
    targets: [(Terraform, "azurerm_key_vault_key")],
    description: "`azurerm_key_vault_key` sets `key_type` to `RSA-HSM` or `EC-HSM`.",
    remediation: "Use `key_type = \"RSA-HSM\"` or `\"EC-HSM\"` (Premium vault).",
    references: ["https://learn.microsoft.com/azure/key-vault/keys/about-keys"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "key_type", Want::OneOf(&["RSA-HSM", "EC-HSM"])),
        "the key is not backed by a hardware security module",
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
            judge("azurerm_key_vault_key", "{\"key_type\":\"RSA\"}"),
            "fail"
        );
        assert_eq!(
            judge("azurerm_key_vault_key", "{\"key_type\":\"EC-HSM\"}"),
            "pass"
        );
        assert_eq!(
            judge("azurerm_key_vault_key", "{\"key_type\":{\"$unknown\":[]}}"),
            "unknown"
        );
    }
}
