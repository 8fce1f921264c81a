//! DPY-K8S-010: Pod shares the host IPC namespace.
//!
//! # What it checks
//! The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet,
//! ReplicationController, Job or CronJob does not set `hostIPC: true`.
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

use super::k8s::{pod_spec, truthy};
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
        (Kubernetes, "CronJob")
    ],
    description: "The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, Job or CronJob does not set `hostIPC: true`.",
    remediation: "Remove `hostIPC: true`; run tools that need the host's IPC namespace as node agents outside the workload, or in a dedicated, tightly controlled namespace.",
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if pod_spec(r).is_some_and(|spec| truthy(spec.get("hostIPC"))) {
        Verdict::fail("the pod sets `hostIPC: true`")
    } else {
        Verdict::Pass
    }
}
