//! DPY-GCP-GKE-004: GKE control plane is open to the internet.
//!
//! # What it checks
//! No `master_authorized_networks_config { cidr_blocks { cidr_block = … } }` of a `google_container_cluster` contains `0.0.0.0/0`.
//!
//! # Why it matters
//! A control plane that authorizes every address can be attacked from anywhere on the internet.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//!   master_authorized_networks_config {
//!     cidr_blocks {
//!       cidr_block = "0.0.0.0/0"
//!     }
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//!   master_authorized_networks_config {
//!     cidr_blocks {
//!       cidr_block = "203.0.113.0/24"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Authorize only the networks that administer the cluster, or make the endpoint private.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(GkePublicControlPlane {
    code: "DPY-GCP-GKE-004",
    checkov: ["CKV_GCP_18"],
    title: "GKE control plane is open to the internet",
    severity: High,
    reason: "trivy-checks AVD-GCP-0053 (google-gke-no-public-control-plane) is High; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "No `master_authorized_networks_config { cidr_blocks { cidr_block = … } }` of a `google_container_cluster` contains `0.0.0.0/0`.",
    remediation: "Authorize only the networks that administer the cluster, or make the endpoint private.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let Some(blocks) = r
        .config
        .path("master_authorized_networks_config.cidr_blocks")
    else {
        return Verdict::Pass;
    };
    let mut ok = if blocks.is_unknown() {
        Truth::Unknown
    } else {
        Truth::True
    };
    for block in blocks.items() {
        match block.get("cidr_block") {
            Some(Value::String(s)) if s.contains("0.0.0.0/0") => {
                return Verdict::fail("the control plane authorizes 0.0.0.0/0");
            }
            Some(Value::Unknown(_)) => ok = Truth::Unknown,
            _ => {}
        }
    }
    verdict(ok, "the control plane authorizes 0.0.0.0/0")
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
                r#"{"master_authorized_networks_config":[{"cidr_blocks":[{"cidr_block":"0.0.0.0/0"}]}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"master_authorized_networks_config":[{"cidr_blocks":[{"cidr_block":"10.0.0.0/8"}]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"master_authorized_networks_config":[{"cidr_blocks":[{"cidr_block":{"$unknown":[]}}]}]}"#
            ),
            "unknown"
        );
    }
}
