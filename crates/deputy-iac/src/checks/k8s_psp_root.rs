//! DPY-K8S-044: PodSecurityPolicy admits root containers.
//!
//! # What it checks
//! A PodSecurityPolicy's `spec.runAsUser.rule` is `MustRunAsNonRoot`, or `MustRunAs` with
//! no range starting at 0. PodSecurityPolicy was removed in Kubernetes 1.25; the check
//! still reads policies kept for older clusters.
//!
//! # Why it matters
//! Admitted root containers are root on the node after any escape, and own every volume
//! they mount.
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
//!   runAsUser: {rule: RunAsAny}
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
//!   runAsUser: {rule: MustRunAsNonRoot}
//! ```
//!
//! # Remediation
//! Set `runAsUser.rule: MustRunAsNonRoot`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspRunAsRoot {
    code: "DPY-K8S-044",
    checkov: ["CKV_K8S_6"],
    title: "PodSecurityPolicy admits root containers",
    severity: Medium,
    reason: "KICS \"Root Containers Admitted\" is Medium; trivy-checks has no PodSecurityPolicy checks and rates root containers on a pod (KSV-0012) Medium",
    targets: [(Kubernetes, "PodSecurityPolicy")],
    description: "A PodSecurityPolicy's `spec.runAsUser.rule` is `MustRunAsNonRoot`, or `MustRunAs` with no range starting at 0. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.",
    remediation: "Set `runAsUser.rule: MustRunAsNonRoot`.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let fail = || Verdict::fail("the policy admits containers running as root");
    let Some(run_as) = r.config.path("spec.runAsUser") else {
        return fail();
    };
    match run_as.get("rule").and_then(Value::as_str) {
        Some("MustRunAsNonRoot") => Verdict::Pass,
        Some("MustRunAs") if run_as.get("ranges").is_some() => {
            let root = run_as
                .get("ranges")
                .into_iter()
                .flat_map(Value::items)
                .any(|range| range.get("min").and_then(Value::as_f64) == Some(0.0));
            if root { fail() } else { Verdict::Pass }
        }
        _ => fail(),
    }
}
