//! DPY-GCP-GKE-015: GKE cluster turns off Cloud Monitoring.
//!
//! # What it checks
//! A `google_container_cluster` does not set `monitoring_service = "none"` (the default sends metrics to Cloud Monitoring).
//!
//! # Why it matters
//! Cluster metrics reveal resource exhaustion and unusual workload behaviour.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//!   monitoring_service = "none"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//!   monitoring_service = "monitoring.googleapis.com/kubernetes"
//! }
//! ```
//!
//! # Remediation
//! Remove `monitoring_service = "none"` or set it to `monitoring.googleapis.com/kubernetes`.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/configure-metrics>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(GkeMonitoring {
    code: "DPY-GCP-GKE-015",
    checkov: ["CKV_GCP_8"],
    title: "GKE cluster turns off Cloud Monitoring",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0052 (google-gke-enable-stackdriver-monitoring) is Low; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` does not set `monitoring_service = \"none\"` (the default sends metrics to Cloud Monitoring).",
    remediation: "Remove `monitoring_service = \"none\"` or set it to `monitoring.googleapis.com/kubernetes`.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/configure-metrics"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("monitoring_service") {
        Some(Value::String(s)) if s == "none" => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::True,
    };
    verdict(ok, "monitoring_service is none")
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
            judge(
                "google_container_cluster",
                r#"{"monitoring_service":"none"}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"monitoring_service":{"$unknown":[]}}"#
            ),
            "unknown"
        );
    }
}
