//! DPY-GCP-GKE-017: GKE nodes do not use Secure Boot.
//!
//! # What it checks
//! A `google_container_cluster` or `google_container_node_pool` with a `node_config` sets `shielded_instance_config { enable_secure_boot = true }` in it. Resources without `node_config` are not judged.
//!
//! # Why it matters
//! Secure Boot makes nodes boot only verified software, defending against boot-level rootkits.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_container_node_pool" "pool" {
//!   cluster  = google_container_cluster.gke.name
//!   location = "us-central1"
//!   node_config {
//!     machine_type = "e2-medium"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_container_node_pool" "pool" {
//!   cluster  = google_container_cluster.gke.name
//!   location = "us-central1"
//!   node_config {
//!     machine_type = "e2-medium"
//!     shielded_instance_config {
//!       enable_secure_boot = true
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `shielded_instance_config { enable_secure_boot = true }` in `node_config`.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GkeSecureBoot {
    code: "DPY-GCP-GKE-017",
    checkov: ["CKV_GCP_68"],
    title: "GKE nodes do not use Secure Boot",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0055 (google-gke-node-shielding-enabled) is High for Shielded GKE nodes as a whole; Medium here, as trivy-checks rates the Compute Secure Boot check (AVD-GCP-0067) Medium",
    targets: [
        (Terraform, "google_container_cluster"),
        (Terraform, "google_container_node_pool")
    ],
    description: "A `google_container_cluster` or `google_container_node_pool` with a `node_config` sets `shielded_instance_config { enable_secure_boot = true }` in it. Resources without `node_config` are not judged.",
    remediation: "Set `shielded_instance_config { enable_secure_boot = true }` in `node_config`.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if r.config.get("node_config").is_none() {
        return Verdict::Unknown;
    }
    verdict(
        must_be_true(
            r.config
                .path("node_config.shielded_instance_config.enable_secure_boot"),
        ),
        "Secure Boot is not enabled on the nodes",
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
        assert_eq!(judge("google_container_node_pool", r#"{}"#), "unknown");
        assert_eq!(
            judge(
                "google_container_node_pool",
                r#"{"node_config":[{"machine_type":"e2-medium"}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_container_node_pool",
                r#"{"node_config":[{"shielded_instance_config":[{"enable_secure_boot":true}]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_node_pool",
                r#"{"node_config":[{"shielded_instance_config":[{"enable_secure_boot":{"$unknown":[]}}]}]}"#
            ),
            "unknown"
        );
    }
}
