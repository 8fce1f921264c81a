//! DPY-K8S-016: Container adds Linux capabilities.
//!
//! # What it checks
//! No container or init container lists capabilities under
//! `securityContext.capabilities.add`.
//!
//! # Why it matters
//! Each added capability widens what a compromised process may do to the kernel and the
//! node (SYS_ADMIN alone is close to root).
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
//!     securityContext:
//!       capabilities: {add: [NET_ADMIN]}
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
//!       capabilities: {drop: [ALL]}
//! ```
//!
//! # Remediation
//! Remove `capabilities.add`, or justify each capability and suppress the finding for that
//! workload.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AddedCapabilities {
    code: "DPY-K8S-016",
    checkov: ["CKV_K8S_25"],
    title: "Container adds Linux capabilities",
    severity: Medium,
    reason: "trivy-checks KSV-0022 (Specific capabilities added) is Medium; KICS \"Containers With Added Capabilities\" is Medium",
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
    description: "No container or init container lists capabilities under `securityContext.capabilities.add`.",
    remediation: "Remove `capabilities.add`, or justify each capability and suppress the finding for that workload.",
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
    let caps = super::k8s::security(c, "capabilities").filter(|c| truthy(Some(c)));
    if caps.as_ref().is_some_and(|caps| truthy(caps.get("add"))) {
        Answer::Fail("adds capabilities")
    } else {
        Answer::Pass
    }
}
