//! DPY-K8S-038: Binding grants a role to a default ServiceAccount.
//!
//! # What it checks
//! No RoleBinding or ClusterRoleBinding has a subject of kind `ServiceAccount` named
//! `default`.
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
        (Kubernetes, "RoleBinding")
    ],
    description: "No RoleBinding or ClusterRoleBinding has a subject of kind `ServiceAccount` named `default`.",
    remediation: "Create a ServiceAccount per workload and bind roles to it.",
    references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
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
