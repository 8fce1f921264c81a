//! DPY-K8S-034: Container image pull policy is not Always.
//!
//! # What it checks
//! Every container and init container pulls its image with `imagePullPolicy: Always`,
//! unless it is pinned by digest; without a policy, images tagged `latest` (or untagged,
//! which Kubernetes pulls always) pass and others fail.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged on every `container` block (not
//! `init_container`) by the same rule, with `image_pull_policy`. As in Checkov's Terraform
//! check, a resource without `spec`, or with an empty one, fails, and a pod spec without
//! containers is not judged.
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

use super::k8s::tf_containers::{Walk, judge_each, walk};
use super::k8s::{Answer, each_container, tf, truthy};
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
        (Kubernetes, "StatefulSet"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1")
    ],
    description: "Every container and init container pulls its image with `imagePullPolicy: Always`, unless it is pinned by digest; without a policy, images tagged `latest` (or untagged, which Kubernetes pulls always) pass and others fail. Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and `kubernetes_deployment_v1` are judged on every `container` block (not `init_container`) by the same rule, with `image_pull_policy`. As in Checkov's Terraform check, a resource without `spec`, or with an empty one, fails, and a pod spec without containers is not judged.",
    remediation: "Set `imagePullPolicy: Always`, or pin images by digest.",
    references: ["https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy"],
    differences: [
        "On Terraform resources a container is judged by the manifest rule: an untagged image without `image_pull_policy` passes (Kubernetes then pulls always), and an image pinned by digest passes whatever its policy. Checkov's Terraform check fails an untagged image without a policy, passes any image whose name contains `latest`, and requires `Always` whenever a policy is set.",
        "On Terraform resources every container is judged; Checkov's Terraform check stops at the first container."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return terraform(r);
    }
    each_container(r, true, |c| judge(c, "imagePullPolicy"))
}

/// A Terraform `kubernetes_*` resource: the manifest rule on every `container` block,
/// where the resource ends as Checkov's Terraform check ends it.
fn terraform(r: &Resource) -> Verdict {
    match walk(r) {
        Walk::NoSpec | Walk::EmptySpec => {
            Verdict::fail("has no pod spec, so no container pulls with imagePullPolicy: Always")
        }
        Walk::Containers(containers) => judge_each(containers, |c| judge(c, "image_pull_policy")),
        Walk::NoContainers { .. } | Walk::Unreadable => Verdict::Unknown,
    }
}

/// One container's answer, its pull policy read from `policy_key`.
fn judge(c: &crate::model::Value, policy_key: &str) -> Answer {
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
    match c.get(policy_key) {
        // Kubernetes pulls `latest` and untagged images always by default.
        None => match super::k8s::image_tag(image) {
            "" | "latest" => Answer::Pass,
            _ if digest => Answer::Pass,
            _ => Answer::Fail("does not set imagePullPolicy: Always"),
        },
        Some(crate::model::Value::Unknown(_)) if !digest => Answer::Unknown,
        Some(policy) if !digest && policy.as_str() != Some("Always") => {
            Answer::Fail("does not set imagePullPolicy: Always")
        }
        Some(_) => Answer::Pass,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::tf::resource;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    fn pod(spec: &str) -> Resource {
        resource(&format!(
            "variable \"v\" {{}}\nresource \"kubernetes_pod\" \"p\" {{\n  spec {{\n{spec}\n  }}\n}}\n"
        ))
    }

    #[test]
    fn terraform_verdicts() {
        let always = pod(
            "container {\n name = \"a\"\n image = \"nginx:1.27\"\n image_pull_policy = \"Always\"\n}",
        );
        assert_eq!(evaluate(&always, &cx()), Verdict::Pass);
        let latest = pod("container {\n name = \"a\"\n image = \"nginx:latest\"\n}");
        assert_eq!(evaluate(&latest, &cx()), Verdict::Pass);
        // Kubernetes pulls an untagged image always (Checkov's Terraform check fails it).
        let untagged = pod("container {\n name = \"a\"\n image = \"nginx\"\n}");
        assert_eq!(evaluate(&untagged, &cx()), Verdict::Pass);
        let tagged = pod("container {\n name = \"a\"\n image = \"nginx:1.27\"\n}");
        assert!(matches!(evaluate(&tagged, &cx()), Verdict::Fail(_)));
        let never = pod(
            "container {\n name = \"a\"\n image = \"nginx:latest\"\n image_pull_policy = \"Always\"\n}\ncontainer {\n name = \"b\"\n image = \"nginx:latest\"\n image_pull_policy = \"Never\"\n}",
        );
        assert_eq!(
            evaluate(&never, &cx()),
            Verdict::fail("container `b` does not set imagePullPolicy: Always")
        );
        let unresolved = pod("container {\n name = \"a\"\n image = var.v\n}");
        assert_eq!(evaluate(&unresolved, &cx()), Verdict::Unknown);
        let policy = pod(
            "container {\n name = \"a\"\n image = \"nginx:1.27\"\n image_pull_policy = var.v\n}",
        );
        assert_eq!(evaluate(&policy, &cx()), Verdict::Unknown);
        let none = pod("host_pid = true");
        assert_eq!(evaluate(&none, &cx()), Verdict::Unknown);
        let empty = pod("");
        assert!(matches!(evaluate(&empty, &cx()), Verdict::Fail(_)));
    }
}
