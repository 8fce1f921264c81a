//! DPY-GCP-FW-002: Compute firewall allows RDP (port 3389) from the internet.
//!
//! # What it checks
//! `google_compute_firewall` has no `allow` block whose `ports` include 3389 (alone or in a range such as `"3388-3390"`) while `source_ranges` holds `0.0.0.0/0`.
//!
//! # Why it matters
//! A rule that admits port 3389 from any address exposes the RDP service on every instance it targets to the whole internet.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_compute_firewall" "open" {
//!   name          = "open"
//!   network       = "default"
//!   source_ranges = ["0.0.0.0/0"]
//!   allow {
//!     protocol = "tcp"
//!     ports    = ["3389"]
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_compute_firewall" "internal" {
//!   name          = "internal"
//!   network       = "default"
//!   source_ranges = ["10.0.0.0/8"]
//!   allow {
//!     protocol = "tcp"
//!     ports    = ["3389"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Restrict `source_ranges` to the networks that need port 3389, or front the service with a proxy such as Identity-Aware Proxy.
//!
//! # References
//! - <https://cloud.google.com/firewall/docs/firewalls>

use super::aws::verdict;
use super::gcp_common::firewall_opens_port;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(FwIngressRdp {
    code: "DPY-GCP-FW-002",
    checkov: ["CKV_GCP_3"],
    title: "Compute firewall allows RDP (port 3389) from the internet",
    severity: High,
    reason: "trivy-checks AVD-GCP-0070 (no-open-rdp-access) is High; followed",
    targets: [(Terraform, "google_compute_firewall")],
    description: "`google_compute_firewall` has no `allow` block whose `ports` include 3389 (alone or in a range such as `\"3388-3390\"`) while `source_ranges` holds `0.0.0.0/0`.",
    remediation: "Restrict `source_ranges` to the networks that need port 3389, or front the service with a proxy such as Identity-Aware Proxy.",
    references: ["https://cloud.google.com/firewall/docs/firewalls"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let closed = match firewall_opens_port(&r.config, 3389) {
        Truth::True => Truth::False,
        Truth::False => Truth::True,
        Truth::Unknown => Truth::Unknown,
    };
    verdict(closed, "port 3389 is open to 0.0.0.0/0")
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
        let kind = "google_compute_firewall";
        assert_eq!(
            judge(
                kind,
                r#"{"source_ranges":["0.0.0.0/0"],"allow":[{"ports":["3389"]}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                kind,
                r#"{"source_ranges":["0.0.0.0/0"],"allow":[{"ports":["3388-3390"]}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                kind,
                r#"{"source_ranges":["10.0.0.0/8"],"allow":[{"ports":["3389"]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                kind,
                r#"{"source_ranges":["0.0.0.0/0"],"allow":[{"ports":["1"]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                kind,
                r#"{"source_ranges":{"$unknown":[]},"allow":[{"ports":["3389"]}]}"#
            ),
            "unknown"
        );
    }
}
