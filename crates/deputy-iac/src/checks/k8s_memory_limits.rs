//! DPY-K8S-006: Container sets no memory limit.
//!
//! # What it checks
//! Every container and init container sets `resources.limits.memory`.
//!
//! # Why it matters
//! A container without a memory limit can exhaust its node's memory, getting other pods
//! evicted or killed.
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
//!     resources: {limits: {memory: 128Mi}}
//! ```
//!
//! # Remediation
//! Set `resources.limits.memory` on every container, or a LimitRange default in the
//! namespace.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(MemoryLimits {
    code: "DPY-K8S-006",
    checkov: ["CKV_K8S_13"],
    title: "Container sets no memory limit",
    severity: Low,
    reason: "trivy-checks KSV-0018 (Memory not limited) is Low; KICS \"Memory Limits Not Defined\" is Medium. Low, as trivy: the risk is availability (node memory pressure), not exposure",
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
    description: "Every container and init container sets `resources.limits.memory`.",
    remediation: "Set `resources.limits.memory` on every container, or a LimitRange default in the namespace.",
    references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    let Some(res) = c.get("resources").filter(|r| truthy(Some(r))) else {
        return Answer::Fail("sets no memory limit");
    };
    let Value::Map(_) = res else {
        return Answer::Unknown;
    };
    match res.get("limits") {
        Some(limits @ Value::Map(_)) if truthy(limits.get("memory")) => Answer::Pass,
        Some(Value::List(_) | Value::String(_)) => Answer::Unknown,
        _ => Answer::Fail("sets no memory limit"),
    }
}
