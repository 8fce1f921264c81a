//! DPY-K8S-035: Container binds a host port.
//!
//! # What it checks
//! No container or init container sets `hostPort` on any of its `ports`.
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

use super::k8s::{Answer, each_container, truthy};
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
        (Kubernetes, "StatefulSet")
    ],
    description: "No container or init container sets `hostPort` on any of its `ports`.",
    remediation: "Remove `hostPort`; expose the pod through a Service.",
    references: [
        "https://kubernetes.io/docs/concepts/configuration/overview/#services",
        "https://kubernetes.io/docs/concepts/security/pod-security-standards/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
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
