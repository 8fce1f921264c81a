//! DPY-K8S-012: Container allows privilege escalation.
//!
//! # What it checks
//! Every container and init container sets `securityContext.allowPrivilegeEscalation:
//! false` explicitly (the default allows it).
//!
//! # Why it matters
//! With privilege escalation allowed, a setuid binary or file capability inside the image
//! lets a compromised process gain more privileges than the container was started with.
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
//!     securityContext: {allowPrivilegeEscalation: false}
//! ```
//!
//! # Remediation
//! Set `securityContext.allowPrivilegeEscalation: false` on every container.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{Answer, each_container};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AllowPrivilegeEscalation {
    code: "DPY-K8S-012",
    checkov: ["CKV_K8S_20"],
    title: "Container allows privilege escalation",
    severity: Medium,
    reason: "trivy-checks KSV-0001 (Can elevate its own privileges) is Medium; KICS \"Privilege Escalation Allowed\" is High. Medium, as trivy: it takes a setuid binary or file capability in the image to matter, and only the restricted Pod Security Standard forbids it",
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
    description: "Every container and init container sets `securityContext.allowPrivilegeEscalation: false` explicitly (the default allows it).",
    remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
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
    if super::k8s::security(c, "allowPrivilegeEscalation") == Some(crate::model::Value::Bool(false))
    {
        Answer::Pass
    } else {
        Answer::Fail("does not set allowPrivilegeEscalation: false")
    }
}
