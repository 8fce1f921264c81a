//! DPY-K8S-046: PodSecurityPolicy allows added capabilities.
//!
//! # What it checks
//! A PodSecurityPolicy sets no `spec.allowedCapabilities`. PodSecurityPolicy was removed in
//! Kubernetes 1.25; the check still reads policies kept for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` is judged the same way on
//! `allowed_capabilities` in its `spec` block; an unresolved list gives no verdict.
//!
//! # Why it matters
//! Each allowed capability is one an admitted container may add to widen what a compromise
//! can do.
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
//!   allowedCapabilities: [NET_ADMIN]
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
//! Remove `allowedCapabilities`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use super::k8s::{tf, truthy};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(PspAllowedCapabilities {
    code: "DPY-K8S-046",
    checkov: ["CKV_K8S_24"],
    title: "PodSecurityPolicy allows added capabilities",
    severity: Medium,
    reason: "KICS \"PSP With Added Capabilities\" is High; trivy-checks has no PodSecurityPolicy checks and rates added capabilities on a pod (KSV-0022) Medium. Medium, as trivy: a policy that admits a setting is rated like the setting on a pod",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy sets no `spec.allowedCapabilities`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` is judged the same way on `allowed_capabilities` in its `spec` block; an unresolved list gives no verdict.",
    remediation: "Remove `allowedCapabilities`.",
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
    let spec = r.config.get("spec").filter(|s| truthy(Some(s)));
    if spec.is_some_and(|s| truthy(s.get("allowedCapabilities"))) {
        Verdict::fail("the policy allows containers to add capabilities")
    } else {
        Verdict::Pass
    }
}

/// Checkov's Terraform check: any non-empty `allowed_capabilities` in the `spec` block
/// fails.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let Some(spec) = tf::block(&r.config, "spec") else {
        return Verdict::Pass;
    };
    if spec.is_unknown() {
        return Verdict::Unknown;
    }
    match spec.get("allowed_capabilities") {
        Some(caps) if caps.is_unknown() => Verdict::Unknown,
        None | Some(Value::Null) => Verdict::Pass,
        Some(Value::List(caps)) if caps.is_empty() => Verdict::Pass,
        Some(_) => Verdict::fail("the policy allows containers to add capabilities"),
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
        assert_eq!(
            evaluate(&psp("allowed_capabilities = [\"NET_BIND_SERVICE\"]"), &cx),
            Verdict::fail("the policy allows containers to add capabilities")
        );
        assert_eq!(
            evaluate(&psp("allowed_capabilities = []"), &cx),
            Verdict::Pass
        );
        assert_eq!(evaluate(&psp("privileged = false"), &cx), Verdict::Pass);
        assert_eq!(
            evaluate(&psp("allowed_capabilities = var.caps"), &cx),
            Verdict::Unknown
        );
    }
}
