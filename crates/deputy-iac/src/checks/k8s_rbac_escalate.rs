//! DPY-K8S-031: Role can escalate Roles or ClusterRoles.
//!
//! # What it checks
//! A Role or ClusterRole does not grant the `escalate` verb on roles: the check fails
//! when, for every operation it lists, some rule matches one of the operation's API
//! groups, verbs and resources (or `*`).
//!
//! # Why it matters
//! With `escalate` a subject may edit roles to include permissions it does not hold: it can
//! make itself cluster admin.
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
//!   resources: [clusterroles]
//!   verbs: [escalate]
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
//!   resources: [clusterroles]
//!   verbs: [get, list]
//! ```
//!
//! # Remediation
//! Remove the `escalate` verb from the role, or bind it only to the few subjects that
//! administer RBAC.
//!
//! # References
//! - <https://kubernetes.io/docs/reference/access-authn-authz/rbac/>
//! - <https://kubernetes.io/docs/concepts/security/rbac-good-practices/>

use super::k8s::rbac::{Operation, grants_all};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(RbacEscalate {
    code: "DPY-K8S-031",
    checkov: ["CKV_K8S_158"],
    title: "Role can escalate Roles or ClusterRoles",
    severity: Critical,
    reason: "trivy-checks KSV-0050 (Do not allow privilege escalation via RBAC resources: escalate, bind or impersonate on roles) is Critical; KICS \"RBAC Roles Allow Privilege Escalation\" is Medium. Critical, as trivy: escalate lets the holder write roles with permissions it does not have, up to cluster-admin",
    targets: [(Kubernetes, "Role"), (Kubernetes, "ClusterRole")],
    description: "A Role or ClusterRole does not grant the `escalate` verb on roles: the check fails when, for every operation it lists, some rule matches one of the operation's API groups, verbs and resources (or `*`).",
    remediation: "Remove the `escalate` verb from the role, or bind it only to the few subjects that administer RBAC.",
    references: [
        "https://kubernetes.io/docs/reference/access-authn-authz/rbac/",
        "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
    ],
    differences: [],
});

/// The operations a role must all grant to fail.
const OPERATIONS: &[Operation] = &[Operation {
    api_groups: &["rbac.authorization.k8s.io"],
    verbs: &["escalate"],
    resources: &["roles", "clusterroles"],
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if grants_all(&r.config, OPERATIONS) {
        Verdict::fail("the role grants the `escalate` verb on roles")
    } else {
        Verdict::Pass
    }
}
