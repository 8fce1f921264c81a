//! DPY-GCP-GCS-003: Storage bucket does not enable versioning.
//!
//! # What it checks
//! A `google_storage_bucket` sets `versioning { enabled = true }`.
//!
//! # Why it matters
//! Object versioning keeps overwritten and deleted objects, so data can be recovered after mistakes or malicious deletion.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_storage_bucket" "data" {
//!   name     = "example-data"
//!   location = "EU"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_storage_bucket" "data" {
//!   name     = "example-data"
//!   location = "EU"
//!
//!   versioning {
//!     enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `versioning { enabled = true }`.
//!
//! # References
//! - <https://cloud.google.com/storage/docs/object-versioning>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GcsVersioning {
    code: "DPY-GCP-GCS-003",
    checkov: ["CKV_GCP_78"],
    title: "Storage bucket does not enable versioning",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0078 (google-storage-enable-bucket-versioning) is Medium; followed",
    targets: [(Terraform, "google_storage_bucket")],
    description: "A `google_storage_bucket` sets `versioning { enabled = true }`.",
    remediation: "Add `versioning { enabled = true }`.",
    references: ["https://cloud.google.com/storage/docs/object-versioning"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.path("versioning.enabled")),
        "versioning is not enabled",
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
        let k = "google_storage_bucket";
        assert_eq!(judge(k, "{}"), "fail");
        assert_eq!(judge(k, r#"{"versioning":[{"enabled":true}]}"#), "pass");
        assert_eq!(judge(k, r#"{"versioning":[{"enabled":false}]}"#), "fail");
        assert_eq!(
            judge(k, r#"{"versioning":[{"enabled":{"$unknown":[]}}]}"#),
            "unknown"
        );
    }
}
