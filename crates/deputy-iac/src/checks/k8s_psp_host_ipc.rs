//! DPY-K8S-041: PodSecurityPolicy admits the host IPC namespace.
//!
//! # What it checks
//! A PodSecurityPolicy leaves `spec.hostIPC` unset or sets it to `false`. PodSecurityPolicy
//! was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` is judged the same way on `host_ipc` in its
//! `spec` block; an unresolved value gives no verdict.
//!
//! # Why it matters
//! Pods admitted with the host's IPC namespace can read other processes' shared memory.
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
//!   hostIPC: true
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
//!   hostIPC: false
//! ```
//!
//! # Remediation
//! Set `hostIPC: false` (and migrate to Pod Security Admission's `restricted` level).
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use super::k8s::{tf, tf_policy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspHostIpc {
    code: "DPY-K8S-041",
    checkov: ["CKV_K8S_3"],
    title: "PodSecurityPolicy admits the host IPC namespace",
    severity: High,
    reason: "KICS \"PSP Allows Sharing Host IPC\" is High; trivy-checks has no PodSecurityPolicy checks and rates the same setting on a pod (KSV-0008) High",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy leaves `spec.hostIPC` unset or sets it to `false`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` is judged the same way on `host_ipc` in its `spec` block; an unresolved value gives no verdict.",
    remediation: "Set `hostIPC: false` (and migrate to Pod Security Admission's `restricted` level).",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return tf_policy::forbid_true(r, "host_ipc");
    }
    // An absent key admits nothing; any value but `false` admits it.
    match r.config.path("spec.hostIPC") {
        Some(v) if *v != Value::Bool(false) => {
            Verdict::fail("the policy does not set `hostIPC: false`")
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
            evaluate(&psp("host_ipc = true"), &cx),
            Verdict::fail("the policy sets `host_ipc = true`")
        );
        assert_eq!(evaluate(&psp("host_ipc = false"), &cx), Verdict::Pass);
        assert_eq!(evaluate(&psp("privileged = false"), &cx), Verdict::Pass);
        assert_eq!(evaluate(&psp("host_ipc = var.x"), &cx), Verdict::Unknown);
    }
}
