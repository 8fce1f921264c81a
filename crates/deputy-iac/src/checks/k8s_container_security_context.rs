//! DPY-K8S-021: Container has no security context.
//!
//! # What it checks
//! Every container and init container sets a non-empty `securityContext`.
//!
//! # Why it matters
//! Without a security context every setting falls back to the runtime's permissive
//! defaults: root user, privilege escalation allowed, default capabilities.
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
//!     securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
//! ```
//!
//! # Remediation
//! Give every container a `securityContext` with at least `runAsNonRoot`,
//! `allowPrivilegeEscalation: false` and dropped capabilities.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ContainerSecurityContext {
    code: "DPY-K8S-021",
    checkov: ["CKV_K8S_30"],
    title: "Container has no security context",
    severity: Low,
    reason: "KICS \"Pod or Container Without Security Context\" is Low; trivy-checks KSV-0118 (Default security context configured) is High. Low, as KICS: an empty context only means defaults, and the risky defaults (root, privilege escalation, capabilities) have checks of their own",
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
    description: "Every container and init container sets a non-empty `securityContext`.",
    remediation: "Give every container a `securityContext` with at least `runAsNonRoot`, `allowPrivilegeEscalation: false` and dropped capabilities.",
    references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    if truthy(c.get("securityContext")) {
        Answer::Pass
    } else {
        Answer::Fail("has no securityContext")
    }
}
