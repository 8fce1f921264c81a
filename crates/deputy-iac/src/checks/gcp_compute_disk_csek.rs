//! DPY-GCP-COMPUTE-006: Compute disk is not encrypted with a customer-supplied key.
//!
//! # What it checks
//! A `google_compute_disk` has a `disk_encryption_key` block.
//!
//! # Why it matters
//! Google encrypts disks at rest either way; a customer-supplied or customer-managed key keeps control of the key with the owner.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_compute_disk" "data" {
//!   name = "data"
//!   zone = "us-central1-a"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_compute_disk" "data" {
//!   name = "data"
//!   zone = "us-central1-a"
//!   disk_encryption_key {
//!     kms_key_self_link = google_kms_crypto_key.key.id
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `disk_encryption_key` block with `raw_key`, `rsa_encrypted_key` or `kms_key_self_link`.
//!
//! # References
//! - <https://cloud.google.com/compute/docs/disks/customer-supplied-encryption>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DiskCsek {
    code: "DPY-GCP-COMPUTE-006",
    checkov: ["CKV_GCP_37"],
    title: "Compute disk is not encrypted with a customer-supplied key",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0034 (google-compute-disk-encryption-customer-key) is Low; followed",
    targets: [(Terraform, "google_compute_disk")],
    description: "A `google_compute_disk` has a `disk_encryption_key` block.",
    remediation: "Add a `disk_encryption_key` block with `raw_key`, `rsa_encrypted_key` or `kms_key_self_link`.",
    references: ["https://cloud.google.com/compute/docs/disks/customer-supplied-encryption"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("disk_encryption_key")),
        "no disk_encryption_key is set",
    )
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
        let k = "google_compute_disk";
        assert_eq!(judge(k, "{}"), "fail");
        assert_eq!(
            judge(k, r#"{"disk_encryption_key":[{"raw_key":"ZmFrZQ=="}]}"#),
            "pass"
        );
        assert_eq!(
            judge(k, r#"{"disk_encryption_key":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
