//! DPY-GCP-GKE-007: GKE cluster is not a private cluster.
//!
//! # What it checks
//! A `google_container_cluster` has a `private_cluster_config` block.
//!
//! # Why it matters
//! In a private cluster the nodes have internal addresses only, so they are not reachable from the internet.
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
//!   private_cluster_config {
//!     enable_private_nodes = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `private_cluster_config` with `enable_private_nodes = true`.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/concepts/private-cluster-concept>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GkePrivateCluster {
    code: "DPY-GCP-GKE-007",
    checkov: ["CKV_GCP_25"],
    title: "GKE cluster is not a private cluster",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0059 (google-gke-enable-private-cluster) is Medium; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` has a `private_cluster_config` block.",
    remediation: "Add `private_cluster_config` with `enable_private_nodes = true`.",
    references: [
        "https://cloud.google.com/kubernetes-engine/docs/concepts/private-cluster-concept"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("private_cluster_config")),
        "the cluster has no private_cluster_config",
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
        assert_eq!(judge("google_container_cluster", r#"{}"#), "fail");
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"private_cluster_config":[{"enable_private_nodes":true}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"private_cluster_config":{"$unknown":[]}}"#
            ),
            "unknown"
        );
    }
}
