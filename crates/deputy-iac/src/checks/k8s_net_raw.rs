//! DPY-K8S-019: Container keeps the NET_RAW capability.
//!
//! # What it checks
//! Every container and init container drops `NET_RAW` (or `ALL`) in
//! `securityContext.capabilities.drop`.
//!
//! # Why it matters
//! NET_RAW lets a process craft raw packets: ARP and DNS spoofing against other pods on the
//! node.
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
//!     securityContext:
//!       capabilities: {drop: [NET_RAW]}
//! ```
//!
//! # Remediation
//! Drop `ALL` capabilities (or at least `NET_RAW`) in every container.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{Answer, each_container};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DropNetRaw {
    code: "DPY-K8S-019",
    checkov: ["CKV_K8S_28"],
    title: "Container keeps the NET_RAW capability",
    severity: Medium,
    reason: "KICS \"NET_RAW Capabilities Not Being Dropped\" is Medium; trivy-checks has no exact equivalent (KSV-0003, not dropping all capabilities, is Low; KSV-0119, adding NET_RAW explicitly, is High)",
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
    description: "Every container and init container drops `NET_RAW` (or `ALL`) in `securityContext.capabilities.drop`.",
    remediation: "Drop `ALL` capabilities (or at least `NET_RAW`) in every container.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
        "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    if super::k8s::drops_any(c, &["ALL", "all", "NET_RAW"]) {
        Answer::Pass
    } else {
        Answer::Fail("does not drop NET_RAW")
    }
}
