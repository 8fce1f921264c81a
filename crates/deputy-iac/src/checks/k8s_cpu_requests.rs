//! DPY-K8S-003: Container sets no CPU request.
//!
//! # What it checks
//! Every container and init container sets `resources.requests.cpu`. A container whose
//! `resources` has no `requests` map is not judged, as in Checkov.
//!
//! # Why it matters
//! Without a CPU request the scheduler cannot place the pod by its needs, and under
//! contention the container is the first to be starved.
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
//!     resources: {requests: {memory: 64Mi}}
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
//!     resources: {requests: {cpu: 250m, memory: 64Mi}}
//! ```
//!
//! # Remediation
//! Set `resources.requests.cpu` on every container.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(CpuRequests {
    code: "DPY-K8S-003",
    checkov: ["CKV_K8S_10"],
    title: "Container sets no CPU request",
    severity: Low,
    reason: "trivy-checks KSV-0015 (CPU requests not specified) is Low; KICS \"CPU Requests Not Set\" is Low",
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
    description: "Every container and init container sets `resources.requests.cpu`. A container whose `resources` has no `requests` map is not judged, as in Checkov.",
    remediation: "Set `resources.requests.cpu` on every container.",
    references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
    differences: [
        "A container with no `resources` at all fails, and one with `resources` but no `requests` map gives no verdict, as in Checkov."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    let Some(res) = c.get("resources").filter(|r| truthy(Some(r))) else {
        return Answer::Fail("sets no CPU request");
    };
    let Value::Map(_) = res else {
        return Answer::Unknown;
    };
    // Checkov cannot judge `resources` without a `requests` map.
    let Some(requests @ Value::Map(_)) = res.get("requests") else {
        return Answer::Unknown;
    };
    if truthy(requests.get("cpu")) {
        Answer::Pass
    } else {
        Answer::Fail("sets no CPU request")
    }
}
