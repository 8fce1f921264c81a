//! DPY-K8S-018: Pod has no security context.
//!
//! # What it checks
//! The pod spec sets a non-empty `securityContext`.
//!
//! # Why it matters
//! The pod-level security context sets defaults (user, group, filesystem group, seccomp)
//! for every container; without it each container falls back to the runtime's permissive
//! defaults.
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
//!   securityContext:
//!     runAsNonRoot: true
//!     seccompProfile: {type: RuntimeDefault}
//!   containers:
//!   - name: app
//!     image: nginx:1.27
//! ```
//!
//! # Remediation
//! Add a pod `securityContext` with at least `runAsNonRoot`, `runAsUser` and
//! `seccompProfile`.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{pod_spec, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PodSecurityContext {
    code: "DPY-K8S-018",
    checkov: ["CKV_K8S_29"],
    title: "Pod has no security context",
    severity: Low,
    reason: "KICS \"Pod or Container Without Security Context\" is Low; trivy-checks KSV-0118 (Default security context configured) is High. Low, as KICS: an empty context only means defaults, and the risky defaults (root, privilege escalation, capabilities) have checks of their own",
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
    description: "The pod spec sets a non-empty `securityContext`.",
    remediation: "Add a pod `securityContext` with at least `runAsNonRoot`, `runAsUser` and `seccompProfile`.",
    references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if pod_spec(r).is_some_and(|s| truthy(s.get("securityContext"))) {
        Verdict::Pass
    } else {
        Verdict::fail("the pod spec has no securityContext")
    }
}
