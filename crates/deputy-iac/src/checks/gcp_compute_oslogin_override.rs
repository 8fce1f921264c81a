//! DPY-GCP-COMPUTE-003: Compute instance turns off OS Login.
//!
//! # What it checks
//! A Compute instance or instance template does not set the metadata key `enable-oslogin` to false, which would override the project's OS Login setting. A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.
//!
//! # Why it matters
//! OS Login ties SSH access to IAM identities; an instance that turns it off falls back to unmanaged SSH keys.
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
//!     enable-oslogin = false
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
//!   metadata = {
//!     enable-oslogin = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Remove `enable-oslogin = false` from the instance metadata and enable OS Login at project level.
//!
//! # References
//! - <https://cloud.google.com/compute/docs/oslogin/set-up-oslogin>

use super::aws::verdict;
use super::gcp_common::{left_to_template, must_not_be};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(OsLoginOverride {
    code: "DPY-GCP-COMPUTE-003",
    checkov: ["CKV_GCP_34"],
    title: "Compute instance turns off OS Login",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0036 (google-compute-no-oslogin-override) is Medium; followed",
    targets: [
        (Terraform, "google_compute_instance"),
        (Terraform, "google_compute_instance_template"),
        (Terraform, "google_compute_instance_from_template")
    ],
    description: "A Compute instance or instance template does not set the metadata key `enable-oslogin` to false, which would override the project's OS Login setting. A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.",
    remediation: "Remove `enable-oslogin = false` from the instance metadata and enable OS Login at project level.",
    references: ["https://cloud.google.com/compute/docs/oslogin/set-up-oslogin"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if left_to_template(&r.config, "metadata.enable-oslogin") {
        return Verdict::Unknown;
    }
    verdict(
        must_not_be(r.config.path("metadata.enable-oslogin"), Truth::False),
        "OS Login is turned off in the instance metadata",
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
        assert_eq!(judge(k, r#"{"metadata":{"enable-oslogin":false}}"#), "fail");
        assert_eq!(
            judge(k, r#"{"metadata":{"enable-oslogin":"TRUE"}}"#),
            "pass"
        );
        assert_eq!(
            judge(k, r#"{"metadata":{"enable-oslogin":{"$unknown":[]}}}"#),
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
