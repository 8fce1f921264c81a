//! DPY-GCP-GKE-003: GKE cluster does not turn off client certificate authentication.
//!
//! # What it checks
//! A `google_container_cluster` sets `master_auth { client_certificate_config { issue_client_certificate = false } }`.
//!
//! # Why it matters
//! Client certificates are a legacy authentication method: they cannot be revoked short of rotating the cluster's credentials.
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
//!   master_auth {
//!     client_certificate_config {
//!       issue_client_certificate = false
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `issue_client_certificate = false` and authenticate with Google identities.
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#restrict_authn_methods>

use super::aws::{must_be_false, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GkeClientCertificate {
    code: "DPY-GCP-GKE-003",
    checkov: ["CKV_GCP_13"],
    title: "GKE cluster does not turn off client certificate authentication",
    severity: High,
    reason: "trivy-checks AVD-GCP-0064 (google-gke-no-legacy-authentication, which covers client certificates) is High; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` sets `master_auth { client_certificate_config { issue_client_certificate = false } }`.",
    remediation: "Set `issue_client_certificate = false` and authenticate with Google identities.",
    references: [
        "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#restrict_authn_methods"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_false(
            r.config
                .path("master_auth.client_certificate_config.issue_client_certificate"),
        ),
        "client certificate issuance is not turned off",
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
                r#"{"master_auth":[{"client_certificate_config":[{"issue_client_certificate":false}]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"master_auth":[{"client_certificate_config":[{"issue_client_certificate":true}]}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"master_auth":[{"client_certificate_config":[{"issue_client_certificate":{"$unknown":[]}}]}]}"#
            ),
            "unknown"
        );
    }
}
