//! DPY-GCP-COMPUTE-001: Compute instance is not a Shielded VM.
//!
//! # What it checks
//! A Compute instance or instance template has a `shielded_instance_config` block that does not turn off `enable_vtpm` or `enable_integrity_monitoring`. A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.
//!
//! # Why it matters
//! Shielded VMs verify the boot chain with a virtual TPM and report integrity changes, defending against rootkits and boot-level malware.
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
//!   shielded_instance_config {
//!     enable_vtpm                 = true
//!     enable_integrity_monitoring = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add `shielded_instance_config` with `enable_vtpm` and `enable_integrity_monitoring` left on (and a Shielded VM image).
//!
//! # References
//! - <https://cloud.google.com/compute/shielded-vm/docs/shielded-vm>

use super::aws::verdict;
use super::gcp_common::left_to_template;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(ShieldedVm {
    code: "DPY-GCP-COMPUTE-001",
    checkov: ["CKV_GCP_39"],
    title: "Compute instance is not a Shielded VM",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0041 (vTPM) and AVD-GCP-0045 (integrity monitoring) are Medium; followed",
    targets: [
        (Terraform, "google_compute_instance"),
        (Terraform, "google_compute_instance_template"),
        (Terraform, "google_compute_instance_from_template")
    ],
    description: "A Compute instance or instance template has a `shielded_instance_config` block that does not turn off `enable_vtpm` or `enable_integrity_monitoring`. A `google_compute_instance_from_template` that leaves the setting to its source template is undecided.",
    remediation: "Add `shielded_instance_config` with `enable_vtpm` and `enable_integrity_monitoring` left on (and a Shielded VM image).",
    references: ["https://cloud.google.com/compute/shielded-vm/docs/shielded-vm"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if left_to_template(&r.config, "shielded_instance_config") {
        return Verdict::Unknown;
    }
    let Some(config) = r.config.get("shielded_instance_config") else {
        return Verdict::fail("no shielded_instance_config block");
    };
    let block = match config {
        Value::List(items) => items.first(),
        other => Some(other),
    };
    let Some(block) = block else {
        return Verdict::fail("no shielded_instance_config block");
    };
    if block.is_unknown() {
        return Verdict::Unknown;
    }
    let mut ok = Truth::True;
    for key in ["enable_vtpm", "enable_integrity_monitoring"] {
        match block.get(key) {
            Some(Value::Unknown(_)) => ok = Truth::Unknown,
            Some(v) if v.truth() == Truth::False => {
                return Verdict::fail(format!("{key} is turned off"));
            }
            _ => {}
        }
    }
    verdict(ok, "Shielded VM features are turned off")
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
        assert_eq!(judge(k, "{}"), "fail");
        assert_eq!(judge(k, r#"{"shielded_instance_config":[{}]}"#), "pass");
        assert_eq!(
            judge(k, r#"{"shielded_instance_config":[{"enable_vtpm":false}]}"#),
            "fail"
        );
        assert_eq!(
            judge(
                k,
                r#"{"shielded_instance_config":[{"enable_integrity_monitoring":{"$unknown":[]}}]}"#
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
