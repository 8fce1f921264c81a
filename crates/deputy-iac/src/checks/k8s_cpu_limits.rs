//! DPY-K8S-004: Container sets no CPU limit.
//!
//! # What it checks
//! Every container and init container sets `resources.limits.cpu`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every
//! `container` block (not `init_container`) sets `cpu` in the `limits` of its `resources`
//! block. A resource without `spec` fails; an empty `spec`, or a pod spec without
//! containers, is not judged.
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

use super::k8s::tf_containers::{Walk, judge_each, sets_quantity, walk};
use super::k8s::{Answer, each_container, tf, truthy};
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
        (Kubernetes, "StatefulSet"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1")
    ],
    description: "Every container and init container sets `resources.limits.cpu`. Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every `container` block (not `init_container`) sets `cpu` in the `limits` of its `resources` block. A resource without `spec` fails; an empty `spec`, or a pod spec without containers, is not judged.",
    remediation: "Set `resources.limits.cpu` on every container, or a LimitRange default in the namespace.",
    references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
    differences: [
        "On Terraform resources every container is judged; Checkov's Terraform check judges only the first."
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
        Walk::NoSpec => Verdict::fail("has no `spec`, so no container sets a CPU limit"),
        Walk::Containers(containers) => {
            judge_each(containers, |c| match sets_quantity(c, "limits", "cpu") {
                Some(true) => Answer::Pass,
                Some(false) => Answer::Fail("sets no CPU limit"),
                None => Answer::Unknown,
            })
        }
        Walk::EmptySpec | Walk::NoContainers { .. } | Walk::Unreadable => Verdict::Unknown,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::tf::resource;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    fn deployment(container: &str) -> Resource {
        resource(&format!(
            "variable \"v\" {{}}\nresource \"kubernetes_deployment_v1\" \"d\" {{\n  spec {{\n    template {{\n      spec {{\n{container}\n      }}\n    }}\n  }}\n}}\n"
        ))
    }

    #[test]
    fn terraform_verdicts() {
        let set = deployment(
            "container {\n name = \"a\"\n resources {\n limits = {\n cpu = \"1\"\n }\n }\n}",
        );
        assert_eq!(evaluate(&set, &cx()), Verdict::Pass);
        let requests = deployment(
            "container {\n name = \"a\"\n resources {\n requests = {\n cpu = \"1\"\n }\n }\n}",
        );
        assert_eq!(
            evaluate(&requests, &cx()),
            Verdict::fail("container `a` sets no CPU limit")
        );
        let unresolved =
            deployment("container {\n name = \"a\"\n resources {\n limits = var.v\n }\n}");
        assert_eq!(evaluate(&unresolved, &cx()), Verdict::Unknown);
        let none = deployment("host_pid = true");
        assert_eq!(evaluate(&none, &cx()), Verdict::Unknown);
        let empty = resource("resource \"kubernetes_pod\" \"p\" {\n  spec {\n  }\n}\n");
        assert_eq!(evaluate(&empty, &cx()), Verdict::Unknown);
    }
}
