//! DPY-AZURE-KV-009: Key vault secret has no expiration date.
//!
//! # What it checks
//! `azurerm_key_vault_secret` sets `expiration_date`.
//!
//! # Why it matters
//! A secret that never expires stays valid long after it should have been rotated.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_key_vault_secret" "s" {
//!   name  = "example"
//!   value = "not-a-real-secret"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_key_vault_secret" "s" {
//!   name            = "example"
//!   value           = "not-a-real-secret"
//!   expiration_date = "2030-12-31T00:00:00Z"
//! }
//! ```
//!
//! # Remediation
//! Set `expiration_date` and rotate the secret before it expires.
//!
//! # References
//! - <https://learn.microsoft.com/azure/key-vault/secrets/about-secrets>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(KeyVaultSecretExpiry {
    code: "DPY-AZURE-KV-009",
    checkov: ["CKV_AZURE_41"],
    title: "Key vault secret has no expiration date",
    severity: Low,
    reason: "trivy-checks AZU-0017 (secret expiry) is Low; followed it",
    targets: [(Terraform, "azurerm_key_vault_secret")],
    description: "`azurerm_key_vault_secret` sets `expiration_date`.",
    remediation: "Set `expiration_date` and rotate the secret before it expires.",
    references: ["https://learn.microsoft.com/azure/key-vault/secrets/about-secrets"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "expiration_date", Want::Any),
        "the secret never expires",
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
        assert_eq!(judge("azurerm_key_vault_secret", "{}"), "fail");
        assert_eq!(
            judge(
                "azurerm_key_vault_secret",
                "{\"expiration_date\":\"2030-01-01T00:00:00Z\"}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault_secret",
                "{\"expiration_date\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
