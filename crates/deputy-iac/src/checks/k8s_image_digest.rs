//! DPY-K8S-028: Container image is not pinned by digest.
//!
//! # What it checks
//! Every container and init container names its image by digest (`@sha256:…`).
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every
//! `container` block (not `init_container`) that sets `image` names it by digest; a
//! resource without `spec`, or with an empty one, fails, and a pod spec without containers
//! is not judged.
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

use super::k8s::tf_containers::{Walk, judge_each, walk};
use super::k8s::{Answer, each_container, tf, truthy};
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
        (Kubernetes, "StatefulSet"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1")
    ],
    description: "Every container and init container names its image by digest (`@sha256:…`). Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every `container` block (not `init_container`) that sets `image` names it by digest; a resource without `spec`, or with an empty one, fails, and a pod spec without containers is not judged.",
    remediation: "Reference images by digest, for example with an admission controller or a build step that resolves tags.",
    references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return terraform(r);
    }
    each_container(r, true, judge)
}

/// A Terraform `kubernetes_*` resource, judged as Checkov's Terraform check judges it.
fn terraform(r: &Resource) -> Verdict {
    match walk(r) {
        Walk::NoSpec | Walk::EmptySpec => {
            Verdict::fail("has no pod spec, so no image is pinned by digest")
        }
        Walk::Containers(containers) => judge_each(containers, |c| match c.get("image") {
            // The provider lets a container leave its image to a controller: nothing to pin.
            image if !truthy(image) => Answer::Pass,
            Some(crate::model::Value::String(image)) if image.contains('@') => Answer::Pass,
            Some(crate::model::Value::String(_)) => Answer::Fail("is not pinned by digest"),
            _ => Answer::Unknown,
        }),
        Walk::NoContainers { .. } | Walk::Unreadable => Verdict::Unknown,
    }
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    match c.get("image") {
        Some(crate::model::Value::String(image)) if image.contains('@') => Answer::Pass,
        _ => Answer::Fail("is not pinned by digest"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::tf::resource;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    fn deployment(spec: &str) -> Resource {
        resource(&format!(
            "variable \"v\" {{}}\nresource \"kubernetes_deployment\" \"d\" {{\n  spec {{\n    template {{\n      spec {{\n{spec}\n      }}\n    }}\n  }}\n}}\n"
        ))
    }

    #[test]
    fn terraform_verdicts() {
        let pinned = deployment("container {\n name = \"a\"\n image = \"nginx@sha256:abc\"\n}");
        assert_eq!(evaluate(&pinned, &cx()), Verdict::Pass);
        let tagged = deployment(
            "container {\n name = \"a\"\n image = \"nginx@sha256:abc\"\n}\ncontainer {\n name = \"b\"\n image = \"nginx:1.27\"\n}",
        );
        assert_eq!(
            evaluate(&tagged, &cx()),
            Verdict::fail("container `b` is not pinned by digest")
        );
        let unresolved = deployment("container {\n name = \"a\"\n image = var.v\n}");
        assert_eq!(evaluate(&unresolved, &cx()), Verdict::Unknown);
        let none = deployment("host_pid = true");
        assert_eq!(evaluate(&none, &cx()), Verdict::Unknown);
        let no_spec = resource(
            "resource \"kubernetes_pod\" \"p\" {\n  metadata {\n    name = \"p\"\n  }\n}\n",
        );
        assert!(matches!(evaluate(&no_spec, &cx()), Verdict::Fail(_)));
    }
}
