//! DPY-K8S-048: PodSecurityPolicy requires dropping no capabilities.
//!
//! # What it checks
//! A PodSecurityPolicy sets a non-empty `spec.requiredDropCapabilities`. PodSecurityPolicy
//! was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.
//!
//! # Why it matters
//! Without required drops every admitted container keeps the runtime's default capability
//! set.
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
//!   privileged: false
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
//! Set `requiredDropCapabilities: [ALL]`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use super::k8s::truthy;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PspRequiredDrop {
    code: "DPY-K8S-048",
    checkov: ["CKV_K8S_36"],
    title: "PodSecurityPolicy requires dropping no capabilities",
    severity: Low,
    reason: "KICS \"Not Limited Capabilities For Pod Security Policy\" is Info; trivy-checks has no PodSecurityPolicy checks and rates not dropping all capabilities on a pod (KSV-0003) Low. Low, as trivy: a policy that admits a setting is rated like the setting on a pod",
    targets: [(Kubernetes, "PodSecurityPolicy")],
    description: "A PodSecurityPolicy sets a non-empty `spec.requiredDropCapabilities`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.",
    remediation: "Set `requiredDropCapabilities: [ALL]`.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if truthy(r.config.path("spec.requiredDropCapabilities")) {
        Verdict::Pass
    } else {
        Verdict::fail("the policy requires dropping no capabilities")
    }
}
