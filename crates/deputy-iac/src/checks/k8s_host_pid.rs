//! DPY-K8S-009: Pod shares the host process ID namespace.
//!
//! # What it checks
//! The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet,
//! ReplicationController, Job or CronJob does not set `hostPID: true`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them:
//! `host_pid` in the pod's `spec` (a deployment's
//! `spec.template.spec`) is `false` or absent; any other value fails.
//!
//! # Why it matters
//! With the host's PID namespace a container sees every process on the node, can read their
//! environments and, with ptrace, inject into them.
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
//!   hostPID: true
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
//! Remove `hostPID: true`; run tools that need the host's processes as node agents outside
//! the workload, or in a dedicated, tightly controlled namespace.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>

use super::k8s::{pod_spec, tf, tf_security, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(HostPid {
    code: "DPY-K8S-009",
    checkov: ["CKV_K8S_17"],
    title: "Pod shares the host process ID namespace",
    severity: High,
    reason: "trivy-checks KSV-0010 (Access to host PID) is High; KICS \"Shared Host PID Namespace\" is High",
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
    description: "The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, Job or CronJob does not set `hostPID: true`. Terraform pods and deployments: `host_pid` is `false` or absent in the pod spec (a deployment's template).",
    remediation: "Remove `hostPID: true`; run tools that need the host's processes as node agents outside the workload, or in a dedicated, tightly controlled namespace.",
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return tf_security::host_namespace(r, "host_pid", true);
    }
    if pod_spec(r).is_some_and(|spec| truthy(spec.get("hostPID"))) {
        Verdict::fail("the pod sets `hostPID: true`")
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
                "resource \"kubernetes_pod\" \"p\" {{\n  spec {{\n    host_pid = {v}\n  }}\n}}\n"
            ))
        };
        assert!(matches!(evaluate(&pod("true"), &cx()), Verdict::Fail(_)));
        assert_eq!(evaluate(&pod("false"), &cx()), Verdict::Pass);
        assert_eq!(evaluate(&pod("var.x"), &cx()), Verdict::Unknown);
        let deployment = tf::resource(
            "resource \"kubernetes_deployment\" \"d\" {\n  spec {\n    template {\n      spec {\n        host_pid = true\n      }\n    }\n  }\n}\n",
        );
        assert!(matches!(evaluate(&deployment, &cx()), Verdict::Fail(_)));
        let unset = tf::resource("resource \"kubernetes_deployment\" \"d\" {\n}\n");
        assert_eq!(evaluate(&unset, &cx()), Verdict::Pass);
    }
}
