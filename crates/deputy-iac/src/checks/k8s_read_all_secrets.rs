//! DPY-K8S-032: ServiceAccount or Node can read all secrets.
//!
//! # What it checks
//! A RoleBinding or ClusterRoleBinding with a ServiceAccount or Node subject does not refer
//! (through `roleRef`) to a Role or ClusterRole among the scanned files with a rule
//! granting `get`, `list` or `watch` on `secrets` (or `*`) without `resourceNames`.
//!
//! # Why it matters
//! Secrets hold the cluster's credentials: a workload whose service account reads them all
//! turns one compromised pod into every credential in the namespace, or the cluster.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! apiVersion: rbac.authorization.k8s.io/v1
//! kind: ClusterRoleBinding
//! metadata:
//!   name: reader
//! roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
//! subjects:
//! - {kind: ServiceAccount, name: app, namespace: shop}
//! ```
//!
//! Good:
//!
//! ```yaml
//! apiVersion: rbac.authorization.k8s.io/v1
//! kind: Role
//! metadata:
//!   name: secret-reader
//!   namespace: shop
//! rules:
//! - apiGroups: [""]
//!   resources: [secrets]
//!   resourceNames: [app-config]
//!   verbs: [get]
//! ```
//!
//! # Remediation
//! Grant access to the named secrets a workload needs (`resourceNames`), or mount them
//! instead of reading them through the API.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/rbac-good-practices/>
//! - <https://kubernetes.io/docs/concepts/configuration/secret/#information-security-for-secrets>

use super::k8s::truthy;
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::{Framework, Value};

check!(ReadAllSecrets {
    code: "DPY-K8S-032",
    checkov: ["CKV2_K8S_5"],
    title: "ServiceAccount or Node can read all secrets",
    severity: Critical,
    reason: "trivy-checks KSV-0041 (Manage secrets) is Critical; KICS \"ServiceAccount Allows Access Secrets\" is Medium. Critical, as trivy: reading every secret includes the tokens of service accounts bound to cluster-admin",
    targets: [
        (Kubernetes, "ClusterRoleBinding"),
        (Kubernetes, "RoleBinding")
    ],
    description: "A RoleBinding or ClusterRoleBinding with a ServiceAccount or Node subject does not refer (through `roleRef`) to a Role or ClusterRole among the scanned files with a rule granting `get`, `list` or `watch` on `secrets` (or `*`) without `resourceNames`.",
    remediation: "Grant access to the named secrets a workload needs (`resourceNames`), or mount them instead of reading them through the API.",
    references: [
        "https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
        "https://kubernetes.io/docs/concepts/configuration/secret/#information-security-for-secrets"
    ],
    differences: [
        "Checkov evaluates the role's rules as flattened attributes; Deputy requires one rule to grant a read verb on secrets without resourceNames."
    ],
});

fn strings(v: Option<&Value>) -> impl Iterator<Item = &str> {
    v.into_iter()
        .flat_map(Value::items)
        .filter_map(Value::as_str)
}

/// Whether a role rule lets its subjects read secrets in bulk: `get`, `list` or `watch`
/// (or `*`) on `secrets` (or `*`), not narrowed by `resourceNames`.
fn reads_secrets(rule: &Value) -> bool {
    strings(rule.get("resources")).any(|r| r == "secrets" || r == "*")
        && strings(rule.get("verbs")).any(|v| ["get", "list", "watch", "*"].contains(&v))
        && !truthy(rule.get("resourceNames"))
}

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let subjects_at_risk = strings(
        r.config
            .get("subjects")
            .map(|s| {
                s.items()
                    .filter_map(|s| s.get("kind"))
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .map(Value::List)
            .as_ref(),
    )
    .any(|k| k == "ServiceAccount" || k == "Node");
    if !subjects_at_risk {
        return Verdict::Pass;
    }
    let role_kind = r.config.path("roleRef.kind").and_then(Value::as_str);
    let role_name = r.config.path("roleRef.name").and_then(Value::as_str);
    let grants = cx
        .resources
        .iter()
        .filter(|o| o.framework == Framework::Kubernetes)
        .filter(|o| Some(o.kind.as_str()) == role_kind)
        .filter(|o| o.config.path("metadata.name").and_then(Value::as_str) == role_name)
        .any(|role| {
            role.config
                .get("rules")
                .into_iter()
                .flat_map(Value::items)
                .any(reads_secrets)
        });
    if grants {
        Verdict::fail("the binding gives a ServiceAccount or Node a role that reads all secrets")
    } else {
        Verdict::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(rule: &str, subject: &str) -> Verdict {
        let text = format!(
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {{name: b}}\nroleRef: {{kind: ClusterRole, name: r}}\nsubjects: [{{kind: {subject}, name: s}}]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {{name: r}}\nrules: [{rule}]\n"
        );
        let resources = crate::kubernetes::parse(&crate::model::SourceFile {
            path: "t.yaml".into(),
            text,
        })
        .resources;
        match resources.first() {
            Some(binding) => evaluate(
                binding,
                &Cx {
                    resources: &resources,
                },
            ),
            None => panic!("nothing parsed"),
        }
    }

    #[test]
    fn bindings_to_secret_readers_fail() {
        let reader = "{apiGroups: [''], resources: [secrets], verbs: [list]}";
        assert!(matches!(
            verdict(reader, "ServiceAccount"),
            Verdict::Fail(_)
        ));
        assert_eq!(verdict(reader, "User"), Verdict::Pass);
        let named = "{apiGroups: [''], resources: [secrets], resourceNames: [x], verbs: [get]}";
        assert_eq!(verdict(named, "ServiceAccount"), Verdict::Pass);
    }
}
