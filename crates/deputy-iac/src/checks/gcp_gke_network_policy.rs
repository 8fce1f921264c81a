//! DPY-GCP-GKE-001: GKE cluster does not enforce network policy.
//!
//! # What it checks
//! A `google_container_cluster` sets `network_policy { enabled = true }`, or sets `enabled = false` with `datapath_provider = "ADVANCED_DATAPATH"` (Dataplane V2 enforces policies itself).
//!
//! # Why it matters
//! Without network policy enforcement every pod can reach every other pod, so one compromised workload can reach the rest of the cluster.
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
//!   network_policy {
//!     enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable `network_policy`, or use Dataplane V2 (`datapath_provider = "ADVANCED_DATAPATH"`).
//!
//! # References
//! - <https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(GkeNetworkPolicy {
    code: "DPY-GCP-GKE-001",
    checkov: ["CKV_GCP_12"],
    title: "GKE cluster does not enforce network policy",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0056 (google-gke-enable-network-policy) is Medium; followed",
    targets: [(Terraform, "google_container_cluster")],
    description: "A `google_container_cluster` sets `network_policy { enabled = true }`, or sets `enabled = false` with `datapath_provider = \"ADVANCED_DATAPATH\"` (Dataplane V2 enforces policies itself).",
    remediation: "Enable `network_policy`, or use Dataplane V2 (`datapath_provider = \"ADVANCED_DATAPATH\"`).",
    references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.path("network_policy.enabled") {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == Truth::True => Truth::True,
        Some(_) => match r.config.get("datapath_provider") {
            Some(Value::String(s)) if s == "ADVANCED_DATAPATH" => Truth::True,
            Some(Value::Unknown(_)) => Truth::Unknown,
            _ => Truth::False,
        },
    };
    verdict(ok, "network policy is not enforced")
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
        let k = "google_container_cluster";
        assert_eq!(judge(k, "{}"), "fail");
        assert_eq!(judge(k, r#"{"network_policy":[{"enabled":true}]}"#), "pass");
        assert_eq!(
            judge(
                k,
                r#"{"network_policy":[{"enabled":false}],"datapath_provider":"ADVANCED_DATAPATH"}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(k, r#"{"network_policy":[{"enabled":false}]}"#),
            "fail"
        );
        assert_eq!(
            judge(k, r#"{"network_policy":[{"enabled":{"$unknown":[]}}]}"#),
            "unknown"
        );
    }
}
