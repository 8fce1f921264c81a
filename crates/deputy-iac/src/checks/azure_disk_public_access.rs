//! DPY-AZURE-DISK-002: Managed disk allows public network access.
//!
//! # What it checks
//! `azurerm_managed_disk` sets `public_network_access_enabled = false`; the provider's default is `true`.
//!
//! # Why it matters
//! A disk that allows public network access can be exported or imported through a SAS URL from anywhere.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_managed_disk" "d" {
//!   name                 = "example-disk"
//!   storage_account_type = "Standard_LRS"
//!   create_option        = "Empty"
//!   disk_size_gb         = 8
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_managed_disk" "d" {
//!   name                 = "example-disk"
//!   storage_account_type = "Standard_LRS"
//!   create_option        = "Empty"
//!   disk_size_gb         = 8
//!   public_network_access_enabled = false
//! }
//! ```
//!
//! # Remediation
//! Set `public_network_access_enabled = false` (and use a disk access resource for private exports).
//!
//! # References
//! - <https://learn.microsoft.com/azure/virtual-machines/disks-enable-private-links-for-import-export-portal>

use super::aws::verdict;
use super::azure_common_a::{Want, holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ManagedDiskPublicAccess {
    code: "DPY-AZURE-DISK-002",
    checkov: ["CKV_AZURE_251"],
    title: "Managed disk allows public network access",
    severity: Medium,
    reason: "trivy-checks has no equivalent Azure check; Medium: a public disk export or import endpoint can leak disk contents through SAS URLs",
    targets: [(Terraform, "azurerm_managed_disk")],
    description: "`azurerm_managed_disk` sets `public_network_access_enabled = false`; the provider's default is `true`.",
    remediation: "Set `public_network_access_enabled = false` (and use a disk access resource for private exports).",
    references: [
        "https://learn.microsoft.com/azure/virtual-machines/disks-enable-private-links-for-import-export-portal"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match r.config.get("public_network_access_enabled") {
        None => Verdict::fail("the disk can be exported or imported over the public network"),
        Some(v) => verdict(
            holds(Some(v), Want::False),
            "the disk can be exported or imported over the public network",
        ),
    }
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
        assert_eq!(judge("azurerm_managed_disk", "{}"), "fail");
        assert_eq!(
            judge(
                "azurerm_managed_disk",
                "{\"public_network_access_enabled\":false}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_managed_disk",
                "{\"public_network_access_enabled\":true}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_managed_disk",
                "{\"public_network_access_enabled\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
