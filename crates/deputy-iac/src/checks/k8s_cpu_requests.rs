//! DPY-K8S-003: Container sets no CPU request.
//!
//! # What it checks
//! Every container and init container sets `resources.requests.cpu`. A container whose
//! `resources` has no `requests` map is not judged, as in Checkov.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every
//! `container` block (not `init_container`) sets `cpu` in the `requests` of its
//! `resources` block, and a container without `resources` or `requests` fails. A resource
//! without `spec` fails; an empty `spec`, or a pod spec without containers, is not judged.
//!
//! # Why it matters
//! Without a CPU request the scheduler cannot place the pod by its needs, and under
//! contention the container is the first to be starved.
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
//!     resources: {requests: {memory: 64Mi}}
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
//!     resources: {requests: {cpu: 250m, memory: 64Mi}}
//! ```
//!
//! # Remediation
//! Set `resources.requests.cpu` on every container.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/>

use super::k8s::tf_containers::{Walk, judge_each, sets_quantity, walk};
use super::k8s::{Answer, each_container, tf, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(CpuRequests {
    code: "DPY-K8S-003",
    checkov: ["CKV_K8S_10"],
    title: "Container sets no CPU request",
    severity: Low,
    reason: "trivy-checks KSV-0015 (CPU requests not specified) is Low; KICS \"CPU Requests Not Set\" is Low",
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
    description: "Every container and init container sets `resources.requests.cpu`. A container whose `resources` has no `requests` map is not judged, as in Checkov. Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every `container` block (not `init_container`) sets `cpu` in the `requests` of its `resources` block, and a container without `resources` or `requests` fails. A resource without `spec` fails; an empty `spec`, or a pod spec without containers, is not judged.",
    remediation: "Set `resources.requests.cpu` on every container.",
    references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
    differences: [
        "A container with no `resources` at all fails, and one with `resources` but no `requests` map gives no verdict, as in Checkov.",
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
        Walk::NoSpec => Verdict::fail("has no `spec`, so no container sets a CPU request"),
        Walk::Containers(containers) => {
            judge_each(containers, |c| match sets_quantity(c, "requests", "cpu") {
                Some(true) => Answer::Pass,
                Some(false) => Answer::Fail("sets no CPU request"),
                None => Answer::Unknown,
            })
        }
        Walk::EmptySpec | Walk::NoContainers { .. } | Walk::Unreadable => Verdict::Unknown,
    }
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    let Some(res) = c.get("resources").filter(|r| truthy(Some(r))) else {
        return Answer::Fail("sets no CPU request");
    };
    let Value::Map(_) = res else {
        return Answer::Unknown;
    };
    // Checkov cannot judge `resources` without a `requests` map.
    let Some(requests @ Value::Map(_)) = res.get("requests") else {
        return Answer::Unknown;
    };
    if truthy(requests.get("cpu")) {
        Answer::Pass
    } else {
        Answer::Fail("sets no CPU request")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::tf::resource;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    fn pod(container: &str) -> Resource {
        resource(&format!(
            "variable \"v\" {{}}\nresource \"kubernetes_pod\" \"p\" {{\n  spec {{\n{container}\n  }}\n}}\n"
        ))
    }

    #[test]
    fn terraform_verdicts() {
        let set = pod(
            "container {\n name = \"a\"\n resources {\n requests = {\n cpu = \"250m\"\n }\n }\n}",
        );
        assert_eq!(evaluate(&set, &cx()), Verdict::Pass);
        let second = pod(
            "container {\n name = \"a\"\n resources {\n requests = {\n cpu = \"250m\"\n }\n }\n}\ncontainer {\n name = \"b\"\n resources {\n requests = {\n memory = \"1Gi\"\n }\n }\n}",
        );
        assert_eq!(
            evaluate(&second, &cx()),
            Verdict::fail("container `b` sets no CPU request")
        );
        let bare = pod("container {\n name = \"a\"\n}");
        assert_eq!(
            evaluate(&bare, &cx()),
            Verdict::fail("container `a` sets no CPU request")
        );
        let unresolved =
            pod("container {\n name = \"a\"\n resources {\n requests = {\n cpu = var.v\n }\n }\n}");
        assert_eq!(evaluate(&unresolved, &cx()), Verdict::Unknown);
        let none = pod("host_pid = true");
        assert_eq!(evaluate(&none, &cx()), Verdict::Unknown);
        let no_spec = resource(
            "resource \"kubernetes_deployment\" \"d\" {\n  metadata {\n    name = \"d\"\n  }\n}\n",
        );
        assert!(matches!(evaluate(&no_spec, &cx()), Verdict::Fail(_)));
    }
}
