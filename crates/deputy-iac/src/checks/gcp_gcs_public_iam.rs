//! DPY-GCP-GCS-005: Storage bucket IAM grants access to allUsers or allAuthenticatedUsers.
//!
//! # What it checks
//! A `google_storage_bucket_iam_member` (`member`) or `google_storage_bucket_iam_binding` (`members`) does not grant a role to `allUsers` or `allAuthenticatedUsers`.
//!
//! # Why it matters
//! `allUsers` makes the bucket's objects available to anyone on the internet and `allAuthenticatedUsers` to anyone with a Google account.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_storage_bucket_iam_binding" "viewers" {
//!   bucket  = google_storage_bucket.data.name
//!   role    = "roles/storage.objectViewer"
//!   members = ["allUsers"]
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_storage_bucket_iam_binding" "viewers" {
//!   bucket  = google_storage_bucket.data.name
//!   role    = "roles/storage.objectViewer"
//!   members = ["group:readers@example.com"]
//! }
//! ```
//!
//! # Remediation
//! Grant the role to named users, groups or service accounts instead.
//!
//! # References
//! - <https://cloud.google.com/storage/docs/access-control/iam>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(GcsPublicIam {
    code: "DPY-GCP-GCS-005",
    checkov: ["CKV_GCP_28"],
    title: "Storage bucket IAM grants access to allUsers or allAuthenticatedUsers",
    severity: High,
    reason: "trivy-checks AVD-GCP-0001 (google-storage-no-public-access) is High; followed",
    targets: [
        (Terraform, "google_storage_bucket_iam_member"),
        (Terraform, "google_storage_bucket_iam_binding")
    ],
    description: "A `google_storage_bucket_iam_member` (`member`) or `google_storage_bucket_iam_binding` (`members`) does not grant a role to `allUsers` or `allAuthenticatedUsers`.",
    remediation: "Grant the role to named users, groups or service accounts instead.",
    references: ["https://cloud.google.com/storage/docs/access-control/iam"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let mut ok = Truth::True;
    for key in ["member", "members"] {
        let Some(v) = r.config.get(key) else {
            continue;
        };
        for m in v.items() {
            match m {
                Value::String(s) if s == "allUsers" || s == "allAuthenticatedUsers" => {
                    return Verdict::fail(format!("the bucket is granted to {s}"));
                }
                Value::Unknown(_) => ok = Truth::Unknown,
                _ => {}
            }
        }
    }
    verdict(ok, "the bucket is publicly accessible")
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
        assert_eq!(
            judge(
                "google_storage_bucket_iam_binding",
                r#"{"members":["allUsers"]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_storage_bucket_iam_member",
                r#"{"member":"allAuthenticatedUsers"}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_storage_bucket_iam_binding",
                r#"{"members":["user:a@example.com"]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_storage_bucket_iam_member",
                r#"{"member":{"$unknown":[]}}"#
            ),
            "unknown"
        );
    }
}
