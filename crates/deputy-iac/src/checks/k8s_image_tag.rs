//! DPY-K8S-007: Container image tag is latest or missing.
//!
//! # What it checks
//! Every container and init container names its image with a tag other than `latest`, or a
//! digest. An image that is not a plain string is not judged.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every
//! `container` block (not `init_container`) names its image the same way, and a pod spec
//! without containers fails; a resource without `spec`, or with an empty one, is not
//! judged.
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

use super::k8s::tf_containers::{Walk, judge_each, walk};
use super::k8s::{Answer, each_container, image_tag, tf, truthy};
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
        (Kubernetes, "StatefulSet"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1")
    ],
    description: "Every container and init container names its image with a tag other than `latest`, or a digest. An image that is not a plain string is not judged. Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every `container` block (not `init_container`) names its image the same way, and a pod spec without containers fails; a resource without `spec`, or with an empty one, is not judged.",
    remediation: "Pin every image to a version tag, or better a digest (`nginx@sha256:…`).",
    references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"],
    differences: [
        "On Terraform resources a registry's port (`registry:5000/app`) is not taken for a tag; Checkov's Terraform check reads whatever follows the first `:` as the tag."
    ],
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
        Walk::NoContainers { .. } => Verdict::fail("has no `container` to run a fixed image tag"),
        Walk::Containers(containers) => judge_each(containers, judge),
        Walk::NoSpec | Walk::EmptySpec | Walk::Unreadable => Verdict::Unknown,
    }
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

    fn pod(spec: &str) -> crate::model::Resource {
        crate::checks::k8s::tf::resource(&format!(
            "variable \"v\" {{}}\nresource \"kubernetes_pod_v1\" \"p\" {{\n  spec {{\n{spec}\n  }}\n}}\n"
        ))
    }

    #[test]
    fn terraform_verdicts() {
        let pinned = pod(
            "container {\n name = \"a\"\n image = \"nginx:1.27\"\n}\ncontainer {\n name = \"b\"\n image = \"nginx@sha256:abc\"\n}",
        );
        assert_eq!(evaluate(&pinned, &cx()), Verdict::Pass);
        let latest = pod(
            "container {\n name = \"a\"\n image = \"nginx:1.27\"\n}\ncontainer {\n name = \"b\"\n image = \"nginx:latest\"\n}",
        );
        assert_eq!(
            evaluate(&latest, &cx()),
            Verdict::fail("container `b` uses the latest tag")
        );
        let port = pod("container {\n name = \"a\"\n image = \"registry:5000/nginx\"\n}");
        assert!(matches!(evaluate(&port, &cx()), Verdict::Fail(_)));
        let unresolved = pod("container {\n name = \"a\"\n image = var.v\n}");
        assert_eq!(evaluate(&unresolved, &cx()), Verdict::Unknown);
        let none = pod("host_pid = true");
        assert!(matches!(evaluate(&none, &cx()), Verdict::Fail(_)));
        let listed = pod(
            "container = [\n {\n name = \"a\"\n image = \"nginx\"\n port = {\n container_port = 80\n }\n }\n]",
        );
        assert_eq!(evaluate(&listed, &cx()), Verdict::Unknown);
        let empty = pod("");
        assert_eq!(evaluate(&empty, &cx()), Verdict::Unknown);
    }
}
