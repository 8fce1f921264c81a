//! DPY-GCP-GCS-004: Storage bucket does not log access.
//!
//! # What it checks
//! A `google_storage_bucket` has a `logging` block with a non-empty `log_bucket`.
//!
//! # Why it matters
//! Usage and storage logs record who accessed the bucket's objects, which incident investigation needs.
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
//!   logging {
//!     log_bucket = "example-logs"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `logging` block naming a `log_bucket`.
//!
//! # References
//! - <https://cloud.google.com/storage/docs/access-logs>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(GcsAccessLogging {
    code: "DPY-GCP-GCS-004",
    checkov: ["CKV_GCP_62"],
    title: "Storage bucket does not log access",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0077 (google-storage-enable-bucket-logging) is Medium; followed",
    targets: [(Terraform, "google_storage_bucket")],
    description: "A `google_storage_bucket` has a `logging` block with a non-empty `log_bucket`.",
    remediation: "Add a `logging` block naming a `log_bucket`.",
    references: ["https://cloud.google.com/storage/docs/access-logs"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let block = match r.config.get("logging") {
        Some(Value::List(items)) => items.first(),
        other => other,
    };
    match block {
        None | Some(Value::Null) => Verdict::fail("access logging is not configured"),
        Some(Value::Unknown(_)) => Verdict::Unknown,
        Some(Value::Map(m)) if m.is_empty() => Verdict::fail("access logging is not configured"),
        Some(b) => match b.get("log_bucket") {
            // A block without `log_bucket` is how a computed value shows in a plan.
            None | Some(Value::Unknown(_)) => Verdict::Unknown,
            Some(Value::String(s)) if !s.is_empty() => Verdict::Pass,
            Some(v) if v.truth() == Truth::True => Verdict::Pass,
            Some(_) => Verdict::fail("log_bucket is empty"),
        },
    }
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
            judge(k, r#"{"logging":[{"log_bucket":"example-logs"}]}"#),
            "pass"
        );
        assert_eq!(judge(k, r#"{"logging":[{"log_bucket":""}]}"#), "fail");
        assert_eq!(
            judge(k, r#"{"logging":[{"log_bucket":{"$unknown":[]}}]}"#),
            "unknown"
        );
    }
}
