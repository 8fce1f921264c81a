//! DPY-K8S-036: Container adds CAP_SYS_ADMIN.
//!
//! # What it checks
//! No container or init container lists `SYS_ADMIN` in `securityContext.capabilities.add`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges
//! them: no `container` block (init containers are not looked at) lists `SYS_ADMIN` in
//! `security_context { capabilities { add = [...] } }`.
//!
//! # Why it matters
//! SYS_ADMIN is the catch-all capability: mounting filesystems, namespaces, BPF; with it
//! most container escapes are a few commands.
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
//!       capabilities: {add: [SYS_ADMIN]}
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
//! Remove SYS_ADMIN; find the narrower capability or a privileged node agent for the task.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::tf;
use super::k8s::tf_security::{self as tfs, Block};
use super::k8s::{Answer, each_container};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SysAdminCapability {
    code: "DPY-K8S-036",
    checkov: ["CKV_K8S_39"],
    title: "Container adds CAP_SYS_ADMIN",
    severity: High,
    reason: "trivy-checks KSV-0005 (SYS_ADMIN capability added) is High; KICS \"Containers With Sys Admin Capabilities\" is High",
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
    description: "No container or init container lists `SYS_ADMIN` in `securityContext.capabilities.add`. Terraform pods and deployments: no `container` block (not init containers) lists `SYS_ADMIN` in `security_context.capabilities.add`.",
    remediation: "Remove SYS_ADMIN; find the narrower capability or a privileged node agent for the task.",
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
    let adds = c.path("securityContext.capabilities.add");
    if adds
        .into_iter()
        .flat_map(crate::model::Value::items)
        .any(|a| a.as_str() == Some("SYS_ADMIN"))
    {
        Answer::Fail("adds SYS_ADMIN")
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
                Block::Found(caps) => match caps.get("add") {
                    None | Some(crate::model::Value::Null) => Answer::Pass,
                    Some(add) => match tfs::lists_any(add, &["SYS_ADMIN"]) {
                        Some(true) => Answer::Fail("adds SYS_ADMIN"),
                        Some(false) => Answer::Pass,
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          add = [\"NET_ADMIN\", \"SYS_ADMIN\"]\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::fail("container `a` adds SYS_ADMIN")
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          add = [\"NET_ADMIN\"]\n        }\n      }\n    }\n  }\n}\n"
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        capabilities {\n          add = [var.cap]\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Unknown
        );
        assert_eq!(
            tf::shapes(evaluate),
            [Verdict::Unknown, Verdict::Pass, Verdict::Unknown]
        );
    }
}
