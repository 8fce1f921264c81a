//! DPY-GCP-GKE-012: GKE nodes do not use the GKE metadata server.
//!
//! # What it checks
//! A `google_container_cluster` or `google_container_node_pool` sets `node_config { workload_metadata_config { mode = "GKE_METADATA" } }` (or the older `node_metadata = "GKE_METADATA_SERVER"`).
//!
//! # Why it matters
//! The GKE metadata server hides the node's credentials and instance metadata from pods and enables Workload Identity.
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
//!     workload_metadata_config {
//!       mode = "GKE_METADATA"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `workload_metadata_config { mode = "GKE_METADATA" }` in `node_config`.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(GkeMetadataServer {
    code: "DPY-GCP-GKE-012",
    checkov: ["CKV_GCP_69"],
    title: "GKE nodes do not use the GKE metadata server",
    severity: High,
    reason: "trivy-checks AVD-GCP-0057 (google-gke-node-metadata-security, on workload_metadata_config) is High; followed",
    targets: [
        (Terraform, "google_container_cluster"),
        (Terraform, "google_container_node_pool")
    ],
    description: "A `google_container_cluster` or `google_container_node_pool` sets `node_config { workload_metadata_config { mode = \"GKE_METADATA\" } }` (or the older `node_metadata = \"GKE_METADATA_SERVER\"`).",
    remediation: "Set `workload_metadata_config { mode = \"GKE_METADATA\" }` in `node_config`.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let Some(configs) = r.config.path("node_config.workload_metadata_config") else {
        return Verdict::fail("node_config sets no workload_metadata_config");
    };
    let mut ok = if configs.is_unknown() {
        Truth::Unknown
    } else {
        Truth::False
    };
    for c in configs.items() {
        match (c.get("mode"), c.get("node_metadata")) {
            (Some(Value::String(m)), _) if m == "GKE_METADATA" => return Verdict::Pass,
            (_, Some(Value::String(m))) if m == "GKE_METADATA_SERVER" => return Verdict::Pass,
            (Some(Value::Unknown(_)), _) | (_, Some(Value::Unknown(_))) => ok = Truth::Unknown,
            _ => {}
        }
    }
    verdict(ok, "the GKE metadata server is not enabled")
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
                r#"{"node_config":[{"workload_metadata_config":[{"mode":"GKE_METADATA"}]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_node_pool",
                r#"{"node_config":[{"workload_metadata_config":[{"mode":"GCE_METADATA"}]}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_container_node_pool",
                r#"{"node_config":[{"workload_metadata_config":[{"mode":{"$unknown":[]}}]}]}"#
            ),
            "unknown"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"node_config":[{"workload_metadata_config":[{"node_metadata":"GKE_METADATA_SERVER"}]}]}"#
            ),
            "pass"
        );
    }
}
