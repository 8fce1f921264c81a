//! DPY-K8S-044: PodSecurityPolicy admits root containers.
//!
//! # What it checks
//! A PodSecurityPolicy's `spec.runAsUser.rule` is `MustRunAsNonRoot`, or `MustRunAs` with
//! no range starting at 0. PodSecurityPolicy was removed in Kubernetes 1.25; the check
//! still reads policies kept for older clusters.
//!
//! Terraform's `kubernetes_pod_security_policy` is judged the same way on the `rule` and
//! `range` blocks of `run_as_user` in its `spec` block; an unresolved rule or range minimum
//! gives no verdict.
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

use super::k8s::{tf, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(PspRunAsRoot {
    code: "DPY-K8S-044",
    checkov: ["CKV_K8S_6"],
    title: "PodSecurityPolicy admits root containers",
    severity: Medium,
    reason: "KICS \"Root Containers Admitted\" is Medium; trivy-checks has no PodSecurityPolicy checks and rates root containers on a pod (KSV-0012) Medium",
    targets: [
        (Kubernetes, "PodSecurityPolicy"),
        (Terraform, "kubernetes_pod_security_policy")
    ],
    description: "A PodSecurityPolicy's `spec.runAsUser.rule` is `MustRunAsNonRoot`, or `MustRunAs` with no range starting at 0. PodSecurityPolicy was removed in Kubernetes 1.25; the check still reads policies kept for older clusters. Terraform's `kubernetes_pod_security_policy` is judged the same way on the `rule` and `range` blocks of `run_as_user` in its `spec` block; an unresolved rule or range minimum gives no verdict.",
    remediation: "Set `runAsUser.rule: MustRunAsNonRoot`.",
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

/// Checkov's Terraform check: `spec { run_as_user { rule = … } }` must be
/// `MustRunAsNonRoot`, or `MustRunAs` with `range` blocks none of which starts at 0.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let fail = || Verdict::fail("the policy admits containers running as root");
    let Some(spec) = tf::block(&r.config, "spec") else {
        return fail();
    };
    let Some(run_as) = tf::block(spec, "run_as_user") else {
        return if spec.is_unknown() {
            Verdict::Unknown
        } else {
            fail()
        };
    };
    if run_as.is_unknown() {
        return Verdict::Unknown;
    }
    match run_as.get("rule") {
        Some(rule) if rule.is_unknown() => Verdict::Unknown,
        Some(Value::String(rule)) if rule == "MustRunAsNonRoot" => Verdict::Pass,
        Some(Value::String(rule)) if rule == "MustRunAs" => {
            let Some(ranges) = run_as.get("range").filter(|r| truthy(Some(r))) else {
                return fail();
            };
            let mut unresolved = false;
            for range in ranges.items() {
                match range.get("min") {
                    Some(min) if min.as_f64() == Some(0.0) => return fail(),
                    Some(min) if min.is_unknown() => unresolved = true,
                    _ if range.is_unknown() => unresolved = true,
                    _ => {}
                }
            }
            if unresolved {
                Verdict::Unknown
            } else {
                Verdict::Pass
            }
        }
        _ => fail(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_verdicts() {
        let psp = |run_as: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_pod_security_policy\" \"p\" {{\n  spec {{\n    run_as_user {{\n{run_as}\n    }}\n  }}\n}}\n"
            ))
        };
        let cx = Cx { resources: &[] };
        let fail = Verdict::fail("the policy admits containers running as root");
        assert_eq!(
            evaluate(&psp("rule = \"MustRunAsNonRoot\""), &cx),
            Verdict::Pass
        );
        assert_eq!(evaluate(&psp("rule = \"RunAsAny\""), &cx), fail);
        assert_eq!(
            evaluate(
                &psp(
                    "rule = \"MustRunAs\"\nrange {\n min = 1\n max = 2\n}\nrange {\n min = 0\n max = 2\n}"
                ),
                &cx
            ),
            fail
        );
        assert_eq!(
            evaluate(
                &psp("rule = \"MustRunAs\"\nrange {\n min = 65535\n max = 65536\n}"),
                &cx
            ),
            Verdict::Pass
        );
        assert_eq!(
            evaluate(
                &psp("rule = \"MustRunAs\"\nrange {\n min = var.min\n max = 2\n}"),
                &cx
            ),
            Verdict::Unknown
        );
        assert_eq!(evaluate(&psp("rule = var.rule"), &cx), Verdict::Unknown);
        let bare = tf::resource(
            "resource \"kubernetes_pod_security_policy\" \"p\" {\n  metadata {\n    name = \"x\"\n  }\n}\n",
        );
        assert_eq!(evaluate(&bare, &cx), fail);
    }
}
