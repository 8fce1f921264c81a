//! DPY-K8S-046: PodSecurityPolicy allows added capabilities.
//!
//! # What it checks
//! A PodSecurityPolicy sets no `spec.allowedCapabilities`. PodSecurityPolicy was removed in
//! Kubernetes 1.25; the check still reads policies kept for older clusters.
//!
//! # Why it matters
//! Each allowed capability is one an admitted container may add to widen what a compromise
//! can do.
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
//!   allowedCapabilities: [NET_ADMIN]
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
//! Remove `allowedCapabilities`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use super::k8s::truthy;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PspAllowedCapabilities {
    code: "DPY-K8S-046",
    checkov: ["CKV_K8S_24"],
    title: "PodSecurityPolicy allows added capabilities",
    severity: Medium,
    reason: "KICS \"PSP With Added Capabilities\" is High; trivy-checks has no PodSecurityPolicy checks and rates added capabilities on a pod (KSV-0022) Medium. Medium, as trivy: a policy that admits a setting is rated like the setting on a pod",
    targets: [(Kubernetes, "PodSecurityPolicy")],
    description: "A PodSecurityPolicy sets no `spec.allowedCapabilities`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.",
    remediation: "Remove `allowedCapabilities`.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let spec = r.config.get("spec").filter(|s| truthy(Some(s)));
    if spec.is_some_and(|s| truthy(s.get("allowedCapabilities"))) {
        Verdict::fail("the policy allows containers to add capabilities")
    } else {
        Verdict::Pass
    }
}
