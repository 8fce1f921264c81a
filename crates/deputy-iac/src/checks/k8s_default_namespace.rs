//! DPY-K8S-013: Object uses the default namespace.
//!
//! # What it checks
//! Workloads, Services, Secrets, ServiceAccounts, Roles, RoleBindings, ConfigMaps and
//! Ingresses set `metadata.namespace` to something other than `default`. The `default`
//! ServiceAccount and the `kubernetes` Service are exempt.
//!
//! Terraform's Kubernetes resources (`kubernetes_pod`, `kubernetes_deployment`,
//! `kubernetes_daemonset`, `kubernetes_stateful_set`, `kubernetes_replication_controller`,
//! `kubernetes_job`, `kubernetes_cron_job`, `kubernetes_service`, `kubernetes_secret`,
//! `kubernetes_service_account`, `kubernetes_role_binding`, `kubernetes_config_map`,
//! `kubernetes_ingress` and their `_v1` forms) set `namespace` in their `metadata` block to
//! something other than `default`; as in Checkov's Terraform check, nothing is exempt there.
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

use super::k8s::tf;
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
        (Kubernetes, "Ingress"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1"),
        (Terraform, "kubernetes_daemonset"),
        (Terraform, "kubernetes_daemon_set_v1"),
        (Terraform, "kubernetes_stateful_set"),
        (Terraform, "kubernetes_stateful_set_v1"),
        (Terraform, "kubernetes_replication_controller"),
        (Terraform, "kubernetes_replication_controller_v1"),
        (Terraform, "kubernetes_job"),
        (Terraform, "kubernetes_job_v1"),
        (Terraform, "kubernetes_cron_job"),
        (Terraform, "kubernetes_cron_job_v1"),
        (Terraform, "kubernetes_service"),
        (Terraform, "kubernetes_service_v1"),
        (Terraform, "kubernetes_secret"),
        (Terraform, "kubernetes_secret_v1"),
        (Terraform, "kubernetes_service_account"),
        (Terraform, "kubernetes_service_account_v1"),
        (Terraform, "kubernetes_role_binding"),
        (Terraform, "kubernetes_role_binding_v1"),
        (Terraform, "kubernetes_config_map"),
        (Terraform, "kubernetes_config_map_v1"),
        (Terraform, "kubernetes_ingress"),
        (Terraform, "kubernetes_ingress_v1")
    ],
    description: "Workloads, Services, Secrets, ServiceAccounts, Roles, RoleBindings, ConfigMaps and Ingresses set `metadata.namespace` to something other than `default`. The `default` ServiceAccount and the `kubernetes` Service are exempt. Terraform's Kubernetes resources (`kubernetes_pod`, `kubernetes_deployment`, `kubernetes_daemonset`, `kubernetes_stateful_set`, `kubernetes_replication_controller`, `kubernetes_job`, `kubernetes_cron_job`, `kubernetes_service`, `kubernetes_secret`, `kubernetes_service_account`, `kubernetes_role_binding`, `kubernetes_config_map`, `kubernetes_ingress` and their `_v1` forms) set `namespace` in their `metadata` block to something other than `default`; as in Checkov's Terraform check, nothing is exempt there.",
    remediation: "Create a namespace per application or team and set `metadata.namespace`.",
    references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"],
    differences: [
        "Checkov also passes every object when the `HELM_NAMESPACE` environment variable names another namespace; Deputy's verdict does not depend on its environment."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return evaluate_terraform(r);
    }
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

/// Checkov's Terraform check: the first `metadata` block must set a namespace other than
/// `default`; a missing block or namespace is the default namespace.
fn evaluate_terraform(r: &Resource) -> Verdict {
    let Some(metadata) = tf::block(&r.config, "metadata") else {
        return Verdict::fail("the resource has no metadata, so it lands in the default namespace");
    };
    if metadata.is_unknown() {
        return Verdict::Unknown;
    }
    match metadata.get("namespace") {
        Some(ns) if ns.is_unknown() => Verdict::Unknown,
        Some(Value::String(ns)) if ns == "default" => {
            Verdict::fail("the resource is in the default namespace")
        }
        ns if super::k8s::truthy(ns) => Verdict::Pass,
        _ => Verdict::fail("the resource sets no namespace, so it lands in the default namespace"),
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

    #[test]
    fn terraform_verdicts() {
        let account = |body: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_service_account\" \"s\" {{\n{body}\n}}\n"
            ))
        };
        let judge = |body: &str| evaluate(&account(body), &cx());
        assert_eq!(
            judge("  metadata {\n    name = \"default\"\n    namespace = \"shop\"\n  }"),
            Verdict::Pass
        );
        // No exemption for the default ServiceAccount in Terraform.
        assert_eq!(
            judge("  metadata {\n    name = \"default\"\n  }"),
            Verdict::fail("the resource sets no namespace, so it lands in the default namespace")
        );
        assert_eq!(
            judge("  metadata {\n    namespace = \"default\"\n  }"),
            Verdict::fail("the resource is in the default namespace")
        );
        assert!(matches!(judge(""), Verdict::Fail(_)));
        assert_eq!(
            judge("  metadata {\n    namespace = var.ns\n  }"),
            Verdict::Unknown
        );
    }
}
