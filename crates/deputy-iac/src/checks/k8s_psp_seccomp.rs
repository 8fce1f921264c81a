//! DPY-K8S-047: PodSecurityPolicy sets no default seccomp profile.
//!
//! # What it checks
//! A PodSecurityPolicy's `seccomp.security.alpha.kubernetes.io/defaultProfileName`
//! annotation names `runtime/default` or `docker/default`. PodSecurityPolicy was removed in
//! Kubernetes 1.25; the check still reads policies kept for older clusters.
//!
//! # Why it matters
//! Without a default seccomp profile admitted containers may call every system call,
//! including those kernel exploits rely on.
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
//!   annotations:
//!     seccomp.security.alpha.kubernetes.io/defaultProfileName: runtime/default
//! spec:
//!   privileged: false
//! ```
//!
//! # Remediation
//! Annotate the policy with `seccomp.security.alpha.kubernetes.io/defaultProfileName:
//! runtime/default`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspSeccomp {
    code: "DPY-K8S-047",
    checkov: ["CKV_K8S_32"],
    title: "PodSecurityPolicy sets no default seccomp profile",
    severity: Medium,
    reason: "KICS \"Seccomp Profile Is Not Configured\" is Medium; trivy-checks has no PodSecurityPolicy checks and rates a disabled seccomp profile on a pod (KSV-0104) Medium",
    targets: [(Kubernetes, "PodSecurityPolicy")],
    description: "A PodSecurityPolicy's `seccomp.security.alpha.kubernetes.io/defaultProfileName` annotation names `runtime/default` or `docker/default`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.",
    remediation: "Annotate the policy with `seccomp.security.alpha.kubernetes.io/defaultProfileName: runtime/default`.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let annotated = r
        .config
        .path("metadata.annotations")
        .and_then(Value::as_map)
        .is_some_and(|a| {
            a.iter().any(|(k, v)| {
                k.contains("seccomp.security.alpha.kubernetes.io/defaultProfileName")
                    && v.as_str().is_some_and(|v| {
                        v.contains("docker/default") || v.contains("runtime/default")
                    })
            })
        });
    if annotated {
        Verdict::Pass
    } else {
        Verdict::fail("the policy sets no runtime/default seccomp profile")
    }
}
