//! DPY-K8S-024: Container does not drop all capabilities.
//!
//! # What it checks
//! Every container and init container drops `ALL` in `securityContext.capabilities.drop`.
//!
//! # Why it matters
//! The runtime's default capability set (CHOWN, SETUID, NET_RAW, …) is more than most
//! applications need; each one is a step for an attacker.
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
//!       capabilities: {drop: [ALL]}
//! ```
//!
//! # Remediation
//! Drop `ALL` and add back only what the application needs.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{Answer, each_container};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DropAllCapabilities {
    code: "DPY-K8S-024",
    checkov: ["CKV_K8S_37"],
    title: "Container does not drop all capabilities",
    severity: Low,
    reason: "trivy-checks KSV-0003 (Default capabilities: some containers do not drop all) is Low; KICS \"No Drop Capabilities for Containers\" is Low",
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
    description: "Every container and init container drops `ALL` in `securityContext.capabilities.drop`.",
    remediation: "Drop `ALL` and add back only what the application needs.",
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
    let crate::model::Value::Map(_) = c else {
        return Answer::Fail("is not a mapping");
    };
    if super::k8s::drops_any(c, &["ALL", "all"]) {
        Answer::Pass
    } else {
        Answer::Fail("does not drop ALL capabilities")
    }
}
