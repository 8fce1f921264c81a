//! DPY-GCP-COMPUTE-007: Compute instance accepts project-wide SSH keys.
//!
//! # What it checks
//! A Compute instance or instance template sets the metadata key `block-project-ssh-keys` to true. A `google_compute_instance_from_template` that leaves the key to its source template is undecided.
//!
//! # Why it matters
//! Project-wide SSH keys grant access to every instance in the project; blocking them limits a leaked key to the instances that list it.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_compute_instance" "vm" {
//!   name         = "vm"
//!   machine_type = "e2-small"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_compute_instance" "vm" {
//!   name         = "vm"
//!   machine_type = "e2-small"
//!   metadata = {
//!     block-project-ssh-keys = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `block-project-ssh-keys = true` in the instance metadata, or use OS Login.
//!
//! # References
//! - <https://cloud.google.com/compute/docs/connect/restrict-ssh-keys>

use super::aws::{must_be_true, verdict};
use super::gcp_common::left_to_template;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(BlockProjectSshKeys {
    code: "DPY-GCP-COMPUTE-007",
    checkov: ["CKV_GCP_32"],
    title: "Compute instance accepts project-wide SSH keys",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0030 (google-compute-no-project-wide-ssh-keys) is Medium; followed",
    targets: [
        (Terraform, "google_compute_instance"),
        (Terraform, "google_compute_instance_template"),
        (Terraform, "google_compute_instance_from_template")
    ],
    description: "A Compute instance or instance template sets the metadata key `block-project-ssh-keys` to true. A `google_compute_instance_from_template` that leaves the key to its source template is undecided.",
    remediation: "Set `block-project-ssh-keys = true` in the instance metadata, or use OS Login.",
    references: ["https://cloud.google.com/compute/docs/connect/restrict-ssh-keys"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if left_to_template(&r.config, "metadata.block-project-ssh-keys") {
        return Verdict::Unknown;
    }
    verdict(
        must_be_true(r.config.path("metadata.block-project-ssh-keys")),
        "project-wide SSH keys are not blocked",
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
        assert_eq!(judge("google_compute_instance", r#"{}"#), "fail");
        assert_eq!(
            judge(
                "google_compute_instance",
                r#"{"metadata":{"block-project-ssh-keys":"TRUE"}}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_compute_instance",
                r#"{"metadata":{"block-project-ssh-keys":false}}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_compute_instance",
                r#"{"metadata":{"block-project-ssh-keys":{"$unknown":[]}}}"#
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
