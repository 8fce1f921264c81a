//! DPY-K8S-008: Container runs privileged.
//!
//! # What it checks
//! No container or init container sets `securityContext.privileged: true`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges
//! them: no `container` block (init containers are not looked at) sets
//! `security_context { privileged = true }`.
//!
//! # Why it matters
//! A privileged container has every capability and the host's devices: escaping to the node
//! is trivial, and from the node, the cluster.
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
//!     securityContext: {privileged: true}
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
//!     securityContext: {privileged: false}
//! ```
//!
//! # Remediation
//! Remove `privileged: true`; grant the specific capabilities the workload needs instead.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::tf;
use super::k8s::tf_security as tfs;
use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PrivilegedContainer {
    code: "DPY-K8S-008",
    checkov: ["CKV_K8S_16"],
    title: "Container runs privileged",
    severity: High,
    reason: "trivy-checks KSV-0017 (Privileged) is High; KICS \"Container Is Privileged\" is High",
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
    description: "No container or init container sets `securityContext.privileged: true`. Terraform pods and deployments: no `container` block (not init containers) sets `security_context.privileged = true`.",
    remediation: "Remove `privileged: true`; grant the specific capabilities the workload needs instead.",
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
    if truthy(super::k8s::security(c, "privileged").as_ref()) {
        Answer::Fail("runs privileged")
    } else {
        Answer::Pass
    }
}

/// A Terraform workload, as Checkov's Terraform check for the id judges it.
fn terraform(r: &Resource) -> Verdict {
    tfs::each_container(r, Verdict::Unknown, Verdict::Pass, |c| {
        tfs::with_context(c, Answer::Pass, |ctx| {
            tfs::must_not_be_true(ctx.get("privileged"), "runs privileged")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::manifest;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    #[test]
    fn verdicts() {
        let fail = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  containers:\n  - {name: a, securityContext: {privileged: true}}\n",
        );
        assert!(matches!(evaluate(&fail, &cx()), Verdict::Fail(_)));
        let pass = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  containers:\n  - {name: a}\n",
        );
        assert_eq!(evaluate(&pass, &cx()), Verdict::Pass);
        let none = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  hostPID: false\n",
        );
        assert_eq!(evaluate(&none, &cx()), Verdict::Unknown);
    }
}

#[cfg(test)]
mod terraform_tests {
    use super::*;

    #[test]
    fn terraform_verdicts() {
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        privileged = true\n      }\n    }\n  }\n}\n"
            ),
            Verdict::fail("container `a` runs privileged")
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        privileged = false\n      }\n    }\n  }\n}\n"
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        privileged = var.p\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Unknown
        );
        assert_eq!(
            tf::shapes(evaluate),
            [Verdict::Unknown, Verdict::Pass, Verdict::Unknown]
        );
    }
}
