//! DPY-AZURE-KV-008: Key vault secret has no content type.
//!
//! # What it checks
//! `azurerm_key_vault_secret` sets `content_type`.
//!
//! # Why it matters
//! A content type tells operators what a secret is, so it can be rotated and handled correctly.
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
//!   name         = "example"
//!   value        = "not-a-real-secret"
//!   content_type = "password"
//! }
//! ```
//!
//! # Remediation
//! Set `content_type` to describe the secret (`password`, `connection-string`…).
//!
//! # References
//! - <https://learn.microsoft.com/azure/key-vault/secrets/about-secrets>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(KeyVaultSecretContentType {
    code: "DPY-AZURE-KV-008",
    checkov: ["CKV_AZURE_114"],
    title: "Key vault secret has no content type",
    severity: Low,
    reason: "trivy-checks AZU-0015 (secret content type) is Low; followed it",
    targets: [(Terraform, "azurerm_key_vault_secret")],
    description: "`azurerm_key_vault_secret` sets `content_type`.",
    remediation: "Set `content_type` to describe the secret (`password`, `connection-string`…).",
    references: ["https://learn.microsoft.com/azure/key-vault/secrets/about-secrets"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "content_type", Want::Any),
        "the secret has no content type",
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
                "{\"content_type\":\"password\"}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_key_vault_secret",
                "{\"content_type\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
