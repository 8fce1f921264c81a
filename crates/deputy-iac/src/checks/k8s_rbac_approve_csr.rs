//! DPY-K8S-029: ClusterRole approves certificate signing requests.
//!
//! # What it checks
//! A ClusterRole does not grant the permission to approve CertificateSigningRequests:
//! the check fails when, for every operation it lists, some rule matches one of the
//! operation's API groups, verbs and resources (or `*`).
//!
//! # Why it matters
//! Approving CSRs lets a subject mint client certificates for any user or group, including
//! `system:masters`.
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
//! - apiGroups: [certificates.k8s.io]
//!   resources: [certificatesigningrequests/approval]
//!   verbs: [update]
//! - apiGroups: [certificates.k8s.io]
//!   resources: [signers]
//!   verbs: [approve]
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
//! - apiGroups: [certificates.k8s.io]
//!   resources: [certificatesigningrequests]
//!   verbs: [get, list]
//! ```
//!
//! # Remediation
//! Remove the CSR approval permissions from the role, or bind it only to the few
//! subjects that administer certificates.
//!
//! # References
//! - <https://kubernetes.io/docs/reference/access-authn-authz/rbac/>
//! - <https://kubernetes.io/docs/concepts/security/rbac-good-practices/>

use super::k8s::rbac::{Operation, grants_all};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(RbacApproveCsr {
    code: "DPY-K8S-029",
    checkov: ["CKV_K8S_156"],
    title: "ClusterRole approves certificate signing requests",
    severity: Critical,
    reason: "neither trivy-checks nor KICS has an equivalent. Critical like trivy-checks' other RBAC escalation paths (KSV-0050, escalate or bind on roles, and KSV-0114, webhook configurations, are Critical): approving requests for the kube-apiserver-client signer mints a client certificate for any user or group, system:masters included",
    targets: [(Kubernetes, "ClusterRole")],
    description: "A ClusterRole does not grant the permission to approve CertificateSigningRequests: the check fails when, for every operation it lists, some rule matches one of the operation's API groups, verbs and resources (or `*`).",
    remediation: "Remove the CSR approval permissions from the role, or bind it only to the few subjects that administer certificates.",
    references: [
        "https://kubernetes.io/docs/reference/access-authn-authz/rbac/",
        "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
    ],
    differences: [],
});

/// The operations a role must all grant to fail.
const OPERATIONS: &[Operation] = &[
    Operation {
        api_groups: &["certificates.k8s.io"],
        verbs: &["update", "patch"],
        resources: &["certificatesigningrequests/approval"],
    },
    Operation {
        api_groups: &["certificates.k8s.io"],
        verbs: &["approve"],
        resources: &["signers"],
    },
];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if grants_all(&r.config, OPERATIONS) {
        Verdict::fail("the role grants the permission to approve CertificateSigningRequests")
    } else {
        Verdict::Pass
    }
}
