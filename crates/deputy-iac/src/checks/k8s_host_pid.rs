//! DPY-K8S-009: Pod shares the host process ID namespace.
//!
//! # What it checks
//! The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet,
//! ReplicationController, Job or CronJob does not set `hostPID: true`.
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

use super::k8s::{pod_spec, truthy};
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
        (Kubernetes, "CronJob")
    ],
    description: "The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, Job or CronJob does not set `hostPID: true`.",
    remediation: "Remove `hostPID: true`; run tools that need the host's processes as node agents outside the workload, or in a dedicated, tightly controlled namespace.",
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if pod_spec(r).is_some_and(|spec| truthy(spec.get("hostPID"))) {
        Verdict::fail("the pod sets `hostPID: true`")
    } else {
        Verdict::Pass
    }
}
