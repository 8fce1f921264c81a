//! DPY-K8S-038: Binding grants a role to a default ServiceAccount.
//!
//! # What it checks
//! No RoleBinding or ClusterRoleBinding has a subject of kind `ServiceAccount` named
//! `default`.
//!
//! Terraform's `kubernetes_role_binding`, `kubernetes_cluster_role_binding` and their `_v1`
//! forms are judged the same way on their `subject` blocks; a subject whose kind or name is
//! unresolved, and that could be the default ServiceAccount, gives no verdict unless
//! another subject fails.
//!
//! # Why it matters
//! Permissions granted to `default` go to every pod of the namespace that names no
//! ServiceAccount, including ones deployed later for other purposes.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! apiVersion: rbac.authorization.k8s.io/v1
//! kind: RoleBinding
//! metadata: {name: b, namespace: shop}
//! roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
//! subjects:
//! - {kind: ServiceAccount, name: default, namespace: shop}
//! ```
//!
//! Good:
//!
//! ```yaml
//! apiVersion: rbac.authorization.k8s.io/v1
//! kind: RoleBinding
//! metadata: {name: b, namespace: shop}
//! roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
//! subjects:
//! - {kind: ServiceAccount, name: web, namespace: shop}
//! ```
//!
//! # Remediation
//! Create a ServiceAccount per workload and bind roles to it.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/rbac-good-practices/>

use super::k8s::tf;
use super::k8s::tf_policy::{Match, is_str};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(DefaultServiceAccountBinding {
    code: "DPY-K8S-038",
    checkov: ["CKV_K8S_42"],
    title: "Binding grants a role to a default ServiceAccount",
    severity: Medium,
    reason: "KICS \"Role Binding To Default Service Account\" is Medium; trivy-checks has no equivalent",
    targets: [
        (Kubernetes, "ClusterRoleBinding"),
        (Kubernetes, "RoleBinding"),
        (Terraform, "kubernetes_role_binding"),
        (Terraform, "kubernetes_role_binding_v1"),
        (Terraform, "kubernetes_cluster_role_binding"),
        (Terraform, "kubernetes_cluster_role_binding_v1")
    ],
    description: "No RoleBinding or ClusterRoleBinding has a subject of kind `ServiceAccount` named `default`. Terraform's `kubernetes_role_binding`, `kubernetes_cluster_role_binding` and their `_v1` forms are judged the same way on their `subject` blocks; a subject whose kind or name is unresolved, and that could be the default ServiceAccount, gives no verdict unless another subject fails.",
    remediation: "Create a ServiceAccount per workload and bind roles to it.",
    references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return evaluate_terraform(r);
    }
    let Some(Value::List(subjects)) = r.config.get("subjects") else {
        return Verdict::Pass;
    };
    let binds_default = subjects.iter().any(|s| {
        s.get("kind").and_then(Value::as_str) == Some("ServiceAccount")
            && s.get("name").and_then(Value::as_str) == Some("default")
    });
    if binds_default {
        Verdict::fail("the binding grants a role to a default ServiceAccount")
    } else {
        Verdict::Pass
    }
}

/// Checkov's Terraform check: no `subject` block of kind `ServiceAccount` named `default`.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let Some(subjects) = r.config.get("subject") else {
        return Verdict::Pass;
    };
    let mut unresolved = subjects.is_unknown();
    for subject in subjects.items() {
        let kind = is_str(subject.get("kind"), "ServiceAccount");
        let name = is_str(subject.get("name"), "default");
        match (kind, name) {
            (Match::Yes, Match::Yes) => {
                return Verdict::fail("the binding grants a role to a default ServiceAccount");
            }
            (Match::No, _) | (_, Match::No) => {}
            _ => unresolved = true,
        }
        unresolved |= subject.is_unknown();
    }
    if unresolved {
        Verdict::Unknown
    } else {
        Verdict::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_verdicts() {
        let binding = |subjects: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_cluster_role_binding\" \"b\" {{\n{subjects}\n}}\n"
            ))
        };
        let subject = |kind: &str, name: &str| {
            format!("  subject {{\n    kind = {kind}\n    name = {name}\n  }}\n")
        };
        let cx = Cx { resources: &[] };
        let sa = "\"ServiceAccount\"";
        let fail = Verdict::fail("the binding grants a role to a default ServiceAccount");
        let judge = |s: String| evaluate(&binding(&s), &cx);
        assert_eq!(
            judge(subject("\"User\"", "\"default\"") + &subject(sa, "\"default\"")),
            fail
        );
        assert_eq!(judge(subject(sa, "\"app\"")), Verdict::Pass);
        assert_eq!(judge(String::new()), Verdict::Pass);
        assert_eq!(judge(subject(sa, "var.name")), Verdict::Unknown);
        assert_eq!(
            judge(subject(sa, "var.name") + &subject(sa, "\"default\"")),
            fail
        );
    }
}
