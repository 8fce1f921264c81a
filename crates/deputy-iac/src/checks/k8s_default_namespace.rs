//! DPY-K8S-013: Object uses the default namespace.
//!
//! # What it checks
//! Workloads, Services, Secrets, ServiceAccounts, Roles, RoleBindings, ConfigMaps and
//! Ingresses set `metadata.namespace` to something other than `default`. The `default`
//! ServiceAccount and the `kubernetes` Service are exempt.
//!
//! # Why it matters
//! The default namespace is where everything without a home ends up: its RBAC and
//! NetworkPolicies are rarely tailored, so objects there share more than they should.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! apiVersion: v1
//! kind: ConfigMap
//! metadata:
//!   name: settings
//! ```
//!
//! Good:
//!
//! ```yaml
//! apiVersion: v1
//! kind: ConfigMap
//! metadata:
//!   name: settings
//!   namespace: shop
//! ```
//!
//! # Remediation
//! Create a namespace per application or team and set `metadata.namespace`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/>

use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(DefaultNamespace {
    code: "DPY-K8S-013",
    checkov: ["CKV_K8S_21"],
    title: "Object uses the default namespace",
    severity: Low,
    reason: "trivy-checks KSV-0110 (Workloads in the default namespace) is Low; KICS \"Using Unrecommended Namespace\" is Medium. Low, as trivy: the namespace is an organisational boundary and exposes nothing by itself",
    targets: [
        (Kubernetes, "Pod"),
        (Kubernetes, "Deployment"),
        (Kubernetes, "DaemonSet"),
        (Kubernetes, "StatefulSet"),
        (Kubernetes, "ReplicaSet"),
        (Kubernetes, "ReplicationController"),
        (Kubernetes, "Job"),
        (Kubernetes, "CronJob"),
        (Kubernetes, "Service"),
        (Kubernetes, "Secret"),
        (Kubernetes, "ServiceAccount"),
        (Kubernetes, "Role"),
        (Kubernetes, "RoleBinding"),
        (Kubernetes, "ConfigMap"),
        (Kubernetes, "Ingress")
    ],
    description: "Workloads, Services, Secrets, ServiceAccounts, Roles, RoleBindings, ConfigMaps and Ingresses set `metadata.namespace` to something other than `default`. The `default` ServiceAccount and the `kubernetes` Service are exempt.",
    remediation: "Create a namespace per application or team and set `metadata.namespace`.",
    references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"],
    differences: [
        "Checkov also passes every object when the `HELM_NAMESPACE` environment variable names another namespace; Deputy's verdict does not depend on its environment."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let Some(metadata) = r
        .config
        .get("metadata")
        .filter(|m| super::k8s::truthy(Some(m)))
    else {
        return Verdict::fail("the object has no metadata, so it lands in the default namespace");
    };
    // A namespace key with any value other than `default` (even null) passes, as in
    // Checkov.
    if metadata
        .get("namespace")
        .is_some_and(|ns| ns.as_str() != Some("default"))
    {
        return Verdict::Pass;
    }
    let kind = r.config.get("kind").and_then(Value::as_str);
    let name = metadata.get("name").and_then(Value::as_str);
    match (kind, name) {
        // The default ServiceAccount and the API server's Service live there by design.
        (Some("ServiceAccount"), Some("default")) | (Some("Service"), Some("kubernetes")) => {
            Verdict::Pass
        }
        _ => Verdict::fail("the object is in the default namespace"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::manifest;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    #[test]
    fn verdicts() {
        let default = manifest("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        assert!(matches!(evaluate(&default, &cx()), Verdict::Fail(_)));
        let sa = manifest("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\n");
        assert_eq!(evaluate(&sa, &cx()), Verdict::Pass);
    }
}
