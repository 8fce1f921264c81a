//! DPY-GCP-COMPUTE-002: Compute instance has IP forwarding enabled.
//!
//! # What it checks
//! A Compute instance or instance template does not set `can_ip_forward = true`. Instances named `gke-…` (GKE nodes, which need forwarding) pass. A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.
//!
//! # Why it matters
//! An instance that forwards packets not addressed to it can route traffic around firewall rules and act as a pivot between networks.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_compute_instance" "vm" {
//!   name           = "vm"
//!   machine_type   = "e2-small"
//!   can_ip_forward = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_compute_instance" "vm" {
//!   name           = "vm"
//!   machine_type   = "e2-small"
//!   can_ip_forward = false
//! }
//! ```
//!
//! # Remediation
//! Remove `can_ip_forward` or set it to `false` unless the instance is a router or NAT appliance.
//!
//! # References
//! - <https://cloud.google.com/vpc/docs/using-routes#canipforward>

use super::aws::verdict;
use super::gcp_common::{left_to_template, must_not_be};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(IpForwarding {
    code: "DPY-GCP-COMPUTE-002",
    checkov: ["CKV_GCP_36"],
    title: "Compute instance has IP forwarding enabled",
    severity: High,
    reason: "trivy-checks AVD-GCP-0043 (google-compute-no-ip-forwarding) is High; followed",
    targets: [
        (Terraform, "google_compute_instance"),
        (Terraform, "google_compute_instance_template"),
        (Terraform, "google_compute_instance_from_template")
    ],
    description: "A Compute instance or instance template does not set `can_ip_forward = true`. Instances named `gke-…` (GKE nodes, which need forwarding) pass. A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.",
    remediation: "Remove `can_ip_forward` or set it to `false` unless the instance is a router or NAT appliance.",
    references: ["https://cloud.google.com/vpc/docs/using-routes#canipforward"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if r.config
        .get("name")
        .and_then(|n| n.as_str())
        .is_some_and(|n| n.starts_with("gke-"))
    {
        return Verdict::Pass;
    }
    if left_to_template(&r.config, "can_ip_forward") {
        return Verdict::Unknown;
    }
    verdict(
        must_not_be(r.config.get("can_ip_forward"), Truth::True),
        "IP forwarding is enabled",
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
        let k = "google_compute_instance";
        assert_eq!(judge(k, "{}"), "pass");
        assert_eq!(judge(k, r#"{"can_ip_forward":true}"#), "fail");
        assert_eq!(
            judge(k, r#"{"name":"gke-node","can_ip_forward":true}"#),
            "pass"
        );
        assert_eq!(judge(k, r#"{"can_ip_forward":{"$unknown":[]}}"#), "unknown");
        assert_eq!(
            judge(
                "google_compute_instance_from_template",
                r#"{"source_instance_template":"t"}"#
            ),
            "unknown"
        );
    }
}
