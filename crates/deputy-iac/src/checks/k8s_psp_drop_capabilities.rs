//! DPY-K8S-048: PodSecurityPolicy requires dropping no capabilities.
//!
//! # What it checks
//! A PodSecurityPolicy sets a non-empty `spec.requiredDropCapabilities`. PodSecurityPolicy
//! was removed in Kubernetes 1.25; the check still reads policies kept for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` is judged the same way on
//! `required_drop_capabilities` in its `spec` block; as in Checkov's Terraform check, an
//! empty `spec` block gets no verdict, and so does an unresolved list.
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

use super::k8s::{tf, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PspRequiredDrop {
    code: "DPY-K8S-048",
    checkov: ["CKV_K8S_36"],
    title: "PodSecurityPolicy requires dropping no capabilities",
    severity: Low,
    reason: "KICS \"Not Limited Capabilities For Pod Security Policy\" is Info; trivy-checks has no PodSecurityPolicy checks and rates not dropping all capabilities on a pod (KSV-0003) Low. Low, as trivy: a policy that admits a setting is rated like the setting on a pod",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy sets a non-empty `spec.requiredDropCapabilities`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` is judged the same way on `required_drop_capabilities` in its `spec` block; as in Checkov's Terraform check, an empty `spec` block gets no verdict, and so does an unresolved list.",
    remediation: "Set `requiredDropCapabilities: [ALL]`.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [
        "Checkov's Terraform check passes `required_drop_capabilities = []`, which it reads as a set attribute; Deputy fails it, since an empty list requires dropping nothing."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return evaluate_terraform(r);
    }
    if truthy(r.config.path("spec.requiredDropCapabilities")) {
        Verdict::Pass
    } else {
        Verdict::fail("the policy requires dropping no capabilities")
    }
}

/// Checkov's Terraform check: the `spec` block must set a non-empty
/// `required_drop_capabilities`; an empty `spec` block gets no verdict.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let fail = || Verdict::fail("the policy requires dropping no capabilities");
    let Some(spec) = tf::block(&r.config, "spec") else {
        return fail();
    };
    if !truthy(Some(spec)) || spec.is_unknown() {
        return Verdict::Unknown;
    }
    match spec.get("required_drop_capabilities") {
        Some(caps) if caps.is_unknown() => Verdict::Unknown,
        caps if truthy(caps) => Verdict::Pass,
        _ => fail(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_verdicts() {
        let psp = |spec: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_pod_security_policy\" \"p\" {{\n  spec {{\n{spec}\n  }}\n}}\n"
            ))
        };
        let cx = Cx { resources: &[] };
        let fail = Verdict::fail("the policy requires dropping no capabilities");
        assert_eq!(
            evaluate(&psp("required_drop_capabilities = [\"ALL\"]"), &cx),
            Verdict::Pass
        );
        assert_eq!(evaluate(&psp("required_drop_capabilities = []"), &cx), fail);
        assert_eq!(evaluate(&psp("privileged = false"), &cx), fail);
        assert_eq!(
            evaluate(&psp("required_drop_capabilities = var.caps"), &cx),
            Verdict::Unknown
        );
        assert_eq!(evaluate(&psp(""), &cx), Verdict::Unknown);
    }
}
