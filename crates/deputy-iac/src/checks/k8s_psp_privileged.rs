//! DPY-K8S-040: PodSecurityPolicy admits privileged containers.
//!
//! # What it checks
//! A PodSecurityPolicy leaves `spec.privileged` unset or sets it to `false`.
//! PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept
//! for older clusters.
//!
//! # Why it matters
//! A privileged container is root on the node in all but name.
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
//!   privileged: true
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
//!   privileged: false
//! ```
//!
//! # Remediation
//! Set `privileged: false` (and migrate to Pod Security Admission's `restricted` level).
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspPrivileged {
    code: "DPY-K8S-040",
    checkov: ["CKV_K8S_2"],
    title: "PodSecurityPolicy admits privileged containers",
    severity: High,
    reason: "KICS \"PSP Set To Privileged\" is High; trivy-checks has no PodSecurityPolicy checks and rates the same setting on a pod (KSV-0017) High",
    targets: [(Kubernetes, "PodSecurityPolicy")],
    description: "A PodSecurityPolicy leaves `spec.privileged` unset or sets it to `false`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.",
    remediation: "Set `privileged: false` (and migrate to Pod Security Admission's `restricted` level).",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // An absent key admits nothing; any value but `false` admits it.
    match r.config.path("spec.privileged") {
        Some(v) if *v != Value::Bool(false) => {
            Verdict::fail("the policy does not set `privileged: false`")
        }
        _ => Verdict::Pass,
    }
}
