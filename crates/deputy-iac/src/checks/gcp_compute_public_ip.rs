//! DPY-GCP-COMPUTE-005: Compute instance has a public IP address.
//!
//! # What it checks
//! The first `network_interface` of a Compute instance or instance template has no `access_config` block (which gives it an external IP). A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.
//!
//! # Why it matters
//! An external IP puts the instance directly on the internet; private instances reached through a load balancer, IAP or Cloud NAT expose less.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_compute_instance" "vm" {
//!   name         = "vm"
//!   machine_type = "e2-small"
//!   network_interface {
//!     network = "default"
//!     access_config {}
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_compute_instance" "vm" {
//!   name         = "vm"
//!   machine_type = "e2-small"
//!   network_interface {
//!     network = "default"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Remove the `access_config` block; use Cloud NAT for outbound traffic and IAP or a load balancer for inbound.
//!
//! # References
//! - <https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address>

use super::aws::verdict;
use super::gcp_common::left_to_template;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(InstancePublicIp {
    code: "DPY-GCP-COMPUTE-005",
    checkov: ["CKV_GCP_40"],
    title: "Compute instance has a public IP address",
    severity: High,
    reason: "trivy-checks AVD-GCP-0031 (google-compute-no-public-ip) is High; followed",
    targets: [
        (Terraform, "google_compute_instance"),
        (Terraform, "google_compute_instance_template"),
        (Terraform, "google_compute_instance_from_template")
    ],
    description: "The first `network_interface` of a Compute instance or instance template has no `access_config` block (which gives it an external IP). A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.",
    remediation: "Remove the `access_config` block; use Cloud NAT for outbound traffic and IAP or a load balancer for inbound.",
    references: [
        "https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if left_to_template(&r.config, "network_interface") {
        return Verdict::Unknown;
    }
    let ok = match r.config.path("network_interface.access_config") {
        None | Some(Value::Null) => Truth::True,
        Some(Value::List(l)) if l.is_empty() => Truth::True,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(_) => Truth::False,
    };
    verdict(ok, "the instance has an external IP (access_config)")
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
        assert_eq!(
            judge(k, r#"{"network_interface":[{"network":"default"}]}"#),
            "pass"
        );
        assert_eq!(
            judge(k, r#"{"network_interface":[{"access_config":[{}]}]}"#),
            "fail"
        );
        assert_eq!(
            judge(
                k,
                r#"{"network_interface":[{"access_config":{"$unknown":[]}}]}"#
            ),
            "unknown"
        );
        assert_eq!(
            judge(
                "google_compute_instance_from_template",
                r#"{"source_instance_template":"t"}"#
            ),
            "unknown"
        );
    }
}
