//! DPY-K8S-047: PodSecurityPolicy sets no default seccomp profile.
//!
//! # What it checks
//! A PodSecurityPolicy's `seccomp.security.alpha.kubernetes.io/defaultProfileName`
//! annotation names `runtime/default` or `docker/default`. PodSecurityPolicy was removed in
//! Kubernetes 1.25; the check still reads policies kept for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` is judged on the `annotations` of its
//! `metadata` block, where, as in Checkov's Terraform check, the annotation's name must be
//! exactly `seccomp.security.alpha.kubernetes.io/defaultProfileName`; unresolved
//! annotations give no verdict.
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

use super::k8s::tf;
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspSeccomp {
    code: "DPY-K8S-047",
    checkov: ["CKV_K8S_32"],
    title: "PodSecurityPolicy sets no default seccomp profile",
    severity: Medium,
    reason: "KICS \"Seccomp Profile Is Not Configured\" is Medium; trivy-checks has no PodSecurityPolicy checks and rates a disabled seccomp profile on a pod (KSV-0104) Medium",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy's `seccomp.security.alpha.kubernetes.io/defaultProfileName` annotation names `runtime/default` or `docker/default`. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` is judged on the `annotations` of its `metadata` block, where, as in Checkov's Terraform check, the annotation's name must be exactly `seccomp.security.alpha.kubernetes.io/defaultProfileName`; unresolved annotations give no verdict.",
    remediation: "Annotate the policy with `seccomp.security.alpha.kubernetes.io/defaultProfileName: runtime/default`.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-policy/",
        "https://kubernetes.io/docs/concepts/security/pod-security-admission/"
    ],
    differences: [
        "In Terraform, an `annotations` map with an unquoted key such as `seccomp.security.alpha.kubernetes.io/defaultProfileName = …` is an expression (a reference to an undeclared resource, divided by another), which Terraform rejects and which makes the whole map unknown; Deputy gives no verdict, where Checkov reads the key as text and passes or fails the policy on the map's other entries."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return evaluate_terraform(r);
    }
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

/// The annotation naming a PodSecurityPolicy's default seccomp profile.
const DEFAULT_PROFILE: &str = "seccomp.security.alpha.kubernetes.io/defaultProfileName";

/// Checkov's Terraform check: an annotation of the `metadata` block named exactly
/// [`DEFAULT_PROFILE`] (blanks aside) whose value mentions `docker/default` or
/// `runtime/default`.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let fail = || Verdict::fail("the policy sets no runtime/default seccomp profile");
    let Some(metadata) = tf::block(&r.config, "metadata") else {
        return fail();
    };
    let annotations = match metadata.get("annotations") {
        Some(a) if a.is_unknown() => return Verdict::Unknown,
        Some(Value::Map(a)) => a,
        _ if metadata.is_unknown() => return Verdict::Unknown,
        _ => return fail(),
    };
    let mut unresolved = false;
    for (name, value) in annotations {
        let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        if name != DEFAULT_PROFILE {
            continue;
        }
        match value {
            Value::String(v) if v.contains("docker/default") || v.contains("runtime/default") => {
                return Verdict::Pass;
            }
            v if v.is_unknown() => unresolved = true,
            _ => {}
        }
    }
    if unresolved { Verdict::Unknown } else { fail() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_verdicts() {
        let psp = |annotations: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_pod_security_policy\" \"p\" {{\n  metadata {{\n    annotations = {{\n{annotations}\n    }}\n  }}\n}}\n"
            ))
        };
        let cx = Cx { resources: &[] };
        let fail = Verdict::fail("the policy sets no runtime/default seccomp profile");
        assert_eq!(
            evaluate(
                &psp(
                    "\"seccomp.security.alpha.kubernetes.io/defaultProfileName\" = \"runtime/default\""
                ),
                &cx
            ),
            Verdict::Pass
        );
        assert_eq!(
            evaluate(
                &psp(
                    "\"seccomp.security.alpha.kubernetes.io/defaultProfileName\" = \"unconfined\""
                ),
                &cx
            ),
            fail
        );
        assert_eq!(evaluate(&psp("\"a\" = \"b\""), &cx), fail);
        assert_eq!(
            evaluate(
                &psp("\"seccomp.security.alpha.kubernetes.io/defaultProfileName\" = var.profile"),
                &cx
            ),
            Verdict::Unknown
        );
        // An unquoted key is an expression Terraform cannot resolve: the map is unknown.
        assert_eq!(
            evaluate(
                &psp(
                    "seccomp.security.alpha.kubernetes.io/defaultProfileName = \"runtime/default\"\n\"seccomp.security.alpha.kubernetes.io/defaultProfileName\" = \"runtime/default\""
                ),
                &cx
            ),
            Verdict::Unknown
        );
        let bare = tf::resource("resource \"kubernetes_pod_security_policy\" \"p\" {\n}\n");
        assert_eq!(evaluate(&bare, &cx), fail);
    }
}
