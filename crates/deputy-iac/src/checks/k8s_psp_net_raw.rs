//! DPY-K8S-045: PodSecurityPolicy does not drop NET_RAW.
//!
//! # What it checks
//! A PodSecurityPolicy's `spec.requiredDropCapabilities` includes `ALL` or `NET_RAW`.
//! PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept
//! for older clusters.
//!
//! # Why it matters
//! NET_RAW lets admitted containers spoof packets (ARP, DNS) against their neighbours.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! apiVersion: policy/v1beta1
//! kind: PodSecurityPolicy
//! metadata:
//!   name: restricted
//! spec:
//!   requiredDropCapabilities: [SETUID]
//! ```
//!
//! Good:
//!
//! ```yaml
//! apiVersion: policy/v1beta1
//! kind: PodSecurityPolicy
//! metadata:
//!   name: restricted
//! spec:
//!   requiredDropCapabilities: [ALL]
//! ```
//!
//! # Remediation
//! Add `ALL` (or `NET_RAW`) to `requiredDropCapabilities`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspDropNetRaw {
    code: "DPY-K8S-045",
    checkov: ["CKV_K8S_7"],
    title: "PodSecurityPolicy does not drop NET_RAW",
    severity: Medium,
    reason: "KICS \"NET_RAW Capabilities Disabled for PSP\" is Medium; trivy-checks has no PodSecurityPolicy checks",
    targets: [(Kubernetes, "PodSecurityPolicy")],
    description: "A PodSecurityPolicy's `spec.requiredDropCapabilities` includes `ALL` or `NET_RAW`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.",
    remediation: "Add `ALL` (or `NET_RAW`) to `requiredDropCapabilities`.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let drops = match r.config.path("spec.requiredDropCapabilities") {
        Some(Value::List(caps)) => caps
            .iter()
            .any(|c| matches!(c.as_str(), Some("ALL" | "NET_RAW"))),
        _ => false,
    };
    if drops {
        Verdict::Pass
    } else {
        Verdict::fail("the policy does not require dropping NET_RAW")
    }
}
