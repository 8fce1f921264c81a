//! DPY-GCP-COMPUTE-008: Compute instance boot disk is not encrypted with a customer key.
//!
//! # What it checks
//! A `google_compute_instance` sets `boot_disk { disk_encryption_key_raw = … }` or `boot_disk { kms_key_self_link = … }`.
//!
//! # Why it matters
//! Google encrypts disks at rest either way; a customer-supplied or customer-managed key keeps control of the key with the owner.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_compute_instance" "vm" {
//!   name         = "vm"
//!   machine_type = "e2-small"
//!   boot_disk {
//!     initialize_params {
//!       image = "debian-cloud/debian-12"
//!     }
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_compute_instance" "vm" {
//!   name         = "vm"
//!   machine_type = "e2-small"
//!   boot_disk {
//!     kms_key_self_link = google_kms_crypto_key.key.id
//!     initialize_params {
//!       image = "debian-cloud/debian-12"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `kms_key_self_link` (or `disk_encryption_key_raw`) in the `boot_disk` block.
//!
//! # References
//! - <https://cloud.google.com/compute/docs/disks/customer-managed-encryption>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(BootDiskCsek {
    code: "DPY-GCP-COMPUTE-008",
    checkov: ["CKV_GCP_38"],
    title: "Compute instance boot disk is not encrypted with a customer key",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0033 (google-compute-vm-disk-encryption-customer-key) is Low; followed",
    targets: [(Terraform, "google_compute_instance")],
    description: "A `google_compute_instance` sets `boot_disk { disk_encryption_key_raw = … }` or `boot_disk { kms_key_self_link = … }`.",
    remediation: "Set `kms_key_self_link` (or `disk_encryption_key_raw`) in the `boot_disk` block.",
    references: ["https://cloud.google.com/compute/docs/disks/customer-managed-encryption"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let mut ok = Truth::False;
    for key in [
        "boot_disk.disk_encryption_key_raw",
        "boot_disk.kms_key_self_link",
    ] {
        match r.config.path(key) {
            None | Some(Value::Null) => {}
            Some(Value::Unknown(u)) if u.refs.is_empty() => ok = Truth::Unknown,
            Some(_) => return Verdict::Pass,
        }
    }
    verdict(ok, "the boot disk has no customer encryption key")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(kind: &str, config: &str) -> &'static str {
        match evaluate(&resource(kind, config), &Cx::new(&[])) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(judge("google_compute_instance", r#"{}"#), "fail");
        assert_eq!(
            judge(
                "google_compute_instance",
                r#"{"boot_disk":[{"kms_key_self_link":{"$unknown":["google_kms_crypto_key.k"]}}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_compute_instance",
                r#"{"boot_disk":[{"disk_encryption_key_raw":"ZmFrZQ=="}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_compute_instance",
                r#"{"boot_disk":[{"kms_key_self_link":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
    }
}
