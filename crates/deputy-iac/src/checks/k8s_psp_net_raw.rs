//! DPY-K8S-045: PodSecurityPolicy does not drop NET_RAW.
//!
//! # What it checks
//! A PodSecurityPolicy's `spec.requiredDropCapabilities` includes `ALL` or `NET_RAW`.
//! PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept
//! for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` is judged the same way on
//! `required_drop_capabilities` in its `spec` block; as in Checkov's Terraform check, an
//! empty `spec` block gets no verdict, and so does a list that could hold `ALL` or
//! `NET_RAW` through an unresolved value.
//!
//! # Why it matters
//! NET_RAW lets admitted containers spoof packets (ARP, DNS) against their neighbours.
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
//!   requiredDropCapabilities: [SETUID]
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
//! Add `ALL` (or `NET_RAW`) to `requiredDropCapabilities`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-policy/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-admission/>

use super::k8s::tf_policy::{Match, holds_any};
use super::k8s::{tf, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspDropNetRaw {
    code: "DPY-K8S-045",
    checkov: ["CKV_K8S_7"],
    title: "PodSecurityPolicy does not drop NET_RAW",
    severity: Medium,
    reason: "KICS \"NET_RAW Capabilities Disabled for PSP\" is Medium; trivy-checks has no PodSecurityPolicy checks",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy's `spec.requiredDropCapabilities` includes `ALL` or `NET_RAW`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` is judged the same way on `required_drop_capabilities` in its `spec` block; as in Checkov's Terraform check, an empty `spec` block gets no verdict, and so does a list that could hold `ALL` or `NET_RAW` through an unresolved value.",
    remediation: "Add `ALL` (or `NET_RAW`) to `requiredDropCapabilities`.",
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
    let drops = match r.config.path("spec.requiredDropCapabilities") {
        Some(Value::List(caps)) => caps
            .iter()
            .any(|c| matches!(c.as_str(), Some("ALL" | "NET_RAW"))),
        _ => false,
    };
    if drops {
        Verdict::Pass
    } else {
        Verdict::fail("the policy does not require dropping NET_RAW")
    }
}

/// Checkov's Terraform check: `spec { required_drop_capabilities = [...] }` must list
/// `ALL` or `NET_RAW`; an empty `spec` block gets no verdict.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let fail = || Verdict::fail("the policy does not require dropping NET_RAW");
    let Some(spec) = tf::block(&r.config, "spec") else {
        return fail();
    };
    if !truthy(Some(spec)) || spec.is_unknown() {
        return Verdict::Unknown;
    }
    match holds_any(spec.get("required_drop_capabilities"), &["ALL", "NET_RAW"]) {
        Match::Yes => Verdict::Pass,
        Match::Maybe => Verdict::Unknown,
        Match::No => fail(),
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
        let fail = Verdict::fail("the policy does not require dropping NET_RAW");
        assert_eq!(
            evaluate(
                &psp("required_drop_capabilities = [\"KILL\", \"NET_RAW\"]"),
                &cx
            ),
            Verdict::Pass
        );
        assert_eq!(
            evaluate(&psp("required_drop_capabilities = [\"KILL\"]"), &cx),
            fail
        );
        assert_eq!(evaluate(&psp("privileged = false"), &cx), fail);
        assert_eq!(
            evaluate(
                &psp("required_drop_capabilities = [\"KILL\", var.cap]"),
                &cx
            ),
            Verdict::Unknown
        );
        assert_eq!(evaluate(&psp(""), &cx), Verdict::Unknown);
        let bare = tf::resource("resource \"kubernetes_pod_security_policy\" \"p\" {\n}\n");
        assert_eq!(evaluate(&bare, &cx), fail);
    }
}
