//! DPY-K8S-042: PodSecurityPolicy admits the host network namespace.
//!
//! # What it checks
//! A PodSecurityPolicy leaves `spec.hostNetwork` unset or sets it to `false`.
//! PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept
//! for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` is judged the same way on `host_network` in
//! its `spec` block; an unresolved value gives no verdict.
//!
//! # Why it matters
//! Pods admitted with the host's network can sniff node traffic and bypass NetworkPolicies.
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
//!   hostNetwork: true
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
//!   hostNetwork: false
//! ```
//!
//! # Remediation
//! Set `hostNetwork: false` (and migrate to Pod Security Admission's `restricted` level).
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use super::k8s::{tf, tf_policy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspHostNetwork {
    code: "DPY-K8S-042",
    checkov: ["CKV_K8S_4"],
    title: "PodSecurityPolicy admits the host network namespace",
    severity: High,
    reason: "KICS \"PSP Allows Containers To Share The Host Network Namespace\" is High; trivy-checks has no PodSecurityPolicy checks and rates the same setting on a pod (KSV-0009) High",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy leaves `spec.hostNetwork` unset or sets it to `false`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` is judged the same way on `host_network` in its `spec` block; an unresolved value gives no verdict.",
    remediation: "Set `hostNetwork: false` (and migrate to Pod Security Admission's `restricted` level).",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return tf_policy::forbid_true(r, "host_network");
    }
    // An absent key admits nothing; any value but `false` admits it.
    match r.config.path("spec.hostNetwork") {
        Some(v) if *v != Value::Bool(false) => {
            Verdict::fail("the policy does not set `hostNetwork: false`")
        }
        _ => Verdict::Pass,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_verdicts() {
        let psp = |spec: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_pod_security_policy\" \"p\" {{\n  spec {{\n    {spec}\n  }}\n}}\n"
            ))
        };
        let cx = Cx { resources: &[] };
        assert_eq!(
            evaluate(&psp("host_network = true"), &cx),
            Verdict::fail("the policy sets `host_network = true`")
        );
        assert_eq!(evaluate(&psp("host_network = false"), &cx), Verdict::Pass);
        assert_eq!(evaluate(&psp("privileged = false"), &cx), Verdict::Pass);
        assert_eq!(
            evaluate(&psp("host_network = var.x"), &cx),
            Verdict::Unknown
        );
    }
}
