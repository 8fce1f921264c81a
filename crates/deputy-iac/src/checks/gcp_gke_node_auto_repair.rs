//! DPY-GCP-GKE-018: GKE node pool does not repair nodes automatically.
//!
//! # What it checks
//! A `google_container_node_pool` sets `management { auto_repair = true }`.
//!
//! # Why it matters
//! Automatic repair replaces unhealthy nodes, keeping workloads available.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_container_node_pool" "pool" {
//!   cluster  = google_container_cluster.gke.name
//!   location = "us-central1"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_container_node_pool" "pool" {
//!   cluster  = google_container_cluster.gke.name
//!   location = "us-central1"
//!   management {
//!     auto_repair = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `management { auto_repair = true }`.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GkeNodeAutoRepair {
    code: "DPY-GCP-GKE-018",
    checkov: ["CKV_GCP_9"],
    title: "GKE node pool does not repair nodes automatically",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0063 (google-gke-enable-auto-repair) is Low; followed",
    targets: [(Terraform, "google_container_node_pool")],
    description: "A `google_container_node_pool` sets `management { auto_repair = true }`.",
    remediation: "Set `management { auto_repair = true }`.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.path("management.auto_repair")),
        "automatic node repair is not enabled",
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
        assert_eq!(judge("google_container_node_pool", r#"{}"#), "fail");
        assert_eq!(
            judge(
                "google_container_node_pool",
                r#"{"management":[{"auto_repair":true}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_node_pool",
                r#"{"management":[{"auto_repair":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
    }
}
