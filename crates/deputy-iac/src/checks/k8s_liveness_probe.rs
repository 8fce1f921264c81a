//! DPY-K8S-001: Container has no liveness probe.
//!
//! # What it checks
//! Every container (init containers excepted) of a long-running workload (Pod, Deployment,
//! DaemonSet, StatefulSet, ReplicaSet, ReplicationController, DeploymentConfig,
//! PodTemplate) sets `livenessProbe`. Jobs and CronJobs are not judged.
//!
//! # Why it matters
//! Without a liveness probe the kubelet cannot tell a hung process from a healthy one and
//! never restarts it, so a deadlocked service keeps receiving traffic.
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
//!     livenessProbe:
//!       httpGet: {path: /healthz, port: 8080}
//! ```
//!
//! # Remediation
//! Add a `livenessProbe` (HTTP, TCP or exec) to every container.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LivenessProbe {
    code: "DPY-K8S-001",
    checkov: ["CKV_K8S_8"],
    title: "Container has no liveness probe",
    severity: Info,
    reason: "KICS \"Liveness Probe Is Not Defined\" is Info; trivy-checks has no equivalent. It affects availability, not exposure",
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
    description: "Every container (init containers excepted) of a long-running workload (Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, DeploymentConfig, PodTemplate) sets `livenessProbe`. Jobs and CronJobs are not judged.",
    remediation: "Add a `livenessProbe` (HTTP, TCP or exec) to every container.",
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
    if truthy(c.get("livenessProbe")) {
        Answer::Pass
    } else {
        Answer::Fail("has no livenessProbe")
    }
}
