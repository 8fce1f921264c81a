//! DPY-K8S-001: Container has no liveness probe.
//!
//! # What it checks
//! Every container (init containers excepted) of a long-running workload (Pod, Deployment,
//! DaemonSet, StatefulSet, ReplicaSet, ReplicationController, DeploymentConfig,
//! PodTemplate) sets `livenessProbe`. Jobs and CronJobs are not judged.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every
//! `container` block (not `init_container`) sets `liveness_probe`. A resource without
//! `spec`, or with an empty one, fails, and a pod spec without containers is not judged.
//!
//! # Why it matters
//! Without a liveness probe the kubelet cannot tell a hung process from a healthy one and
//! never restarts it, so a deadlocked service keeps receiving traffic.
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
//!     livenessProbe:
//!       httpGet: {path: /healthz, port: 8080}
//! ```
//!
//! # Remediation
//! Add a `livenessProbe` (HTTP, TCP or exec) to every container.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>

use super::k8s::tf_containers::{Walk, judge_each, walk};
use super::k8s::{Answer, each_container, tf, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LivenessProbe {
    code: "DPY-K8S-001",
    checkov: ["CKV_K8S_8"],
    title: "Container has no liveness probe",
    severity: Info,
    reason: "KICS \"Liveness Probe Is Not Defined\" is Info; trivy-checks has no equivalent. It affects availability, not exposure",
    targets: [
        (Kubernetes, "Pod"),
        (Kubernetes, "PodTemplate"),
        (Kubernetes, "Deployment"),
        (Kubernetes, "DeploymentConfig"),
        (Kubernetes, "DaemonSet"),
        (Kubernetes, "ReplicaSet"),
        (Kubernetes, "ReplicationController"),
        (Kubernetes, "StatefulSet"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1")
    ],
    description: "Every container (init containers excepted) of a long-running workload (Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, DeploymentConfig, PodTemplate) sets `livenessProbe`. Jobs and CronJobs are not judged. Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every `container` block (not `init_container`) sets `liveness_probe`. A resource without `spec`, or with an empty one, fails, and a pod spec without containers is not judged.",
    remediation: "Add a `livenessProbe` (HTTP, TCP or exec) to every container.",
    references: [
        "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"
    ],
    differences: [
        "On Terraform resources every container is judged; Checkov's Terraform check judges only the first."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return terraform(r);
    }
    each_container(r, false, judge)
}

/// A Terraform `kubernetes_*` resource, judged as Checkov's Terraform check judges it.
fn terraform(r: &Resource) -> Verdict {
    match walk(r) {
        Walk::NoSpec | Walk::EmptySpec => {
            Verdict::fail("has no pod spec, so no container has a liveness_probe")
        }
        Walk::Containers(containers) => judge_each(containers, terraform_container),
        Walk::NoContainers { .. } | Walk::Unreadable => Verdict::Unknown,
    }
}

/// One Terraform container's answer.
fn terraform_container(c: &crate::model::Value) -> Answer {
    match c.get("liveness_probe") {
        Some(crate::model::Value::Unknown(_)) => Answer::Unknown,
        probe if truthy(probe) => Answer::Pass,
        _ => Answer::Fail("has no liveness_probe"),
    }
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    if truthy(c.get("livenessProbe")) {
        Answer::Pass
    } else {
        Answer::Fail("has no livenessProbe")
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
        let probed = pod(
            "container {\n name = \"a\"\n liveness_probe {\n tcp_socket {\n port = 80\n }\n }\n}",
        );
        assert_eq!(evaluate(&probed, &cx()), Verdict::Pass);
        let second = pod(
            "container {\n name = \"a\"\n liveness_probe {\n tcp_socket {\n port = 80\n }\n }\n}\ncontainer {\n name = \"b\"\n}",
        );
        assert_eq!(
            evaluate(&second, &cx()),
            Verdict::fail("container `b` has no liveness_probe")
        );
        let none = pod("host_pid = true");
        assert_eq!(evaluate(&none, &cx()), Verdict::Unknown);
        let no_spec = resource(
            "resource \"kubernetes_pod\" \"p\" {\n  metadata {\n    name = \"p\"\n  }\n}\n",
        );
        assert!(matches!(evaluate(&no_spec, &cx()), Verdict::Fail(_)));
    }
}
