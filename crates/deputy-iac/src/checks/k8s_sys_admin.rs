//! DPY-K8S-036: Container adds CAP_SYS_ADMIN.
//!
//! # What it checks
//! No container or init container lists `SYS_ADMIN` in `securityContext.capabilities.add`.
//!
//! # Why it matters
//! SYS_ADMIN is the catch-all capability: mounting filesystems, namespaces, BPF; with it
//! most container escapes are a few commands.
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
//!       capabilities: {add: [SYS_ADMIN]}
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
//! Remove SYS_ADMIN; find the narrower capability or a privileged node agent for the task.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{Answer, each_container};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SysAdminCapability {
    code: "DPY-K8S-036",
    checkov: ["CKV_K8S_39"],
    title: "Container adds CAP_SYS_ADMIN",
    severity: High,
    reason: "trivy-checks KSV-0005 (SYS_ADMIN capability added) is High; KICS \"Containers With Sys Admin Capabilities\" is High",
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
    description: "No container or init container lists `SYS_ADMIN` in `securityContext.capabilities.add`.",
    remediation: "Remove SYS_ADMIN; find the narrower capability or a privileged node agent for the task.",
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
    let adds = c.path("securityContext.capabilities.add");
    if adds
        .into_iter()
        .flat_map(crate::model::Value::items)
        .any(|a| a.as_str() == Some("SYS_ADMIN"))
    {
        Answer::Fail("adds SYS_ADMIN")
    } else {
        Answer::Pass
    }
}
