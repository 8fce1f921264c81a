//! DPY-K8S-030: Role can bind RoleBindings or ClusterRoleBindings.
//!
//! # What it checks
//! A Role or ClusterRole does not grant the `bind` verb on role bindings: the check
//! fails when, for every operation it lists, some rule matches one of the operation's
//! API groups, verbs and resources (or `*`).
//!
//! # Why it matters
//! With `bind` a subject can grant itself any role, even ones with more permissions than it
//! holds: a direct privilege escalation.
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
//! - apiGroups: [rbac.authorization.k8s.io]
//!   resources: [clusterrolebindings]
//!   verbs: [bind]
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
//! - apiGroups: [rbac.authorization.k8s.io]
//!   resources: [clusterrolebindings]
//!   verbs: [get, list]
//! ```
//!
//! # Remediation
//! Remove the `bind` verb from the role, or bind it only to the few subjects that
//! administer RBAC.
//!
//! # References
//! - <https://kubernetes.io/docs/reference/access-authn-authz/rbac/>
//! - <https://kubernetes.io/docs/concepts/security/rbac-good-practices/>

use super::k8s::rbac::{Operation, grants_all};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(RbacBind {
    code: "DPY-K8S-030",
    checkov: ["CKV_K8S_157"],
    title: "Role can bind RoleBindings or ClusterRoleBindings",
    severity: Critical,
    reason: "trivy-checks KSV-0050 (Do not allow privilege escalation via RBAC resources: escalate, bind or impersonate on roles) is Critical; KICS \"RBAC Roles Allow Privilege Escalation\" is Medium. Critical, as trivy: bind lets the holder grant any role it can name, up to cluster-admin",
    targets: [(Kubernetes, "Role"), (Kubernetes, "ClusterRole")],
    description: "A Role or ClusterRole does not grant the `bind` verb on role bindings: the check fails when, for every operation it lists, some rule matches one of the operation's API groups, verbs and resources (or `*`).",
    remediation: "Remove the `bind` verb from the role, or bind it only to the few subjects that administer RBAC.",
    references: [
        "https://kubernetes.io/docs/reference/access-authn-authz/rbac/",
        "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
    ],
    differences: [],
});

/// The operations a role must all grant to fail.
const OPERATIONS: &[Operation] = &[Operation {
    api_groups: &["rbac.authorization.k8s.io"],
    verbs: &["bind"],
    resources: &["rolebindings", "clusterrolebindings"],
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if grants_all(&r.config, OPERATIONS) {
        Verdict::fail("the role grants the `bind` verb on role bindings")
    } else {
        Verdict::Pass
    }
}
