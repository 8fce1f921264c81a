//! DPY-K8S-027: ClusterRole controls admission webhooks.
//!
//! # What it checks
//! A ClusterRole does not grant write access to admission webhook configurations: the
//! check fails when, for every operation it lists, some rule matches one of the
//! operation's API groups, verbs and resources (or `*`).
//!
//! # Why it matters
//! Whoever controls admission webhooks sees, and with a mutating webhook rewrites, every
//! object sent to the API server, Secrets included.
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
//! - apiGroups: [admissionregistration.k8s.io]
//!   resources: [mutatingwebhookconfigurations]
//!   verbs: [create, patch]
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
//! - apiGroups: [admissionregistration.k8s.io]
//!   resources: [mutatingwebhookconfigurations]
//!   verbs: [get, list]
//! ```
//!
//! # Remediation
//! Remove write access to webhook configurations from the role, or bind it only to the
//! few subjects that administer admission control.
//!
//! # References
//! - <https://kubernetes.io/docs/reference/access-authn-authz/rbac/>
//! - <https://kubernetes.io/docs/concepts/security/rbac-good-practices/>

use super::k8s::rbac::{Operation, grants_all};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(RbacControlWebhooks {
    code: "DPY-K8S-027",
    checkov: ["CKV_K8S_155"],
    title: "ClusterRole controls admission webhooks",
    severity: Critical,
    reason: "trivy-checks KSV-0114 (Manage webhookconfigurations) is Critical; KICS has no equivalent. A mutating webhook sees and can rewrite every object sent to the API server, secrets and pod specs included",
    targets: [(Kubernetes, "ClusterRole")],
    description: "A ClusterRole does not grant write access to admission webhook configurations: the check fails when, for every operation it lists, some rule matches one of the operation's API groups, verbs and resources (or `*`).",
    remediation: "Remove write access to webhook configurations from the role, or bind it only to the few subjects that administer admission control.",
    references: [
        "https://kubernetes.io/docs/reference/access-authn-authz/rbac/",
        "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
    ],
    differences: [],
});

/// The operations a role must all grant to fail.
const OPERATIONS: &[Operation] = &[Operation {
    api_groups: &["admissionregistration.k8s.io"],
    verbs: &["create", "update", "patch"],
    resources: &[
        "mutatingwebhookconfigurations",
        "validatingwebhookconfigurations",
    ],
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if grants_all(&r.config, OPERATIONS) {
        Verdict::fail("the role grants write access to admission webhook configurations")
    } else {
        Verdict::Pass
    }
}
