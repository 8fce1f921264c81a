//! DPY-GCP-GKE-006: GKE cluster does not use alias IP ranges.
//!
//! # What it checks
//! A `google_container_cluster` has an `ip_allocation_policy` block (VPC-native cluster with alias IP ranges).
//!
//! # Why it matters
//! VPC-native clusters give pods routable addresses that firewall rules and anti-spoofing checks apply to.
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
//!   ip_allocation_policy {}
//! }
//! ```
//!
//! # Remediation
//! Add an `ip_allocation_policy` block.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/concepts/alias-ips>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GkeAliasIp {
    code: "DPY-GCP-GKE-006",
    checkov: ["CKV_GCP_23"],
    title: "GKE cluster does not use alias IP ranges",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0049 (google-gke-enable-ip-aliasing) is Low; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` has an `ip_allocation_policy` block (VPC-native cluster with alias IP ranges).",
    remediation: "Add an `ip_allocation_policy` block.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/concepts/alias-ips"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("ip_allocation_policy")),
        "alias IP ranges are not used",
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
                r#"{"ip_allocation_policy":[{"cluster_secondary_range_name":"pods"}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"ip_allocation_policy":{"$unknown":[]}}"#
            ),
            "unknown"
        );
    }
}
