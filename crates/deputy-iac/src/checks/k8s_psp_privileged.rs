//! DPY-K8S-040: PodSecurityPolicy admits privileged containers.
//!
//! # What it checks
//! A PodSecurityPolicy leaves `spec.privileged` unset or sets it to `false`.
//! PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept
//! for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` fails when its `spec` block sets
//! `privileged = true`; as in Checkov's Terraform check, a policy without a `spec` block,
//! or with an empty one, gets no verdict, and so does an unresolved value.
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

use super::k8s::{tf, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Truth;
use crate::model::Value;

check!(PspPrivileged {
    code: "DPY-K8S-040",
    checkov: ["CKV_K8S_2"],
    title: "PodSecurityPolicy admits privileged containers",
    severity: High,
    reason: "KICS \"PSP Set To Privileged\" is High; trivy-checks has no PodSecurityPolicy checks and rates the same setting on a pod (KSV-0017) High",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy leaves `spec.privileged` unset or sets it to `false`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` fails when its `spec` block sets `privileged = true`; as in Checkov's Terraform check, a policy without a `spec` block, or with an empty one, gets no verdict, and so does an unresolved value.",
    remediation: "Set `privileged: false` (and migrate to Pod Security Admission's `restricted` level).",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return evaluate_terraform(r);
    }
    // An absent key admits nothing; any value but `false` admits it.
    match r.config.path("spec.privileged") {
        Some(v) if *v != Value::Bool(false) => {
            Verdict::fail("the policy does not set `privileged: false`")
        }
        _ => Verdict::Pass,
    }
}

/// Checkov's Terraform check: no verdict without a (non-empty) `spec` block; then only
/// `privileged = true` fails.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let Some(spec) = tf::block(&r.config, "spec").filter(|s| truthy(Some(s))) else {
        return Verdict::Unknown;
    };
    if spec.is_unknown() {
        return Verdict::Unknown;
    }
    match spec.get("privileged") {
        None | Some(Value::Null) => Verdict::Pass,
        Some(v) => match v.truth() {
            Truth::True => Verdict::fail("the policy sets `privileged = true`"),
            Truth::False => Verdict::Pass,
            Truth::Unknown => Verdict::Unknown,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_verdicts() {
        let psp = |body: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_pod_security_policy\" \"p\" {{\n{body}\n}}\n"
            ))
        };
        let cx = Cx { resources: &[] };
        assert_eq!(
            evaluate(&psp("  spec {\n    privileged = true\n  }"), &cx),
            Verdict::fail("the policy sets `privileged = true`")
        );
        assert_eq!(
            evaluate(&psp("  spec {\n    privileged = false\n  }"), &cx),
            Verdict::Pass
        );
        assert_eq!(
            evaluate(&psp("  spec {\n    host_ipc = true\n  }"), &cx),
            Verdict::Pass
        );
        assert_eq!(
            evaluate(&psp("  spec {\n    privileged = var.p\n  }"), &cx),
            Verdict::Unknown
        );
        assert_eq!(evaluate(&psp("  spec {\n  }"), &cx), Verdict::Unknown);
        assert_eq!(evaluate(&psp(""), &cx), Verdict::Unknown);
    }
}
