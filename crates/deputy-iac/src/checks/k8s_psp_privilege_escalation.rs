//! DPY-K8S-043: PodSecurityPolicy allows privilege escalation.
//!
//! # What it checks
//! A PodSecurityPolicy sets `spec.allowPrivilegeEscalation: false` (unset allows it).
//! PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept
//! for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` fails only when its `spec` block sets
//! `allow_privilege_escalation = true`: there, as in Checkov's Terraform check, unset
//! passes; an unresolved value gives no verdict.
//!
//! # Why it matters
//! Without it, setuid binaries in admitted containers can gain privileges the container was
//! not started with.
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
//!   allowPrivilegeEscalation: true
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
//!   allowPrivilegeEscalation: false
//! ```
//!
//! # Remediation
//! Set `allowPrivilegeEscalation: false`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use super::k8s::{tf, tf_policy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PspPrivilegeEscalation {
    code: "DPY-K8S-043",
    checkov: ["CKV_K8S_5"],
    title: "PodSecurityPolicy allows privilege escalation",
    severity: Medium,
    reason: "KICS \"PSP Allows Privilege Escalation\" is High; trivy-checks has no PodSecurityPolicy checks and rates the same setting on a pod (KSV-0001) Medium. Medium, as trivy: a policy that admits a setting is rated like the setting on a pod",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy sets `spec.allowPrivilegeEscalation: false` (unset allows it). PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` fails only when its `spec` block sets `allow_privilege_escalation = true`: there, as in Checkov's Terraform check, unset passes; an unresolved value gives no verdict.",
    remediation: "Set `allowPrivilegeEscalation: false`.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return tf_policy::forbid_true(r, "allow_privilege_escalation");
    }
    let Some(spec) = r.config.get("spec") else {
        return Verdict::Unknown;
    };
    match spec.get("allowPrivilegeEscalation") {
        Some(v) if !super::k8s::truthy(Some(v)) => Verdict::Pass,
        _ => Verdict::fail("the policy allows privilege escalation"),
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
            evaluate(&psp("allow_privilege_escalation = true"), &cx),
            Verdict::fail("the policy sets `allow_privilege_escalation = true`")
        );
        assert_eq!(
            evaluate(&psp("allow_privilege_escalation = false"), &cx),
            Verdict::Pass
        );
        assert_eq!(evaluate(&psp("privileged = false"), &cx), Verdict::Pass);
        assert_eq!(
            evaluate(&psp("allow_privilege_escalation = var.x"), &cx),
            Verdict::Unknown
        );
    }
}
