//! DPY-K8S-028: Container image is not pinned by digest.
//!
//! # What it checks
//! Every container and init container names its image by digest (`@sha256:…`).
//!
//! # Why it matters
//! A tag can be moved to different content at any time; only a digest guarantees the image
//! that was reviewed is the one that runs.
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
//!     image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
//! ```
//!
//! # Remediation
//! Reference images by digest, for example with an admission controller or a build step
//! that resolves tags.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/containers/images/#image-names>

use super::k8s::{Answer, each_container};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ImageDigest {
    code: "DPY-K8S-028",
    checkov: ["CKV_K8S_43"],
    title: "Container image is not pinned by digest",
    severity: Low,
    reason: "KICS \"Image Without Digest\" is Low; trivy-checks has no equivalent",
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
    description: "Every container and init container names its image by digest (`@sha256:…`).",
    remediation: "Reference images by digest, for example with an admission controller or a build step that resolves tags.",
    references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    match c.get("image") {
        Some(crate::model::Value::String(image)) if image.contains('@') => Answer::Pass,
        _ => Answer::Fail("is not pinned by digest"),
    }
}
