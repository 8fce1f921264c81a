//! DPY-K8S-014: Container root filesystem is writable.
//!
//! # What it checks
//! Every container and init container sets `securityContext.readOnlyRootFilesystem: true`.
//!
//! # Why it matters
//! A writable root filesystem lets an attacker who gets code execution drop tools and
//! persist changes inside the container.
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
//!     securityContext: {readOnlyRootFilesystem: true}
//! ```
//!
//! # Remediation
//! Set `readOnlyRootFilesystem: true` and mount an `emptyDir` where the application must
//! write.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ReadOnlyRootFilesystem {
    code: "DPY-K8S-014",
    checkov: ["CKV_K8S_22"],
    title: "Container root filesystem is writable",
    severity: Low,
    reason: "trivy-checks KSV-0014 (Root file system is not read-only) is High; KICS \"Root Container Not Mounted Read-only\" is Low. Low, as KICS: it is defence in depth that no Pod Security Standard requires, and it matters only after an attacker runs code in the container",
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
    description: "Every container and init container sets `securityContext.readOnlyRootFilesystem: true`.",
    remediation: "Set `readOnlyRootFilesystem: true` and mount an `emptyDir` where the application must write.",
    references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    if truthy(super::k8s::security(c, "readOnlyRootFilesystem").as_ref()) {
        Answer::Pass
    } else {
        Answer::Fail("has a writable root filesystem")
    }
}
