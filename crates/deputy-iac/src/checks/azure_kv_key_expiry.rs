//! DPY-AZURE-KV-007: Key vault key has no expiration date.
//!
//! # What it checks
//! `azurerm_key_vault_key` sets `expiration_date`.
//!
//! # Why it matters
//! A key that never expires stays usable long after it should have been rotated.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_key_vault_key" "k" {
//!   name     = "example"
//!   key_type = "RSA-HSM"
//!   key_size = 2048
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_key_vault_key" "k" {
//!   name            = "example"
//!   key_type        = "RSA-HSM"
//!   key_size        = 2048
//!   expiration_date = "2030-12-31T00:00:00Z"
//! }
//! ```
//!
//! # Remediation
//! Set `expiration_date` and rotate keys before they expire (or use a rotation policy).
//!
//! # References
//! - <https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(KeyVaultKeyExpiry {
    code: "DPY-AZURE-KV-007",
    checkov: ["CKV_AZURE_40"],
    title: "Key vault key has no expiration date",
    severity: Medium,
    reason: "trivy-checks AZU-0014 (key expiry) is Medium; followed it",
    targets: [(Terraform, "azurerm_key_vault_key")],
    description: "`azurerm_key_vault_key` sets `expiration_date`.",
    remediation: "Set `expiration_date` and rotate keys before they expire (or use a rotation policy).",
    references: ["https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "expiration_date", Want::Any),
        "the key never expires",
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
        assert_eq!(judge("azurerm_key_vault_key", "{}"), "fail");
        assert_eq!(
            judge(
                "azurerm_key_vault_key",
                "{\"expiration_date\":\"2030-01-01T00:00:00Z\"}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault_key",
                "{\"expiration_date\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
