//! DPY-K8S-035: Container binds a host port.
//!
//! # What it checks
//! No container or init container sets `hostPort` on any of its `ports`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: no
//! `container` block (not `init_container`) sets `host_port` on a `port` block. A resource
//! without `spec`, or with an empty one, fails, and a pod spec without containers is not
//! judged.
//!
//! # Why it matters
//! A host port publishes the container on the node's own address, around Services and
//! NetworkPolicies, and pins the pod to nodes where the port is free.
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
//!   containers:
//!   - name: app
//!     image: nginx:1.27
//!     ports:
//!     - {containerPort: 8080, hostPort: 80}
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
//!     ports:
//!     - {containerPort: 8080}
//! ```
//!
//! # Remediation
//! Remove `hostPort`; expose the pod through a Service.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/configuration/overview/#services>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>

use super::k8s::tf_containers::{Walk, judge_each, walk};
use super::k8s::{Answer, each_container, tf, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(HostPort {
    code: "DPY-K8S-035",
    checkov: ["CKV_K8S_26"],
    title: "Container binds a host port",
    severity: Low,
    reason: "trivy-checks KSV-0024 (Access to host ports) is High; KICS \"Workload Host Port Not Specified\" (a hostPort is set) is Low. Low, as KICS: the port exposes only the container's own service on the node's address and gives no access to the host",
    targets: [
        (Kubernetes, "CronJob"),
        (Kubernetes, "Pod"),
        (Kubernetes, "PodTemplate"),
        (Kubernetes, "Deployment"),
        (Kubernetes, "DeploymentConfig"),
        (Kubernetes, "DaemonSet"),
        (Kubernetes, "Job"),
        (Kubernetes, "ReplicaSet"),
        (Kubernetes, "ReplicationController"),
        (Kubernetes, "StatefulSet"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1")
    ],
    description: "No container or init container sets `hostPort` on any of its `ports`. Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: no `container` block (not `init_container`) sets `host_port` on a `port` block. A resource without `spec`, or with an empty one, fails, and a pod spec without containers is not judged.",
    remediation: "Remove `hostPort`; expose the pod through a Service.",
    references: [
        "https://kubernetes.io/docs/concepts/configuration/overview/#services",
        "https://kubernetes.io/docs/concepts/security/pod-security-standards/"
    ],
    differences: [
        "On Terraform resources every container is judged; Checkov's Terraform check judges only the first."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return terraform(r);
    }
    each_container(r, true, judge)
}

/// A Terraform `kubernetes_*` resource, judged as Checkov's Terraform check judges it.
fn terraform(r: &Resource) -> Verdict {
    match walk(r) {
        Walk::NoSpec | Walk::EmptySpec => Verdict::fail("has no pod spec to judge"),
        Walk::Containers(containers) => judge_each(containers, terraform_container),
        Walk::NoContainers { .. } | Walk::Unreadable => Verdict::Unknown,
    }
}

/// One Terraform container's answer: a `port` block that names `host_port` fails.
fn terraform_container(c: &crate::model::Value) -> Answer {
    let mut unknown = false;
    for port in c
        .get("port")
        .into_iter()
        .flat_map(crate::model::Value::items)
    {
        match port {
            crate::model::Value::Unknown(_) => unknown = true,
            p if p.get("host_port").is_some() => return Answer::Fail("binds a host_port"),
            _ => {}
        }
    }
    if unknown {
        Answer::Unknown
    } else {
        Answer::Pass
    }
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    let has_host_port = truthy(c.get("ports"))
        && c.get("ports")
            .into_iter()
            .flat_map(crate::model::Value::items)
            .any(|p| p.get("hostPort").is_some());
    if has_host_port {
        Answer::Fail("binds a hostPort")
    } else {
        Answer::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::tf::resource;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    fn pod(spec: &str) -> Resource {
        resource(&format!(
            "variable \"v\" {{}}\nresource \"kubernetes_pod\" \"p\" {{\n  spec {{\n{spec}\n  }}\n}}\n"
        ))
    }

    #[test]
    fn terraform_verdicts() {
        let plain = pod("container {\n name = \"a\"\n port {\n container_port = 80\n }\n}");
        assert_eq!(evaluate(&plain, &cx()), Verdict::Pass);
        let bound = pod(
            "container {\n name = \"a\"\n}\ncontainer {\n name = \"b\"\n port {\n container_port = 80\n }\n port {\n container_port = 81\n host_port = 81\n }\n}",
        );
        assert_eq!(
            evaluate(&bound, &cx()),
            Verdict::fail("container `b` binds a host_port")
        );
        let unresolved = pod("container {\n name = \"a\"\n port = var.v\n}");
        assert_eq!(evaluate(&unresolved, &cx()), Verdict::Unknown);
        let none = pod("host_pid = true");
        assert_eq!(evaluate(&none, &cx()), Verdict::Unknown);
        let empty = pod("");
        assert!(matches!(evaluate(&empty, &cx()), Verdict::Fail(_)));
    }
}
