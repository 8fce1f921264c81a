//! DPY-AZURE-DISK-003: Managed disk does not use a disk encryption set.
//!
//! # What it checks
//! `azurerm_managed_disk` sets `disk_encryption_set_id`.
//!
//! # Why it matters
//! A disk encryption set encrypts the disk with a customer-managed key that can be rotated and revoked.
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
//!   disk_encryption_set_id = azurerm_disk_encryption_set.d.id
//! }
//! ```
//!
//! # Remediation
//! Set `disk_encryption_set_id` to a disk encryption set with a customer-managed key.
//!
//! # References
//! - <https://learn.microsoft.com/azure/virtual-machines/disk-encryption#customer-managed-keys>

use super::aws::verdict;
use super::azure_common_a::{Want, setting_holds};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ManagedDiskEncryptionSet {
    code: "DPY-AZURE-DISK-003",
    checkov: ["CKV_AZURE_93"],
    title: "Managed disk does not use a disk encryption set",
    severity: Low,
    reason: "trivy-checks has no equivalent Azure check for customer-managed disk keys; Low: disks are encrypted with platform keys anyway",
    targets: [(Terraform, "azurerm_managed_disk")],
    description: "`azurerm_managed_disk` sets `disk_encryption_set_id`.",
    remediation: "Set `disk_encryption_set_id` to a disk encryption set with a customer-managed key.",
    references: [
        "https://learn.microsoft.com/azure/virtual-machines/disk-encryption#customer-managed-keys"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        setting_holds(r, "disk_encryption_set_id", Want::Any),
        "the disk is not encrypted with a customer-managed key",
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
        assert_eq!(judge("azurerm_managed_disk", "{}"), "fail");
        assert_eq!(
            judge(
                "azurerm_managed_disk",
                "{\"disk_encryption_set_id\":{\"$unknown\":[\"azurerm_disk_encryption_set.d\"]}}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_managed_disk",
                "{\"disk_encryption_set_id\":{\"$unknown\":[]}}"
            ),
            "unknown"
        );
    }
}
