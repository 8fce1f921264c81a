//! DPY-K8S-018: Pod has no security context.
//!
//! # What it checks
//! The pod spec sets a non-empty `securityContext`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment`,
//! `kubernetes_deployment_v1`, `kubernetes_daemonset` and `kubernetes_daemon_set_v1` are
//! judged as Checkov's Terraform check judges them, which looks at the containers rather
//! than the pod: every `container` block of the spec (or, without one, of the pod
//! template's spec) has a non-empty `security_context`; a resource without `spec`, or
//! without any container, fails.
//!
//! # Why it matters
//! The pod-level security context sets defaults (user, group, filesystem group, seccomp)
//! for every container; without it each container falls back to the runtime's permissive
//! defaults.
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
//!   securityContext:
//!     runAsNonRoot: true
//!     seccompProfile: {type: RuntimeDefault}
//!   containers:
//!   - name: app
//!     image: nginx:1.27
//! ```
//!
//! # Remediation
//! Add a pod `securityContext` with at least `runAsNonRoot`, `runAsUser` and
//! `seccompProfile`.
//!
//! # References
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::tf_security::{self as tfs, Containers};
use super::k8s::{Answer, pod_spec, tf, truthy};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(PodSecurityContext {
    code: "DPY-K8S-018",
    checkov: ["CKV_K8S_29"],
    title: "Pod has no security context",
    severity: Low,
    reason: "KICS \"Pod or Container Without Security Context\" is Low; trivy-checks KSV-0118 (Default security context configured) is High. Low, as KICS: an empty context only means defaults, and the risky defaults (root, privilege escalation, capabilities) have checks of their own",
    targets: [
        (Kubernetes, "Pod"),
        (Kubernetes, "Deployment"),
        (Kubernetes, "DaemonSet"),
        (Kubernetes, "StatefulSet"),
        (Kubernetes, "ReplicaSet"),
        (Kubernetes, "ReplicationController"),
        (Kubernetes, "Job"),
        (Kubernetes, "CronJob"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1"),
        (Terraform, "kubernetes_daemonset"),
        (Terraform, "kubernetes_daemon_set_v1")
    ],
    description: "The pod spec sets a non-empty `securityContext`. Terraform pods, deployments and daemon sets (as Checkov's Terraform check): every `container` block has a non-empty `security_context`; no `spec` or no container fails.",
    remediation: "Add a pod `securityContext` with at least `runAsNonRoot`, `runAsUser` and `seccompProfile`.",
    references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return terraform(r);
    }
    if pod_spec(r).is_some_and(|s| truthy(s.get("securityContext"))) {
        Verdict::Pass
    } else {
        Verdict::fail("the pod spec has no securityContext")
    }
}

/// A Terraform workload, as Checkov's Terraform check for the id judges it: the containers
/// of the spec itself, else those of its pod template.
fn terraform(r: &Resource) -> Verdict {
    if r.config.get("spec").is_none() {
        return Verdict::fail("the resource has no spec");
    }
    let Some(spec) = tf::spec(r).filter(|s| matches!(s, Value::Map(_))) else {
        return Verdict::Unknown;
    };
    let template = tf::block(spec, "template").and_then(|t| tf::block(t, "spec"));
    for spec in std::iter::once(spec).chain(template) {
        match tfs::containers(spec) {
            Containers::None => {}
            Containers::Unknown => return Verdict::Unknown,
            Containers::Blocks(items) => return tfs::fold(items, judge_container),
        }
    }
    Verdict::fail("the pod spec has no container")
}

/// One Terraform container's answer.
fn judge_container(c: &Value) -> Answer {
    match tfs::set(c.get("security_context")) {
        Some(true) => Answer::Pass,
        Some(false) => Answer::Fail("has no security_context"),
        None => Answer::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    #[test]
    fn terraform_verdicts() {
        let pass = tf::resource(
            "resource \"kubernetes_deployment\" \"d\" {\n  spec {\n    template {\n      spec {\n        container {\n          name = \"a\"\n          security_context {\n            run_as_non_root = true\n          }\n        }\n      }\n    }\n  }\n}\n",
        );
        assert_eq!(evaluate(&pass, &cx()), Verdict::Pass);
        let fail = tf::resource(
            "resource \"kubernetes_daemonset\" \"d\" {\n  spec {\n    template {\n      spec {\n        security_context {\n          run_as_non_root = true\n        }\n        container {\n          name = \"a\"\n        }\n      }\n    }\n  }\n}\n",
        );
        assert_eq!(
            evaluate(&fail, &cx()),
            Verdict::fail("container `a` has no security_context")
        );
        let bare = tf::resource("resource \"kubernetes_pod\" \"p\" {\n}\n");
        assert!(matches!(evaluate(&bare, &cx()), Verdict::Fail(_)));
        let open = tf::resource(
            "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context = var.context\n    }\n  }\n}\n",
        );
        assert_eq!(evaluate(&open, &cx()), Verdict::Unknown);
    }
}
