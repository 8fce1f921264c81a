//! DPY-K8S-021: Container has no security context.
//!
//! # What it checks
//! Every container and init container sets a non-empty `securityContext`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges
//! them: every `container` block (init containers are not looked at) has a non-empty
//! `security_context`.
//!
//! # Why it matters
//! Without a security context every setting falls back to the runtime's permissive
//! defaults: root user, privilege escalation allowed, default capabilities.
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
//!     securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
//! ```
//!
//! # Remediation
//! Give every container a `securityContext` with at least `runAsNonRoot`,
//! `allowPrivilegeEscalation: false` and dropped capabilities.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::tf;
use super::k8s::tf_security as tfs;
use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ContainerSecurityContext {
    code: "DPY-K8S-021",
    checkov: ["CKV_K8S_30"],
    title: "Container has no security context",
    severity: Low,
    reason: "KICS \"Pod or Container Without Security Context\" is Low; trivy-checks KSV-0118 (Default security context configured) is High. Low, as KICS: an empty context only means defaults, and the risky defaults (root, privilege escalation, capabilities) have checks of their own",
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
    description: "Every container and init container sets a non-empty `securityContext`. Terraform pods and deployments: every `container` block (not init containers) has a `security_context`.",
    remediation: "Give every container a `securityContext` with at least `runAsNonRoot`, `allowPrivilegeEscalation: false` and dropped capabilities.",
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
    if truthy(c.get("securityContext")) {
        Answer::Pass
    } else {
        Answer::Fail("has no securityContext")
    }
}

/// A Terraform workload, as Checkov's Terraform check for the id judges it.
fn terraform(r: &Resource) -> Verdict {
    tfs::each_container(r, Verdict::Unknown, Verdict::Pass, |c| {
        match tfs::set(c.get("security_context")) {
            Some(true) => Answer::Pass,
            Some(false) => Answer::Fail("has no security_context"),
            None => Answer::Unknown,
        }
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n    }\n  }\n}\n"
            ),
            Verdict::fail("container `a` has no security_context")
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        run_as_non_root = true\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Pass
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context = var.ctx\n    }\n  }\n}\n"
            ),
            Verdict::Unknown
        );
        assert_eq!(
            tf::shapes(evaluate),
            [Verdict::Unknown, Verdict::Pass, Verdict::Unknown]
        );
    }
}
