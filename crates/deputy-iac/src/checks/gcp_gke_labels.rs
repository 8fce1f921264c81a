//! DPY-GCP-GKE-005: GKE cluster has no resource labels.
//!
//! # What it checks
//! A `google_container_cluster` sets a non-empty `resource_labels` map.
//!
//! # Why it matters
//! Labels identify a cluster's owner, environment and cost centre, which asset inventory and incident response rely on.
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
//!   resource_labels = {
//!     team = "platform"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `resource_labels`.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/creating-managing-labels>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(GkeLabels {
    code: "DPY-GCP-GKE-005",
    checkov: ["CKV_GCP_21"],
    title: "GKE cluster has no resource labels",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0051 (google-gke-use-cluster-labels) is Low; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` sets a non-empty `resource_labels` map.",
    remediation: "Add `resource_labels`.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/creating-managing-labels"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("resource_labels") {
        Some(Value::Map(m)) if !m.is_empty() => Truth::True,
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::False,
    };
    verdict(ok, "the cluster has no resource labels")
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
                r#"{"resource_labels":{"team":"platform"}}"#
            ),
            "pass"
        );
        assert_eq!(
            judge("google_container_cluster", r#"{"resource_labels":{}}"#),
            "fail"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"resource_labels":{"$unknown":[]}}"#
            ),
            "unknown"
        );
    }
}
