//! DPY-K8S-010: Pod shares the host IPC namespace.
//!
//! # What it checks
//! The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet,
//! ReplicationController, Job or CronJob does not set `hostIPC: true`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them:
//! `host_ipc` in the pod's `spec` (a deployment's
//! `spec.template.spec`) is not `true`.
//!
//! # Why it matters
//! With the host's IPC namespace a container can read and write shared memory of every
//! process on the node.
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
//!   hostIPC: true
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
//! Remove `hostIPC: true`; run tools that need the host's IPC namespace as node agents
//! outside the workload, or in a dedicated, tightly controlled namespace.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>

use super::k8s::{pod_spec, tf, tf_security, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(HostIpc {
    code: "DPY-K8S-010",
    checkov: ["CKV_K8S_18"],
    title: "Pod shares the host IPC namespace",
    severity: High,
    reason: "trivy-checks KSV-0008 (Access to host IPC namespace) is High; KICS \"Shared Host IPC Namespace\" is Medium. High, as trivy: the baseline Pod Security Standard forbids it like the other host namespaces",
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
    description: "The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, Job or CronJob does not set `hostIPC: true`. Terraform pods and deployments: `host_ipc` is not `true` in the pod spec (a deployment's template).",
    remediation: "Remove `hostIPC: true`; run tools that need the host's IPC namespace as node agents outside the workload, or in a dedicated, tightly controlled namespace.",
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return tf_security::host_namespace(r, "host_ipc", false);
    }
    if pod_spec(r).is_some_and(|spec| truthy(spec.get("hostIPC"))) {
        Verdict::fail("the pod sets `hostIPC: true`")
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
                "resource \"kubernetes_pod\" \"p\" {{\n  spec {{\n    host_ipc = {v}\n  }}\n}}\n"
            ))
        };
        assert!(matches!(evaluate(&pod("true"), &cx()), Verdict::Fail(_)));
        assert_eq!(evaluate(&pod("false"), &cx()), Verdict::Pass);
        assert_eq!(evaluate(&pod("var.x"), &cx()), Verdict::Unknown);
        let deployment = tf::resource(
            "resource \"kubernetes_deployment\" \"d\" {\n  spec {\n    template {\n      spec {\n        host_ipc = true\n      }\n    }\n  }\n}\n",
        );
        assert!(matches!(evaluate(&deployment, &cx()), Verdict::Fail(_)));
        let unset = tf::resource("resource \"kubernetes_deployment\" \"d\" {\n}\n");
        assert_eq!(evaluate(&unset, &cx()), Verdict::Pass);
    }
}
