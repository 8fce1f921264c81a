//! DPY-K8S-015: Containers may run as root.
//!
//! # What it checks
//! The pod or each of its containers sets `securityContext.runAsNonRoot: true` or a non-
//! zero `runAsUser`; a container-level setting overrides the pod's, as Kubernetes applies
//! them.
//!
//! # Why it matters
//! A process running as UID 0 in a container is root on the node as soon as it escapes the
//! container's namespaces, and owns every file the container mounts.
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
//!     runAsUser: 10001
//!   containers:
//!   - name: app
//!     image: nginx:1.27
//! ```
//!
//! # Remediation
//! Set `runAsNonRoot: true` (and a non-zero `runAsUser`) in the pod's `securityContext`,
//! and build images with a non-root `USER`.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{pod_spec, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(RootContainers {
    code: "DPY-K8S-015",
    checkov: ["CKV_K8S_23"],
    title: "Containers may run as root",
    severity: Medium,
    reason: "trivy-checks KSV-0012 (Runs as root user) is Medium; KICS \"Container Running As Root\" is Medium",
    targets: [
        (Kubernetes, "Pod"),
        (Kubernetes, "Deployment"),
        (Kubernetes, "DaemonSet"),
        (Kubernetes, "StatefulSet"),
        (Kubernetes, "ReplicaSet"),
        (Kubernetes, "ReplicationController"),
        (Kubernetes, "Job"),
        (Kubernetes, "CronJob")
    ],
    description: "The pod or each of its containers sets `securityContext.runAsNonRoot: true` or a non-zero `runAsUser`; a container-level setting overrides the pod's, as Kubernetes applies them.",
    remediation: "Set `runAsNonRoot: true` (and a non-zero `runAsUser`) in the pod's `securityContext`, and build images with a non-root `USER`.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
        "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"
    ],
    differences: [],
});

/// How a `securityContext` answers one question: set and good, set and bad, or unset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setting {
    Passed,
    Failed,
    Absent,
}

fn run_as_non_root(spec: &Value) -> Setting {
    match spec
        .get("securityContext")
        .filter(|s| matches!(s, Value::Map(m) if !m.is_empty()))
        .and_then(|s| s.get("runAsNonRoot"))
    {
        Some(v) if truthy(Some(v)) => Setting::Passed,
        Some(_) => Setting::Failed,
        None => Setting::Absent,
    }
}

fn run_as_user(spec: &Value, min: i64) -> Setting {
    match spec
        .get("securityContext")
        .filter(|s| matches!(s, Value::Map(m) if !m.is_empty()))
        .and_then(|s| s.get("runAsUser"))
    {
        Some(v) if super::k8s::as_int(v).is_some_and(|u| u >= min) => Setting::Passed,
        Some(_) => Setting::Failed,
        None => Setting::Absent,
    }
}

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let Some(spec @ Value::Map(_)) = pod_spec(r) else {
        return Verdict::fail("the pod spec does not set runAsNonRoot or a non-zero runAsUser");
    };
    let containers: Vec<&Value> = match spec.get("containers") {
        None => Vec::new(),
        Some(Value::List(c)) => c.iter().collect(),
        Some(_) => return Verdict::Unknown,
    };
    let fail =
        Verdict::fail("a container may run as root (no runAsNonRoot: true or non-zero runAsUser)");
    if run_as_non_root(spec) == Setting::Passed {
        // The pod says non-root; a container overriding it with runAsNonRoot: false
        // must then name a non-zero user.
        let bad = containers.iter().any(|c| {
            run_as_non_root(c) == Setting::Failed
                && matches!(run_as_user(c, 1), Setting::Failed | Setting::Absent)
        });
        return if bad { fail } else { Verdict::Pass };
    }
    if run_as_user(spec, 1) == Setting::Passed {
        let bad = containers
            .iter()
            .any(|c| run_as_user(c, 1) == Setting::Failed);
        return if bad { fail } else { Verdict::Pass };
    }
    let bad = containers
        .iter()
        .any(|c| run_as_non_root(c) != Setting::Passed && run_as_user(c, 1) != Setting::Passed);
    if bad { fail } else { Verdict::Pass }
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
        let pod_level = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers:\n  - {name: a}\n",
        );
        assert_eq!(evaluate(&pod_level, &cx()), Verdict::Pass);
        let overridden = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers:\n  - {name: a, securityContext: {runAsNonRoot: false}}\n",
        );
        assert!(matches!(evaluate(&overridden, &cx()), Verdict::Fail(_)));
        let per_container = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  containers:\n  - {name: a, securityContext: {runAsUser: 1000}}\n",
        );
        assert_eq!(evaluate(&per_container, &cx()), Verdict::Pass);
    }
}
