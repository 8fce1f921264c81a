//! DPY-K8S-012: Container allows privilege escalation.
//!
//! # What it checks
//! Every container and init container sets `securityContext.allowPrivilegeEscalation:
//! false` explicitly (the default allows it).
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges
//! them, which only fails an explicit `true`: no `container` block (init containers are not
//! looked at) sets `security_context { allow_privilege_escalation = true }`; a resource
//! without `spec` or without containers has no verdict.
//!
//! # Why it matters
//! With privilege escalation allowed, a setuid binary or file capability inside the image
//! lets a compromised process gain more privileges than the container was started with.
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
//!     securityContext: {allowPrivilegeEscalation: false}
//! ```
//!
//! # Remediation
//! Set `securityContext.allowPrivilegeEscalation: false` on every container.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::tf;
use super::k8s::tf_security as tfs;
use super::k8s::{Answer, each_container};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AllowPrivilegeEscalation {
    code: "DPY-K8S-012",
    checkov: ["CKV_K8S_20"],
    title: "Container allows privilege escalation",
    severity: Medium,
    reason: "trivy-checks KSV-0001 (Can elevate its own privileges) is Medium; KICS \"Privilege Escalation Allowed\" is High. Medium, as trivy: it takes a setuid binary or file capability in the image to matter, and only the restricted Pod Security Standard forbids it",
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
    description: "Every container and init container sets `securityContext.allowPrivilegeEscalation: false` explicitly (the default allows it). Terraform pods and deployments (as Checkov's Terraform check): no `container` block (not init containers) sets `security_context.allow_privilege_escalation = true`; without containers there is no verdict.",
    remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
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
    if super::k8s::security(c, "allowPrivilegeEscalation") == Some(crate::model::Value::Bool(false))
    {
        Answer::Pass
    } else {
        Answer::Fail("does not set allowPrivilegeEscalation: false")
    }
}

/// A Terraform workload, as Checkov's Terraform check for the id judges it.
fn terraform(r: &Resource) -> Verdict {
    tfs::each_container(r, Verdict::Unknown, Verdict::Unknown, |c| {
        tfs::with_context(c, Answer::Pass, |ctx| {
            tfs::must_not_be_true(
                ctx.get("allow_privilege_escalation"),
                "allows privilege escalation",
            )
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        allow_privilege_escalation = true\n      }\n    }\n  }\n}\n"
            ),
            Verdict::fail("container `a` allows privilege escalation")
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        allow_privilege_escalation = false\n      }\n    }\n  }\n}\n"
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        allow_privilege_escalation = var.p\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Unknown
        );
        assert_eq!(
            tf::shapes(evaluate),
            [Verdict::Unknown, Verdict::Unknown, Verdict::Unknown]
        );
    }
}
