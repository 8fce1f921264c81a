//! DPY-GCP-GKE-010: GKE cluster does not use Google Groups for RBAC.
//!
//! # What it checks
//! A `google_container_cluster` sets `authenticator_groups_config { security_group = … }`.
//!
//! # Why it matters
//! Granting Kubernetes roles to Google Groups keeps cluster access in line with group membership, instead of per-user bindings that outlive a person's role.
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
//!   authenticator_groups_config {
//!     security_group = "gke-security-groups@example.com"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `authenticator_groups_config.security_group` to your `gke-security-groups` group.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/google-groups-rbac>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GkeGoogleGroupsRbac {
    code: "DPY-GCP-GKE-010",
    checkov: ["CKV_GCP_65"],
    title: "GKE cluster does not use Google Groups for RBAC",
    severity: Low,
    reason: "trivy-checks has no check for Google Groups for RBAC; Low: it eases access management rather than closing an exposure",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` sets `authenticator_groups_config { security_group = … }`.",
    remediation: "Set `authenticator_groups_config.security_group` to your `gke-security-groups` group.",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/google-groups-rbac"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.path("authenticator_groups_config.security_group")),
        "Google Groups for RBAC is not configured",
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
                r#"{"authenticator_groups_config":[{"security_group":"gke-security-groups@example.com"}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"authenticator_groups_config":[{"security_group":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
    }
}
