//! DPY-K8S-011: Pod shares the host network namespace.
//!
//! # What it checks
//! The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet,
//! ReplicationController, Job or CronJob does not set `hostNetwork: true`.
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

use super::k8s::{pod_spec, truthy};
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
        (Kubernetes, "CronJob")
    ],
    description: "The pod spec of a Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, Job or CronJob does not set `hostNetwork: true`.",
    remediation: "Remove `hostNetwork: true`; run tools that need the host's network as node agents outside the workload, or in a dedicated, tightly controlled namespace.",
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if pod_spec(r).is_some_and(|spec| truthy(spec.get("hostNetwork"))) {
        Verdict::fail("the pod sets `hostNetwork: true`")
    } else {
        Verdict::Pass
    }
}
