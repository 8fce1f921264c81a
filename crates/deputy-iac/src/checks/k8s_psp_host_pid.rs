//! DPY-K8S-039: PodSecurityPolicy admits the host PID namespace.
//!
//! # What it checks
//! A PodSecurityPolicy leaves `spec.hostPID` unset or sets it to `false`. PodSecurityPolicy
//! was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` is judged the same way on `host_pid` in its
//! `spec` block; an unresolved value gives no verdict.
//!
//! # Why it matters
//! Pods admitted with the host's PID namespace see and can signal every process on the
//! node.
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
//!   hostPID: true
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
//!   hostPID: false
//! ```
//!
//! # Remediation
//! Set `hostPID: false` (and migrate to Pod Security Admission's `restricted` level).
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use super::k8s::{tf, tf_policy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspHostPid {
    code: "DPY-K8S-039",
    checkov: ["CKV_K8S_1"],
    title: "PodSecurityPolicy admits the host PID namespace",
    severity: High,
    reason: "KICS \"PSP Allows Sharing Host PID\" is Medium; trivy-checks has no PodSecurityPolicy checks and rates the same setting on a pod (KSV-0010) High. High, as trivy: a policy that admits a setting is rated like the setting on a pod",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy leaves `spec.hostPID` unset or sets it to `false`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` is judged the same way on `host_pid` in its `spec` block; an unresolved value gives no verdict.",
    remediation: "Set `hostPID: false` (and migrate to Pod Security Admission's `restricted` level).",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return tf_policy::forbid_true(r, "host_pid");
    }
    // An absent key admits nothing; any value but `false` admits it.
    match r.config.path("spec.hostPID") {
        Some(v) if *v != Value::Bool(false) => {
            Verdict::fail("the policy does not set `hostPID: false`")
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
            evaluate(&psp("host_pid = true"), &cx),
            Verdict::fail("the policy sets `host_pid = true`")
        );
        assert_eq!(evaluate(&psp("host_pid = false"), &cx), Verdict::Pass);
        assert_eq!(evaluate(&psp("privileged = false"), &cx), Verdict::Pass);
        assert_eq!(evaluate(&psp("host_pid = var.x"), &cx), Verdict::Unknown);
    }
}
