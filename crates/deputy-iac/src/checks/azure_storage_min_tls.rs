//! DPY-AZURE-STORAGE-002: Storage account accepts TLS versions older than 1.2.
//!
//! # What it checks
//! `azurerm_storage_account` sets `min_tls_version` to `TLS1_2` or `TLS1_3`.
//!
//! # Why it matters
//! TLS 1.0 and 1.1 have known weaknesses and are deprecated.
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
//!   min_tls_version          = "TLS1_2"
//! }
//! ```
//!
//! # Remediation
//! Set `min_tls_version = "TLS1_2"`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(StorageMinTls {
    code: "DPY-AZURE-STORAGE-002",
    checkov: ["CKV_AZURE_44"],
    title: "Storage account accepts TLS versions older than 1.2",
    severity: High,
    reason: "trivy-checks AZU-0011 (storage minimum TLS) is Critical; High: old TLS versions weaken transport encryption but need a capable attacker on the path",
    targets: [(Terraform, "azurerm_storage_account")],
    description: "`azurerm_storage_account` sets `min_tls_version` to `TLS1_2` or `TLS1_3`.",
    remediation: "Set `min_tls_version = \"TLS1_2\"`.",
    references: [
        "https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "min_tls_version", Want::OneOf(&["TLS1_2", "TLS1_3"])),
        "the account accepts TLS versions older than 1.2",
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
                "{\"min_tls_version\":\"TLS1_2\"}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"min_tls_version\":\"TLS1_0\"}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_storage_account",
                "{\"min_tls_version\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
