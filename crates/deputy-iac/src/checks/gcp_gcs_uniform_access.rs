//! DPY-GCP-GCS-002: Storage bucket does not use uniform bucket-level access.
//!
//! # What it checks
//! A `google_storage_bucket` sets `uniform_bucket_level_access = true`.
//!
//! # Why it matters
//! Uniform bucket-level access turns off object ACLs so that IAM alone decides access, which avoids objects made public by a forgotten ACL.
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
//!   uniform_bucket_level_access = true
//! }
//! ```
//!
//! # Remediation
//! Set `uniform_bucket_level_access = true`.
//!
//! # References
//! - <https://cloud.google.com/storage/docs/uniform-bucket-level-access>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GcsUniformAccess {
    code: "DPY-GCP-GCS-002",
    checkov: ["CKV_GCP_29"],
    title: "Storage bucket does not use uniform bucket-level access",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0002 (google-storage-enable-ubla) is Medium; followed",
    targets: [(Terraform, "google_storage_bucket")],
    description: "A `google_storage_bucket` sets `uniform_bucket_level_access = true`.",
    remediation: "Set `uniform_bucket_level_access = true`.",
    references: ["https://cloud.google.com/storage/docs/uniform-bucket-level-access"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("uniform_bucket_level_access")),
        "uniform bucket-level access is not enabled",
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
        assert_eq!(judge(k, r#"{"uniform_bucket_level_access":true}"#), "pass");
        assert_eq!(
            judge(k, r#"{"uniform_bucket_level_access":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
