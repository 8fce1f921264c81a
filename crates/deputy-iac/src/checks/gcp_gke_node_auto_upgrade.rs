//! DPY-GCP-GKE-016: GKE node pool does not upgrade nodes automatically.
//!
//! # What it checks
//! A `google_container_node_pool` sets `management { auto_upgrade = true }`.
//!
//! # Why it matters
//! Automatic upgrades keep nodes on patched Kubernetes and OS versions.
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
//!     auto_upgrade = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `management { auto_upgrade = true }`.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GkeNodeAutoUpgrade {
    code: "DPY-GCP-GKE-016",
    checkov: ["CKV_GCP_10"],
    title: "GKE node pool does not upgrade nodes automatically",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0058 (google-gke-enable-auto-upgrade) is Low; followed",
    targets: [(Terraform, "google_container_node_pool")],
    description: "A `google_container_node_pool` sets `management { auto_upgrade = true }`.",
    remediation: "Set `management { auto_upgrade = true }`.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.path("management.auto_upgrade")),
        "automatic node upgrade is not enabled",
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
                r#"{"management":[{"auto_upgrade":true}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_node_pool",
                r#"{"management":[{"auto_upgrade":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
    }
}
