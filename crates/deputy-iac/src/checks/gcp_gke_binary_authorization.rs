//! DPY-GCP-GKE-011: GKE cluster does not use Binary Authorization.
//!
//! # What it checks
//! A `google_container_cluster` sets `binary_authorization { evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE" }` or the older `enable_binary_authorization = true`.
//!
//! # Why it matters
//! Binary Authorization admits only images that satisfy the project's policy, such as images signed by the build pipeline.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//!   binary_authorization {
//!     evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `binary_authorization { evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE" }`.
//!
//! # References
//! - <https://cloud.google.com/binary-authorization/docs/overview>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(GkeBinaryAuthorization {
    code: "DPY-GCP-GKE-011",
    checkov: ["CKV_GCP_66"],
    title: "GKE cluster does not use Binary Authorization",
    severity: Low,
    reason: "trivy-checks has no Binary Authorization check; Low: it is a supply-chain hardening control",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` sets `binary_authorization { evaluation_mode = \"PROJECT_SINGLETON_POLICY_ENFORCE\" }` or the older `enable_binary_authorization = true`.",
    remediation: "Add `binary_authorization { evaluation_mode = \"PROJECT_SINGLETON_POLICY_ENFORCE\" }`.",
    references: ["https://cloud.google.com/binary-authorization/docs/overview"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let mut ok = Truth::False;
    match r.config.path("binary_authorization.evaluation_mode") {
        Some(Value::String(s)) if s == "PROJECT_SINGLETON_POLICY_ENFORCE" => return Verdict::Pass,
        Some(Value::Bool(true)) => return Verdict::Pass,
        Some(Value::Unknown(_)) => ok = Truth::Unknown,
        _ => {}
    }
    match r.config.get("enable_binary_authorization") {
        Some(v) if v.truth() == Truth::True => return Verdict::Pass,
        Some(Value::Unknown(_)) => ok = Truth::Unknown,
        _ => {}
    }
    verdict(ok, "Binary Authorization is not enforced")
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
        assert_eq!(judge("google_container_cluster", r#"{}"#), "fail");
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"binary_authorization":[{"evaluation_mode":"PROJECT_SINGLETON_POLICY_ENFORCE"}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"binary_authorization":[{"evaluation_mode":"DISABLED"}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"enable_binary_authorization":true}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"binary_authorization":[{"evaluation_mode":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
    }
}
