//! DPY-GCP-NET-002: Subnetwork does not enable VPC Flow Logs.
//!
//! # What it checks
//! A `google_compute_subnetwork` has a `log_config` block. Proxy-only subnets (`purpose` `INTERNAL_HTTPS_LOAD_BALANCER`, `REGIONAL_MANAGED_PROXY`, `GLOBAL_MANAGED_PROXY`) are not judged.
//!
//! # Why it matters
//! Flow logs record the traffic in the subnet, which network monitoring and incident investigation depend on.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_compute_subnetwork" "subnet" {
//!   name          = "subnet"
//!   ip_cidr_range = "10.0.0.0/24"
//!   network       = google_compute_network.net.id
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_compute_subnetwork" "subnet" {
//!   name          = "subnet"
//!   ip_cidr_range = "10.0.0.0/24"
//!   network       = google_compute_network.net.id
//!   log_config {
//!     aggregation_interval = "INTERVAL_10_MIN"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `log_config` block to the subnetwork.
//!
//! # References
//! - <https://cloud.google.com/vpc/docs/using-flow-logs>

use super::aws::{must_be_set, verdict};
use super::gcp_common::proxy_only_subnet;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SubnetFlowLogs {
    code: "DPY-GCP-NET-002",
    checkov: ["CKV_GCP_26"],
    title: "Subnetwork does not enable VPC Flow Logs",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0076 (google-compute-enable-subnetwork-flow-logs) is Medium; followed",
    targets: [(Terraform, "google_compute_subnetwork")],
    description: "A `google_compute_subnetwork` has a `log_config` block. Proxy-only subnets (`purpose` `INTERNAL_HTTPS_LOAD_BALANCER`, `REGIONAL_MANAGED_PROXY`, `GLOBAL_MANAGED_PROXY`) are not judged.",
    remediation: "Add a `log_config` block to the subnetwork.",
    references: ["https://cloud.google.com/vpc/docs/using-flow-logs"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if proxy_only_subnet(&r.config) {
        return Verdict::Unknown;
    }
    verdict(
        must_be_set(r.config.get("log_config")),
        "flow logs are not enabled",
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
        let k = "google_compute_subnetwork";
        assert_eq!(judge(k, "{}"), "fail");
        assert_eq!(
            judge(
                k,
                r#"{"log_config":[{"aggregation_interval":"INTERVAL_10_MIN"}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(k, r#"{"purpose":"INTERNAL_HTTPS_LOAD_BALANCER"}"#),
            "unknown"
        );
    }
}
