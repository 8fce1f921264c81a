//! DPY-GCP-NET-001: Subnetwork does not enable Private Google Access.
//!
//! # What it checks
//! A `google_compute_subnetwork` sets `private_ip_google_access = true`. Proxy-only subnets (`purpose` `INTERNAL_HTTPS_LOAD_BALANCER`, `REGIONAL_MANAGED_PROXY`, `GLOBAL_MANAGED_PROXY`) are not judged.
//!
//! # Why it matters
//! Private Google Access lets instances without external IPs reach Google APIs, so they need no public address.
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
//!   name                     = "subnet"
//!   ip_cidr_range            = "10.0.0.0/24"
//!   network                  = google_compute_network.net.id
//!   private_ip_google_access = true
//! }
//! ```
//!
//! # Remediation
//! Set `private_ip_google_access = true`.
//!
//! # References
//! - <https://cloud.google.com/vpc/docs/private-google-access>

use super::aws::{must_be_true, verdict};
use super::gcp_common::proxy_only_subnet;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SubnetPrivateGoogleAccess {
    code: "DPY-GCP-NET-001",
    checkov: ["CKV_GCP_74"],
    title: "Subnetwork does not enable Private Google Access",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0075 (google-compute-enable-subnetwork-private-google-access) is Low; followed",
    targets: [(Terraform, "google_compute_subnetwork")],
    description: "A `google_compute_subnetwork` sets `private_ip_google_access = true`. Proxy-only subnets (`purpose` `INTERNAL_HTTPS_LOAD_BALANCER`, `REGIONAL_MANAGED_PROXY`, `GLOBAL_MANAGED_PROXY`) are not judged.",
    remediation: "Set `private_ip_google_access = true`.",
    references: ["https://cloud.google.com/vpc/docs/private-google-access"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if proxy_only_subnet(&r.config) {
        return Verdict::Unknown;
    }
    verdict(
        must_be_true(r.config.get("private_ip_google_access")),
        "Private Google Access is not enabled",
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
        assert_eq!(judge(k, r#"{"private_ip_google_access":true}"#), "pass");
        assert_eq!(
            judge(k, r#"{"purpose":"REGIONAL_MANAGED_PROXY"}"#),
            "unknown"
        );
        assert_eq!(
            judge(k, r#"{"private_ip_google_access":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
