//! DPY-K8S-026: Role uses wildcards.
//!
//! # What it checks
//! The first rule of a Role or ClusterRole has no `*` in its `apiGroups`, `resources` or
//! `verbs` (Checkov looks at the first rule only).
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

use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(WildcardRoles {
    code: "DPY-K8S-026",
    checkov: ["CKV_K8S_49"],
    title: "Role uses wildcards",
    severity: High,
    reason: "KICS \"RBAC Wildcard In Rule\" is High; trivy-checks KSV-0044 (wildcard verb and resource), KSV-0045 (wildcard verb) and KSV-0046 (Manage all resources) are Critical. High, as KICS, whose query matches this check: it fires on any single wildcard, most of which do not amount to cluster-admin",
    targets: [(Kubernetes, "Role"), (Kubernetes, "ClusterRole")],
    description: "The first rule of a Role or ClusterRole has no `*` in its `apiGroups`, `resources` or `verbs` (Checkov looks at the first rule only).",
    remediation: "List the API groups, resources and verbs the subject needs.",
    references: [
        "https://kubernetes.io/docs/reference/access-authn-authz/rbac/",
        "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
    ],
    differences: ["Like Checkov, only the first rule is judged; wildcards in later rules pass."],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
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
