//! DPY-GCP-GCS-001: Storage bucket does not enforce public access prevention.
//!
//! # What it checks
//! A `google_storage_bucket` sets `public_access_prevention = "enforced"`.
//!
//! # Why it matters
//! Enforced public access prevention stops the bucket or its objects from being made public by a later IAM or ACL change.
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
//!   public_access_prevention = "enforced"
//! }
//! ```
//!
//! # Remediation
//! Set `public_access_prevention = "enforced"` (or enforce it with the organization policy `storage.publicAccessPrevention`).
//!
//! # References
//! - <https://cloud.google.com/storage/docs/public-access-prevention>

use super::aws::{must_equal, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GcsPublicAccessPrevention {
    code: "DPY-GCP-GCS-001",
    checkov: ["CKV_GCP_114"],
    title: "Storage bucket does not enforce public access prevention",
    severity: Medium,
    reason: "trivy-checks has no check for public_access_prevention; its public-bucket check AVD-GCP-0001 is High. Medium: prevention is a safeguard against a later public grant, not an exposure in itself",
    targets: [(Terraform, "google_storage_bucket")],
    description: "A `google_storage_bucket` sets `public_access_prevention = \"enforced\"`.",
    remediation: "Set `public_access_prevention = \"enforced\"` (or enforce it with the organization policy `storage.publicAccessPrevention`).",
    references: ["https://cloud.google.com/storage/docs/public-access-prevention"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_equal(r.config.get("public_access_prevention"), "enforced"),
        "public access prevention is not enforced",
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
        assert_eq!(
            judge(k, r#"{"public_access_prevention":"inherited"}"#),
            "fail"
        );
        assert_eq!(
            judge(k, r#"{"public_access_prevention":"enforced"}"#),
            "pass"
        );
        assert_eq!(
            judge(k, r#"{"public_access_prevention":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
