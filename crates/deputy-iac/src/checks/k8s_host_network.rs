//! DPY-K8S-011: Pod shares the host network namespace.
//!
//! # What it checks
//! The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet,
//! ReplicationController, Job or CronJob does not set `hostNetwork: true`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them:
//! `host_network` in the pod's `spec` (a deployment's
//! `spec.template.spec`) is `false` or absent; any other value fails.
//!
//! # Why it matters
//! With the host's network namespace a container can sniff node traffic, reach services
//! bound to localhost and bypass NetworkPolicies.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! apiVersion: v1
//! kind: Pod
//! metadata:
//!   name: web
//!   namespace: shop
//! spec:
//!   hostNetwork: true
//!   containers:
//!   - name: app
//!     image: nginx:1.27
//! ```
//!
//! Good:
//!
//! ```yaml
//! apiVersion: v1
//! kind: Pod
//! metadata:
//!   name: web
//!   namespace: shop
//! spec:
//!   containers:
//!   - name: app
//!     image: nginx:1.27
//! ```
//!
//! # Remediation
//! Remove `hostNetwork: true`; run tools that need the host's network as node agents
//! outside the workload, or in a dedicated, tightly controlled namespace.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>

use super::k8s::{pod_spec, tf, tf_security, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(HostNetwork {
    code: "DPY-K8S-011",
    checkov: ["CKV_K8S_19"],
    title: "Pod shares the host network namespace",
    severity: High,
    reason: "trivy-checks KSV-0009 (Access to host network) is High; KICS \"Shared Host Network Namespace\" is Medium. High, as trivy: the pod reaches node-local services and sees node traffic, and the baseline Pod Security Standard forbids it",
    targets: [
        (Kubernetes, "Pod"),
        (Kubernetes, "Deployment"),
        (Kubernetes, "DaemonSet"),
        (Kubernetes, "StatefulSet"),
        (Kubernetes, "ReplicaSet"),
        (Kubernetes, "ReplicationController"),
        (Kubernetes, "Job"),
        (Kubernetes, "CronJob"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1")
    ],
    description: "The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, Job or CronJob does not set `hostNetwork: true`. Terraform pods and deployments: `host_network` is `false` or absent in the pod spec (a deployment's template).",
    remediation: "Remove `hostNetwork: true`; run tools that need the host's network as node agents outside the workload, or in a dedicated, tightly controlled namespace.",
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return tf_security::host_namespace(r, "host_network", true);
    }
    if pod_spec(r).is_some_and(|spec| truthy(spec.get("hostNetwork"))) {
        Verdict::fail("the pod sets `hostNetwork: true`")
    } else {
        Verdict::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    #[test]
    fn terraform_verdicts() {
        let pod = |v: &str| {
            tf::resource(&format!(
                "resource \"kubernetes_pod\" \"p\" {{\n  spec {{\n    host_network = {v}\n  }}\n}}\n"
            ))
        };
        assert!(matches!(evaluate(&pod("true"), &cx()), Verdict::Fail(_)));
        assert_eq!(evaluate(&pod("false"), &cx()), Verdict::Pass);
        assert_eq!(evaluate(&pod("var.x"), &cx()), Verdict::Unknown);
        let deployment = tf::resource(
            "resource \"kubernetes_deployment\" \"d\" {\n  spec {\n    template {\n      spec {\n        host_network = true\n      }\n    }\n  }\n}\n",
        );
        assert!(matches!(evaluate(&deployment, &cx()), Verdict::Fail(_)));
        let unset = tf::resource("resource \"kubernetes_deployment\" \"d\" {\n}\n");
        assert_eq!(evaluate(&unset, &cx()), Verdict::Pass);
    }
}
