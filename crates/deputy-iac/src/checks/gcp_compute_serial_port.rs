//! DPY-GCP-COMPUTE-004: Compute instance enables the serial port console.
//!
//! # What it checks
//! A Compute instance or instance template does not set the metadata key `serial-port-enable` to true. A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.
//!
//! # Why it matters
//! The interactive serial console accepts connections from any IP address and bypasses firewall rules.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_compute_instance" "vm" {
//!   name         = "vm"
//!   machine_type = "e2-small"
//!   metadata = {
//!     serial-port-enable = true
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
//! }
//! ```
//!
//! # Remediation
//! Remove `serial-port-enable` from the metadata or set it to false.
//!
//! # References
//! - <https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console>

use super::aws::verdict;
use super::gcp_common::{left_to_template, must_not_be};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(SerialPortEnabled {
    code: "DPY-GCP-COMPUTE-004",
    checkov: ["CKV_GCP_35"],
    title: "Compute instance enables the serial port console",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0032 (google-compute-no-serial-port) is Medium; followed",
    targets: [
        (Terraform, "google_compute_instance"),
        (Terraform, "google_compute_instance_template"),
        (Terraform, "google_compute_instance_from_template")
    ],
    description: "A Compute instance or instance template does not set the metadata key `serial-port-enable` to true. A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.",
    remediation: "Remove `serial-port-enable` from the metadata or set it to false.",
    references: [
        "https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if left_to_template(&r.config, "metadata.serial-port-enable") {
        return Verdict::Unknown;
    }
    verdict(
        must_not_be(r.config.path("metadata.serial-port-enable"), Truth::True),
        "the serial port console is enabled",
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
        assert_eq!(
            judge(k, r#"{"metadata":{"serial-port-enable":true}}"#),
            "fail"
        );
        assert_eq!(
            judge(k, r#"{"metadata":{"serial-port-enable":false}}"#),
            "pass"
        );
        assert_eq!(
            judge(k, r#"{"metadata":{"serial-port-enable":{"$unknown":[]}}}"#),
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
