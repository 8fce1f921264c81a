//! DPY-K8S-007: Container image tag is latest or missing.
//!
//! # What it checks
//! Every container and init container names its image with a tag other than `latest`, or a
//! digest. An image that is not a plain string is not judged.
//!
//! # Why it matters
//! `latest` (or no tag, which means `latest`) changes under a running deployment: rollbacks
//! and audits cannot tell which code ran, and a compromised upstream push is picked up on
//! the next restart.
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
//!     image: nginx
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
//!     image: nginx:1.27.3
//! ```
//!
//! # Remediation
//! Pin every image to a version tag, or better a digest (`nginx@sha256:…`).
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/containers/images/#image-names>

use super::k8s::{Answer, each_container, image_tag, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ImageTagFixed {
    code: "DPY-K8S-007",
    checkov: ["CKV_K8S_14"],
    title: "Container image tag is latest or missing",
    severity: Medium,
    reason: "trivy-checks KSV-0013 (Image tag ':latest' used) is Medium; KICS \"Invalid Image Tag\" is Low. Medium, as trivy: a moving tag lets a changed or hijacked image reach the cluster on the next pull",
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
    description: "Every container and init container names its image with a tag other than `latest`, or a digest. An image that is not a plain string is not judged.",
    remediation: "Pin every image to a version tag, or better a digest (`nginx@sha256:…`).",
    references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"],
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
    let Some(image) = image.as_str().map(str::trim).filter(|i| !i.is_empty()) else {
        return Answer::Unknown;
    };
    if image.contains('@') {
        return Answer::Pass;
    }
    match image_tag(image) {
        "" | "latest" => Answer::Fail("uses the latest tag"),
        _ => Answer::Pass,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(image_tag("nginx"), "");
        assert_eq!(image_tag("nginx:latest"), "latest");
        assert_eq!(image_tag("localhost:5000/nginx"), "");
        assert_eq!(image_tag("gcr.io/a/b:1.2"), "1.2");
    }

    use crate::checks::k8s::manifest;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    #[test]
    fn verdicts() {
        let latest = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  containers:\n  - {name: a, image: \"nginx\"}\n",
        );
        assert!(matches!(evaluate(&latest, &cx()), Verdict::Fail(_)));
        let pinned = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  containers:\n  - {name: a, image: \"r:5000/nginx:1.2\"}\n",
        );
        assert_eq!(evaluate(&pinned, &cx()), Verdict::Pass);
    }
}
