//! DPY-GCP-GKE-008: GKE cluster does not enable intranode visibility.
//!
//! # What it checks
//! A `google_container_cluster` sets `enable_intranode_visibility = true`.
//!
//! # Why it matters
//! Intranode visibility sends pod-to-pod traffic on the same node through the VPC, so flow logs and firewall rules see it.
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
//!   enable_intranode_visibility = true
//! }
//! ```
//!
//! # Remediation
//! Set `enable_intranode_visibility = true`.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/intranode-visibility>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GkeIntranodeVisibility {
    code: "DPY-GCP-GKE-008",
    checkov: ["CKV_GCP_61"],
    title: "GKE cluster does not enable intranode visibility",
    severity: Low,
    reason: "trivy-checks has no intranode-visibility check; its VPC flow logs check AVD-GCP-0029 (google-compute-enable-vpc-flow-logs) is Low; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` sets `enable_intranode_visibility = true`.",
    remediation: "Set `enable_intranode_visibility = true`.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/intranode-visibility"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("enable_intranode_visibility")),
        "intranode visibility is not enabled",
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
                r#"{"enable_intranode_visibility":true}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"enable_intranode_visibility":{"$unknown":[]}}"#
            ),
            "unknown"
        );
    }
}
