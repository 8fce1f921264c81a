//! DPY-K8S-014: Container root filesystem is writable.
//!
//! # What it checks
//! Every container and init container sets `securityContext.readOnlyRootFilesystem: true`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges
//! them, which only looks at containers with a security context: every `container` block
//! (init containers are not looked at) with a `security_context` sets
//! `read_only_root_filesystem = true` in it.
//!
//! # Why it matters
//! A writable root filesystem lets an attacker who gets code execution drop tools and
//! persist changes inside the container.
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
//!     securityContext: {readOnlyRootFilesystem: true}
//! ```
//!
//! # Remediation
//! Set `readOnlyRootFilesystem: true` and mount an `emptyDir` where the application must
//! write.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::tf;
use super::k8s::tf_security as tfs;
use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ReadOnlyRootFilesystem {
    code: "DPY-K8S-014",
    checkov: ["CKV_K8S_22"],
    title: "Container root filesystem is writable",
    severity: Low,
    reason: "trivy-checks KSV-0014 (Root file system is not read-only) is High; KICS \"Root Container Not Mounted Read-only\" is Low. Low, as KICS: it is defence in depth that no Pod Security Standard requires, and it matters only after an attacker runs code in the container",
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
    description: "Every container and init container sets `securityContext.readOnlyRootFilesystem: true`. Terraform pods and deployments (as Checkov's Terraform check): every `container` block (not init containers) that has a `security_context` sets `read_only_root_filesystem = true` in it.",
    remediation: "Set `readOnlyRootFilesystem: true` and mount an `emptyDir` where the application must write.",
    references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
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
    if truthy(super::k8s::security(c, "readOnlyRootFilesystem").as_ref()) {
        Answer::Pass
    } else {
        Answer::Fail("has a writable root filesystem")
    }
}

/// A Terraform workload, as Checkov's Terraform check for the id judges it.
fn terraform(r: &Resource) -> Verdict {
    tfs::each_container(r, Verdict::Unknown, Verdict::Pass, |c| {
        tfs::with_context(c, Answer::Pass, |ctx| {
            match ctx.get("read_only_root_filesystem") {
                Some(crate::model::Value::Unknown(_)) => Answer::Unknown,
                Some(v) if v.truth() == crate::model::Truth::True => Answer::Pass,
                _ => Answer::Fail("has a writable root filesystem"),
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        read_only_root_filesystem = false\n      }\n    }\n  }\n}\n"
            ),
            Verdict::fail("container `a` has a writable root filesystem")
        );
        assert!(matches!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        run_as_non_root = true\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Fail(_)
        ));
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        read_only_root_filesystem = true\n      }\n    }\n  }\n}\n"
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        read_only_root_filesystem = var.ro\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Unknown
        );
        assert_eq!(
            tf::shapes(evaluate),
            [Verdict::Unknown, Verdict::Pass, Verdict::Unknown]
        );
    }
}
