//! DPY-GCP-BQ-002: BigQuery dataset is not encrypted with a customer-managed key.
//!
//! # What it checks
//! A `google_bigquery_dataset` sets `default_encryption_configuration { kms_key_name = … }`.
//!
//! # Why it matters
//! Google encrypts data at rest either way; a customer-managed key adds control over rotation, access and revocation of the key.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_bigquery_dataset" "data" {
//!   dataset_id = "data"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_bigquery_dataset" "data" {
//!   dataset_id = "data"
//!   default_encryption_configuration {
//!     kms_key_name = google_kms_crypto_key.key.id
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `default_encryption_configuration` with a Cloud KMS key.
//!
//! # References
//! - <https://cloud.google.com/bigquery/docs/customer-managed-encryption>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(BqDatasetCmk {
    code: "DPY-GCP-BQ-002",
    checkov: ["CKV_GCP_81"],
    title: "BigQuery dataset is not encrypted with a customer-managed key",
    severity: Low,
    reason: "trivy-checks has no BigQuery key check; its closest, AVD-GCP-0066 (storage bucket customer key) and AVD-GCP-0034 (disk customer key), are Low; followed",
    targets: [(Terraform, "google_bigquery_dataset")],
    description: "A `google_bigquery_dataset` sets `default_encryption_configuration { kms_key_name = … }`.",
    remediation: "Add `default_encryption_configuration` with a Cloud KMS key.",
    references: ["https://cloud.google.com/bigquery/docs/customer-managed-encryption"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(
            r.config
                .path("default_encryption_configuration.kms_key_name"),
        ),
        "no customer-managed key is set",
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
        let k = "google_bigquery_dataset";
        assert_eq!(judge(k, "{}"), "fail");
        assert_eq!(
            judge(
                k,
                r#"{"default_encryption_configuration":[{"kms_key_name":"projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                k,
                r#"{"default_encryption_configuration":[{"kms_key_name":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
    }
}
