//! DPY-K8S-016: Container adds Linux capabilities.
//!
//! # What it checks
//! No container or init container lists capabilities under
//! `securityContext.capabilities.add`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges
//! them: no `container` block (init containers are not looked at) lists capabilities in
//! `security_context { capabilities { add = [...] } }`.
//!
//! # Why it matters
//! Each added capability widens what a compromised process may do to the kernel and the
//! node (SYS_ADMIN alone is close to root).
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
//!     securityContext:
//!       capabilities: {add: [NET_ADMIN]}
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
//! Remove `capabilities.add`, or justify each capability and suppress the finding for that
//! workload.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::tf;
use super::k8s::tf_security::{self as tfs, Block};
use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AddedCapabilities {
    code: "DPY-K8S-016",
    checkov: ["CKV_K8S_25"],
    title: "Container adds Linux capabilities",
    severity: Medium,
    reason: "trivy-checks KSV-0022 (Specific capabilities added) is Medium; KICS \"Containers With Added Capabilities\" is Medium",
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
    description: "No container or init container lists capabilities under `securityContext.capabilities.add`. Terraform pods and deployments: no `container` block (not init containers) lists capabilities in `security_context.capabilities.add`.",
    remediation: "Remove `capabilities.add`, or justify each capability and suppress the finding for that workload.",
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
    let caps = super::k8s::security(c, "capabilities").filter(|c| truthy(Some(c)));
    if caps.as_ref().is_some_and(|caps| truthy(caps.get("add"))) {
        Answer::Fail("adds capabilities")
    } else {
        Answer::Pass
    }
}

/// A Terraform workload, as Checkov's Terraform check for the id judges it.
fn terraform(r: &Resource) -> Verdict {
    tfs::each_container(r, Verdict::Unknown, Verdict::Pass, |c| {
        tfs::with_context(c, Answer::Pass, |ctx| {
            match tfs::block(ctx, "capabilities") {
                Block::Absent => Answer::Pass,
                Block::Unknown => Answer::Unknown,
                Block::Found(caps) => match tfs::set(caps.get("add")) {
                    Some(true) => Answer::Fail("adds capabilities"),
                    Some(false) => Answer::Pass,
                    None => Answer::Unknown,
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          add = [\"NET_ADMIN\"]\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::fail("container `a` adds capabilities")
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          add = []\n          drop = [\"ALL\"]\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Pass
        );
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          add = var.caps\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Unknown
        );
        assert_eq!(
            tf::shapes(evaluate),
            [Verdict::Unknown, Verdict::Pass, Verdict::Unknown]
        );
    }
}
