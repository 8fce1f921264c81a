//! DPY-GCP-GKE-002: GKE cluster turns off Cloud Logging.
//!
//! # What it checks
//! A `google_container_cluster` does not set `logging_service = "none"` (the default sends logs to Cloud Logging).
//!
//! # Why it matters
//! Cluster logs are needed to detect and investigate attacks on the cluster and its workloads.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//!   logging_service = "none"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//!   logging_service = "logging.googleapis.com/kubernetes"
//! }
//! ```
//!
//! # Remediation
//! Remove `logging_service = "none"` or set it to `logging.googleapis.com/kubernetes`.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(GkeLogging {
    code: "DPY-GCP-GKE-002",
    checkov: ["CKV_GCP_1"],
    title: "GKE cluster turns off Cloud Logging",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0060 (google-gke-enable-stackdriver-logging) is Low; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` does not set `logging_service = \"none\"` (the default sends logs to Cloud Logging).",
    remediation: "Remove `logging_service = \"none\"` or set it to `logging.googleapis.com/kubernetes`.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("logging_service") {
        Some(Value::String(s)) if s == "none" => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::True,
    };
    verdict(ok, "logging_service is none")
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
        assert_eq!(judge("google_container_cluster", r#"{}"#), "pass");
        assert_eq!(
            judge("google_container_cluster", r#"{"logging_service":"none"}"#),
            "fail"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"logging_service":{"$unknown":[]}}"#
            ),
            "unknown"
        );
    }
}
