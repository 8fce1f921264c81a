//! DPY-K8S-024: Container does not drop all capabilities.
//!
//! # What it checks
//! Every container and init container drops `ALL` in `securityContext.capabilities.drop`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges
//! them, which only looks at containers that set capabilities: every `container` block
//! (init containers are not looked at) with a `security_context { capabilities { … } }`
//! drops `ALL` (or `all`) there.
//!
//! # Why it matters
//! The runtime's default capability set (CHOWN, SETUID, NET_RAW, …) is more than most
//! applications need; each one is a step for an attacker.
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
//!       capabilities: {drop: [ALL]}
//! ```
//!
//! # Remediation
//! Drop `ALL` and add back only what the application needs.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::tf;
use super::k8s::tf_security::{self as tfs, Block};
use super::k8s::{Answer, each_container};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DropAllCapabilities {
    code: "DPY-K8S-024",
    checkov: ["CKV_K8S_37"],
    title: "Container does not drop all capabilities",
    severity: Low,
    reason: "trivy-checks KSV-0003 (Default capabilities: some containers do not drop all) is Low; KICS \"No Drop Capabilities for Containers\" is Low",
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
    description: "Every container and init container drops `ALL` in `securityContext.capabilities.drop`. Terraform pods and deployments (as Checkov's Terraform check): every `container` block (not init containers) that has `security_context.capabilities` drops `ALL` there.",
    remediation: "Drop `ALL` and add back only what the application needs.",
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

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    let crate::model::Value::Map(_) = c else {
        return Answer::Fail("is not a mapping");
    };
    if super::k8s::drops_any(c, &["ALL", "all"]) {
        Answer::Pass
    } else {
        Answer::Fail("does not drop ALL capabilities")
    }
}

/// A Terraform workload, as Checkov's Terraform check for the id judges it.
fn terraform(r: &Resource) -> Verdict {
    tfs::each_container(r, Verdict::Unknown, Verdict::Pass, |c| {
        tfs::with_context(c, Answer::Pass, |ctx| {
            match tfs::block(ctx, "capabilities") {
                Block::Absent => Answer::Pass,
                Block::Unknown => Answer::Unknown,
                Block::Found(caps) => match caps.get("drop") {
                    None | Some(crate::model::Value::Null) => Answer::Fail("drops no capabilities"),
                    Some(drop) => match tfs::lists_any(drop, &["ALL", "all"]) {
                        Some(true) => Answer::Pass,
                        Some(false) => Answer::Fail("does not drop ALL capabilities"),
                        None => Answer::Unknown,
                    },
                },
            }
        })
    })
}

#[cfg(test)]
mod terraform_tests {
    use super::*;

    #[test]
    fn terraform_verdicts() {
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          drop = [\"NET_RAW\"]\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::fail("container `a` does not drop ALL capabilities")
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          drop = [\"ALL\"]\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Pass
        );
        assert!(matches!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          add = [\"NET_ADMIN\"]\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Fail(_)
        ));
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n    }\n  }\n}\n"
            ),
            Verdict::Pass
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          drop = var.drop\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Unknown
        );
        assert_eq!(
            tf::shapes(evaluate),
            [Verdict::Unknown, Verdict::Pass, Verdict::Unknown]
        );
    }
}
