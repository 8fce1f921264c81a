//! DPY-K8S-022: Pod mounts a service account token it may not need.
//!
//! # What it checks
//! The pod spec sets `automountServiceAccountToken: false`.
//!
//! # Why it matters
//! Every pod gets an API token by default; a compromised container uses it to talk to the
//! API server with whatever its ServiceAccount may do.
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
//!   automountServiceAccountToken: false
//!   containers:
//!   - name: app
//!     image: nginx:1.27
//! ```
//!
//! # Remediation
//! Set `automountServiceAccountToken: false` on pods that do not call the Kubernetes API
//! (or on their ServiceAccount).
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting>

use super::k8s::{pod_spec, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(ServiceAccountToken {
    code: "DPY-K8S-022",
    checkov: ["CKV_K8S_38"],
    title: "Pod mounts a service account token it may not need",
    severity: Medium,
    reason: "trivy-checks KSV-0036 (Protecting Pod service account tokens) is Medium; KICS \"Service Account Token Automount Not Disabled\" is Medium",
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
    description: "The pod spec sets `automountServiceAccountToken: false`.",
    remediation: "Set `automountServiceAccountToken: false` on pods that do not call the Kubernetes API (or on their ServiceAccount).",
    references: [
        "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match pod_spec(r) {
        Some(Value::Map(spec)) => {
            if spec.get("automountServiceAccountToken") == Some(&Value::Bool(false)) {
                Verdict::Pass
            } else {
                Verdict::fail("the pod does not set automountServiceAccountToken: false")
            }
        }
        Some(other) if truthy(Some(other)) => Verdict::Unknown,
        _ => Verdict::fail("the pod does not set automountServiceAccountToken: false"),
    }
}
