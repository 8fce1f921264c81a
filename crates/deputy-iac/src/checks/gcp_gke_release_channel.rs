//! DPY-GCP-GKE-014: GKE cluster has no release channel.
//!
//! # What it checks
//! A `google_container_cluster` sets `release_channel { channel = … }`.
//!
//! # Why it matters
//! A release channel keeps the control plane and nodes on supported, patched versions automatically.
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
//!   release_channel {
//!     channel = "REGULAR"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `release_channel { channel = "REGULAR" }` (or `STABLE`/`RAPID`).
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GkeReleaseChannel {
    code: "DPY-GCP-GKE-014",
    checkov: ["CKV_GCP_70"],
    title: "GKE cluster has no release channel",
    severity: Low,
    reason: "trivy-checks has no release channel check; Low, as it rates node auto-upgrade (AVD-GCP-0058) Low",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` sets `release_channel { channel = … }`.",
    remediation: "Add `release_channel { channel = \"REGULAR\" }` (or `STABLE`/`RAPID`).",
    references: ["https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.path("release_channel.channel")),
        "no release channel is set",
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
                r#"{"release_channel":[{"channel":"REGULAR"}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_container_cluster",
                r#"{"release_channel":[{"channel":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
    }
}
