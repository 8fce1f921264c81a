//! DPY-K8S-004: Container sets no CPU limit.
//!
//! # What it checks
//! Every container and init container sets `resources.limits.cpu`.
//!
//! # Why it matters
//! A container without a CPU limit can take every core of its node, starving its neighbours
//! (a noisy neighbour or a cryptominer in a compromised pod).
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
//!     resources: {limits: {cpu: 500m}}
//! ```
//!
//! # Remediation
//! Set `resources.limits.cpu` on every container, or a LimitRange default in the namespace.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(CpuLimits {
    code: "DPY-K8S-004",
    checkov: ["CKV_K8S_11"],
    title: "Container sets no CPU limit",
    severity: Low,
    reason: "trivy-checks KSV-0011 (CPU not limited) is Low; KICS \"CPU Limits Not Set\" is Low",
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
    description: "Every container and init container sets `resources.limits.cpu`.",
    remediation: "Set `resources.limits.cpu` on every container, or a LimitRange default in the namespace.",
    references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    let Some(res) = c.get("resources").filter(|r| truthy(Some(r))) else {
        return Answer::Fail("sets no CPU limit");
    };
    let Value::Map(_) = res else {
        return Answer::Unknown;
    };
    match res.get("limits") {
        Some(limits @ Value::Map(_)) if truthy(limits.get("cpu")) => Answer::Pass,
        Some(Value::List(_) | Value::String(_)) => Answer::Unknown,
        _ => Answer::Fail("sets no CPU limit"),
    }
}
