//! DPY-K8S-019: Container keeps the NET_RAW capability.
//!
//! # What it checks
//! Every container and init container drops `NET_RAW` (or `ALL`) in
//! `securityContext.capabilities.drop`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: every
//! `container` block (init containers are not looked at) must drop `NET_RAW` or `ALL` in
//! `security_context { capabilities { drop = […] } }`; a resource without `spec`, or
//! whose pod spec has no container, fails.
//!
//! # Why it matters
//! NET_RAW lets a process craft raw packets: ARP and DNS spoofing against other pods on the
//! node.
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
//!     securityContext:
//!       capabilities: {drop: [NET_RAW]}
//! ```
//!
//! # Remediation
//! Drop `ALL` capabilities (or at least `NET_RAW`) in every container.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::tf_security::{self as tfs, Block};
use super::k8s::{Answer, each_container, tf};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DropNetRaw {
    code: "DPY-K8S-019",
    checkov: ["CKV_K8S_28"],
    title: "Container keeps the NET_RAW capability",
    severity: Medium,
    reason: "KICS \"NET_RAW Capabilities Not Being Dropped\" is Medium; trivy-checks has no exact equivalent (KSV-0003, not dropping all capabilities, is Low; KSV-0119, adding NET_RAW explicitly, is High)",
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
    description: "Every container and init container drops `NET_RAW` (or `ALL`) in `securityContext.capabilities.drop`. Terraform pods and deployments: every `container` block (not init containers) drops `NET_RAW` or `ALL` in `security_context.capabilities.drop`; no `spec` or no container fails.",
    remediation: "Drop `ALL` capabilities (or at least `NET_RAW`) in every container.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
        "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return terraform(r);
    }
    each_container(r, true, judge)
}

/// A Terraform workload, as Checkov's Terraform check for the id judges it.
fn terraform(r: &Resource) -> Verdict {
    tfs::each_container(
        r,
        Verdict::fail("the resource has no spec"),
        Verdict::fail("the pod spec has no container"),
        |c| {
            tfs::with_context(
                c,
                Answer::Fail("has no security_context"),
                |ctx| match tfs::block(ctx, "capabilities") {
                    Block::Absent => Answer::Fail("drops no capabilities"),
                    Block::Unknown => Answer::Unknown,
                    Block::Found(caps) => match caps.get("drop") {
                        None | Some(crate::model::Value::Null) => {
                            Answer::Fail("drops no capabilities")
                        }
                        Some(drop) => match tfs::lists_any(drop, &["ALL", "NET_RAW"]) {
                            Some(true) => Answer::Pass,
                            Some(false) => Answer::Fail("does not drop NET_RAW"),
                            None => Answer::Unknown,
                        },
                    },
                },
            )
        },
    )
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    if super::k8s::drops_any(c, &["ALL", "all", "NET_RAW"]) {
        Answer::Pass
    } else {
        Answer::Fail("does not drop NET_RAW")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    fn pod(context: &str) -> Resource {
        tf::resource(&format!(
            "resource \"kubernetes_pod\" \"p\" {{\n  spec {{\n    container {{\n      name = \"a\"\n{context}    }}\n  }}\n}}\n"
        ))
    }

    #[test]
    fn terraform_verdicts() {
        let drops = pod(
            "      security_context {\n        capabilities {\n          drop = [\"NET_RAW\"]\n        }\n      }\n",
        );
        assert_eq!(evaluate(&drops, &cx()), Verdict::Pass);
        let wrong = pod(
            "      security_context {\n        capabilities {\n          drop = [\"CHOWN\"]\n        }\n      }\n",
        );
        assert_eq!(
            evaluate(&wrong, &cx()),
            Verdict::fail("container `a` does not drop NET_RAW")
        );
        assert!(matches!(evaluate(&pod(""), &cx()), Verdict::Fail(_)));
        let open = pod(
            "      security_context {\n        capabilities {\n          drop = var.drop\n        }\n      }\n",
        );
        assert_eq!(evaluate(&open, &cx()), Verdict::Unknown);
        let bare = tf::resource("resource \"kubernetes_deployment\" \"d\" {\n}\n");
        assert!(matches!(evaluate(&bare, &cx()), Verdict::Fail(_)));
        let empty = tf::resource("resource \"kubernetes_pod\" \"p\" {\n  spec {\n  }\n}\n");
        assert_eq!(evaluate(&empty, &cx()), Verdict::Unknown);
    }
}
