//! DPY-K8S-034: Container image pull policy is not Always.
//!
//! # What it checks
//! Every container and init container pulls its image with `imagePullPolicy: Always`,
//! unless it is pinned by digest; without a policy, images tagged `latest` (or untagged,
//! which Kubernetes pulls always) pass and others fail.
//!
//! # Why it matters
//! With `IfNotPresent` a node keeps running whatever image it cached under the tag, and a
//! pod can start from an image the registry's access controls would no longer give it.
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
//!     imagePullPolicy: IfNotPresent
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
//!     imagePullPolicy: Always
//! ```
//!
//! # Remediation
//! Set `imagePullPolicy: Always`, or pin images by digest.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ImagePullPolicyAlways {
    code: "DPY-K8S-034",
    checkov: ["CKV_K8S_15"],
    title: "Container image pull policy is not Always",
    severity: Low,
    reason: "KICS \"Image Pull Policy Of The Container Is Not Set To Always\" is Low; trivy-checks has no per-container equivalent (KCV-0012, the AlwaysPullImages admission plugin, is Low)",
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
    description: "Every container and init container pulls its image with `imagePullPolicy: Always`, unless it is pinned by digest; without a policy, images tagged `latest` (or untagged, which Kubernetes pulls always) pass and others fail.",
    remediation: "Set `imagePullPolicy: Always`, or pin images by digest.",
    references: ["https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    let Some(image) = c.get("image").filter(|i| truthy(Some(i))) else {
        return Answer::Fail("has no image");
    };
    let Some(image) = image.as_str().filter(|i| !i.trim().is_empty()) else {
        return Answer::Unknown;
    };
    let (image, digest) = match image.split_once('@') {
        Some((name, _)) => (name, true),
        None => (image, false),
    };
    match c.get("imagePullPolicy") {
        // Kubernetes pulls `latest` and untagged images always by default.
        None => match super::k8s::image_tag(image) {
            "" | "latest" => Answer::Pass,
            _ if digest => Answer::Pass,
            _ => Answer::Fail("does not set imagePullPolicy: Always"),
        },
        Some(policy) if !digest && policy.as_str() != Some("Always") => {
            Answer::Fail("does not set imagePullPolicy: Always")
        }
        Some(_) => Answer::Pass,
    }
}
