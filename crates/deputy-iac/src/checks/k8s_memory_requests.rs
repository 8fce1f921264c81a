//! DPY-K8S-005: Container sets no memory request.
//!
//! # What it checks
//! Every container and init container sets `resources.requests.memory`. A container whose
//! `resources` has no `requests` map is not judged, as in Checkov.
//!
//! # Why it matters
//! Without a memory request the scheduler can overcommit the node, and the container is
//! among the first the kernel kills under memory pressure.
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
//!     resources: {requests: {cpu: 250m}}
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
//! Set `resources.requests.memory` on every container.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(MemoryRequests {
    code: "DPY-K8S-005",
    checkov: ["CKV_K8S_12"],
    title: "Container sets no memory request",
    severity: Low,
    reason: "trivy-checks KSV-0016 (Memory requests not specified) is Low; KICS \"Memory Requests Not Defined\" is Medium. Low, as trivy: it affects scheduling and availability only",
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
    description: "Every container and init container sets `resources.requests.memory`. A container whose `resources` has no `requests` map is not judged, as in Checkov.",
    remediation: "Set `resources.requests.memory` on every container.",
    references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    let Some(res) = c.get("resources").filter(|r| truthy(Some(r))) else {
        return Answer::Fail("sets no memory request");
    };
    let Value::Map(_) = res else {
        return Answer::Unknown;
    };
    // Checkov cannot judge `resources` without a `requests` map.
    let Some(requests @ Value::Map(_)) = res.get("requests") else {
        return Answer::Unknown;
    };
    if truthy(requests.get("memory")) {
        Answer::Pass
    } else {
        Answer::Fail("sets no memory request")
    }
}
