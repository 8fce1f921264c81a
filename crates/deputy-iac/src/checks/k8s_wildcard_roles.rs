//! DPY-K8S-026: Role uses wildcards.
//!
//! # What it checks
//! The first rule of a Role or ClusterRole has no `*` in its `apiGroups`, `resources` or
//! `verbs` (Checkov looks at the first rule only).
//!
//! Terraform's `kubernetes_role`, `kubernetes_cluster_role` and their `_v1` forms are
//! judged, as Checkov's Terraform check does, on every `rule` block: none may list `*` in
//! `api_groups`, `resources` or `verbs`; a list with an unresolved element gives no verdict
//! unless some rule has a `*`.
//!
//! # Why it matters
//! A wildcard grants everything that exists now and everything added later (new resources,
//! CRDs, subresources such as `pods/exec`): the role's reach cannot be reviewed.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! apiVersion: rbac.authorization.k8s.io/v1
//! kind: ClusterRole
//! metadata:
//!   name: ops
//! rules:
//! - apiGroups: ["*"]
//!   resources: ["*"]
//!   verbs: ["*"]
//! ```
//!
//! Good:
//!
//! ```yaml
//! apiVersion: rbac.authorization.k8s.io/v1
//! kind: ClusterRole
//! metadata:
//!   name: ops
//! rules:
//! - apiGroups: [apps]
//!   resources: [deployments]
//!   verbs: [get, list, watch]
//! ```
//!
//! # Remediation
//! List the API groups, resources and verbs the subject needs.
//!
//! # References
//! - <https://kubernetes.io/docs/reference/access-authn-authz/rbac/>
//! - <https://kubernetes.io/docs/concepts/security/rbac-good-practices/>

use super::k8s::tf;
use super::k8s::tf_policy::{Match, holds_any};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(WildcardRoles {
    code: "DPY-K8S-026",
    checkov: ["CKV_K8S_49"],
    title: "Role uses wildcards",
    severity: High,
    reason: "KICS \"RBAC Wildcard In Rule\" is High; trivy-checks KSV-0044 (wildcard verb and resource), KSV-0045 (wildcard verb) and KSV-0046 (Manage all resources) are Critical. High, as KICS, whose query matches this check: it fires on any single wildcard, most of which do not amount to cluster-admin",
    targets: [
        (Kubernetes, "Role"),
        (Kubernetes, "ClusterRole"),
        (Terraform, "kubernetes_role"),
        (Terraform, "kubernetes_role_v1"),
        (Terraform, "kubernetes_cluster_role"),
        (Terraform, "kubernetes_cluster_role_v1")
    ],
    description: "The first rule of a Role or ClusterRole has no `*` in its `apiGroups`, `resources` or `verbs` (Checkov looks at the first rule only). Terraform's `kubernetes_role`, `kubernetes_cluster_role` and their `_v1` forms are judged, as Checkov's Terraform check does, on every `rule` block: none may list `*` in `api_groups`, `resources` or `verbs`; a list with an unresolved element gives no verdict unless some rule has a `*`.",
    remediation: "List the API groups, resources and verbs the subject needs.",
    references: [
        "https://kubernetes.io/docs/reference/access-authn-authz/rbac/",
        "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
    ],
    differences: [
        "Like Checkov, only the first rule of a manifest is judged; wildcards in later rules pass."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return evaluate_terraform(r);
    }
    // Checkov judges the first rule only.
    let Some(Value::List(rules)) = r.config.get("rules") else {
        return Verdict::Pass;
    };
    let Some(first) = rules.first() else {
        return Verdict::Pass;
    };
    for key in ["apiGroups", "resources", "verbs"] {
        let wild = first
            .get(key)
            .into_iter()
            .flat_map(Value::items)
            .any(|s| s.as_str().is_some_and(|s| s.contains('*')));
        if wild {
            return Verdict::fail(format!("the first rule grants `*` in {key}"));
        }
    }
    Verdict::Pass
}

/// Checkov's Terraform check: every `rule` block, each of whose `api_groups`,
/// `resources` and `verbs` must not list `*`.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let Some(rules) = r.config.get("rule") else {
        return Verdict::Pass;
    };
    let mut unresolved = rules.is_unknown();
    for (n, rule) in rules.items().enumerate() {
        unresolved |= rule.is_unknown();
        for key in ["api_groups", "resources", "verbs"] {
            match holds_any(rule.get(key), &["*"]) {
                Match::Yes => {
                    return Verdict::fail(format!("rule {} grants `*` in {key}", n + 1));
                }
                Match::Maybe => unresolved = true,
                Match::No => {}
            }
        }
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
        let role = |rules: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_role_v1\" \"r\" {{\n{rules}\n}}\n"
            ))
        };
        let rule = |verbs: &str| {
            format!(
                "  rule {{\n    api_groups = [\"\"]\n    resources = [\"pods\"]\n    verbs = {verbs}\n  }}\n"
            )
        };
        let cx = Cx { resources: &[] };
        let judge = |s: String| evaluate(&role(&s), &cx);
        assert_eq!(
            judge(rule("[\"get\"]") + &rule("[\"*\", \"list\"]")),
            Verdict::fail("rule 2 grants `*` in verbs")
        );
        assert_eq!(judge(rule("[\"get\", \"list\"]")), Verdict::Pass);
        assert_eq!(judge("  rule {\n  }\n".into()), Verdict::Pass);
        assert_eq!(judge(rule("[var.verb]")), Verdict::Unknown);
    }
}
