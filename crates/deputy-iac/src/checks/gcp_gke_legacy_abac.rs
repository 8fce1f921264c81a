//! DPY-GCP-GKE-013: GKE cluster enables legacy ABAC authorization.
//!
//! # What it checks
//! A `google_container_cluster` does not set `enable_legacy_abac = true`.
//!
//! # Why it matters
//! Legacy ABAC grants broad, hard-to-audit permissions and bypasses Kubernetes RBAC.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//!   enable_legacy_abac = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_container_cluster" "gke" {
//!   name     = "gke"
//!   location = "us-central1"
//! }
//! ```
//!
//! # Remediation
//! Remove `enable_legacy_abac` or set it to false, and use RBAC.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110>

use super::aws::verdict;
use super::gcp_common::must_not_be;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(GkeLegacyAbac {
    code: "DPY-GCP-GKE-013",
    checkov: ["CKV_GCP_7"],
    title: "GKE cluster enables legacy ABAC authorization",
    severity: High,
    reason: "trivy-checks AVD-GCP-0062 (google-gke-use-rbac-permissions) is High; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` does not set `enable_legacy_abac = true`.",
    remediation: "Remove `enable_legacy_abac` or set it to false, and use RBAC.",
    references: [
        "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_not_be(r.config.get("enable_legacy_abac"), Truth::True),
        "legacy ABAC is enabled",
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
        assert_eq!(judge("google_container_cluster", r#"{}"#), "pass");
        assert_eq!(
            judge("google_container_cluster", r#"{"enable_legacy_abac":true}"#),
            "fail"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"enable_legacy_abac":false}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"enable_legacy_abac":{"$unknown":[]}}"#
            ),
            "unknown"
        );
    }
}
