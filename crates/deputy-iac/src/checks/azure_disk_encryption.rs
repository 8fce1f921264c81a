//! DPY-AZURE-DISK-001: Managed disk encryption is turned off.
//!
//! # What it checks
//! `azurerm_managed_disk` does not set `encryption_settings { enabled = false }`; a `disk_encryption_set_id` or the platform default encrypts it.
//!
//! # Why it matters
//! An unencrypted managed disk exposes its data to anyone who obtains a copy or snapshot.
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
//!   encryption_settings {
//!     enabled = false
//!   }
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
//! }
//! ```
//!
//! # Remediation
//! Remove `encryption_settings { enabled = false }` or set `disk_encryption_set_id`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/virtual-machines/disk-encryption>

use super::aws::verdict;
use super::azure_common_a::{Want, holds};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(ManagedDiskEncryption {
    code: "DPY-AZURE-DISK-001",
    checkov: ["CKV_AZURE_2"],
    title: "Managed disk encryption is turned off",
    severity: High,
    reason: "trivy-checks AZU-0038 (managed disk encryption) is High; followed it",
    targets: [(Terraform, "azurerm_managed_disk")],
    description: "`azurerm_managed_disk` does not set `encryption_settings { enabled = false }`; a `disk_encryption_set_id` or the platform default encrypts it.",
    remediation: "Remove `encryption_settings { enabled = false }` or set `disk_encryption_set_id`.",
    references: ["https://learn.microsoft.com/azure/virtual-machines/disk-encryption"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if r.config.get("disk_encryption_set_id").is_some() {
        return Verdict::Pass;
    }
    // A block is a list of maps; `encryption_settings = { … }` is a map.
    let settings = match r.config.get("encryption_settings") {
        Some(Value::List(items)) => items.first(),
        other => other,
    };
    match settings {
        Some(s @ Value::Map(_)) => verdict(
            holds(s.get("enabled"), Want::True),
            "disk encryption is turned off",
        ),
        _ => Verdict::Pass,
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
        assert_eq!(judge("azurerm_managed_disk", "{}"), "pass");
        assert_eq!(
            judge(
                "azurerm_managed_disk",
                "{\"encryption_settings\":[{\"enabled\":false}]}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_managed_disk",
                "{\"encryption_settings\":[{\"enabled\":true}]}"
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "azurerm_managed_disk",
                "{\"encryption_settings\":{\"enabled\":false}}"
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "azurerm_managed_disk",
                "{\"encryption_settings\":[{\"enabled\":{\"$unknown\":[]}}]}"
            ),
            "unknown"
        );
    }
}
