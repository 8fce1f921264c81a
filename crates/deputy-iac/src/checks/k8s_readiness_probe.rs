//! DPY-K8S-002: Container has no readiness probe.
//!
//! # What it checks
//! Every container (init containers excepted) of a long-running workload sets
//! `readinessProbe`. Jobs and CronJobs are not judged.
//!
//! # Why it matters
//! Without a readiness probe a Service sends traffic to a pod as soon as its process
//! starts, before it can serve, and keeps sending it while the pod is overloaded.
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
//!     readinessProbe:
//!       httpGet: {path: /ready, port: 8080}
//! ```
//!
//! # Remediation
//! Add a `readinessProbe` to every container.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ReadinessProbe {
    code: "DPY-K8S-002",
    checkov: ["CKV_K8S_9"],
    title: "Container has no readiness probe",
    severity: Low,
    reason: "KICS \"Readiness Probe Is Not Configured\" is Medium; trivy-checks has no equivalent. Low rather than Medium: it affects availability only, and KICS rates the matching liveness check Info",
    targets: [
        (Kubernetes, "Pod"),
        (Kubernetes, "PodTemplate"),
        (Kubernetes, "Deployment"),
        (Kubernetes, "DeploymentConfig"),
        (Kubernetes, "DaemonSet"),
        (Kubernetes, "ReplicaSet"),
        (Kubernetes, "ReplicationController"),
        (Kubernetes, "StatefulSet")
    ],
    description: "Every container (init containers excepted) of a long-running workload sets `readinessProbe`. Jobs and CronJobs are not judged.",
    remediation: "Add a `readinessProbe` to every container.",
    references: [
        "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, false, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    if truthy(c.get("readinessProbe")) {
        Answer::Pass
    } else {
        Answer::Fail("has no readinessProbe")
    }
}
