//! DPY-K8S-020: Pod does not use the RuntimeDefault seccomp profile.
//!
//! # What it checks
//! The pod's `securityContext.seccompProfile.type` is `RuntimeDefault`, or every
//! container's is, or (older clusters) the pod template carries the
//! `seccomp.security.alpha.kubernetes.io/pod` annotation naming `runtime/default` or
//! `docker/default`.
//!
//! # Why it matters
//! Without a seccomp profile a container may call every system call the kernel offers,
//! including the rarely used ones most kernel exploits go through.
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
//!     seccompProfile: {type: RuntimeDefault}
//!   containers:
//!   - name: app
//!     image: nginx:1.27
//! ```
//!
//! # Remediation
//! Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec.
//!
//! # References
//! - <https://kubernetes.io/docs/tutorials/security/seccomp/>
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>

use super::k8s::truthy;
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(SeccompProfile {
    code: "DPY-K8S-020",
    checkov: ["CKV_K8S_31"],
    title: "Pod does not use the RuntimeDefault seccomp profile",
    severity: Medium,
    reason: "KICS \"Seccomp Profile Is Not Configured\" is Medium; trivy-checks KSV-0104 (Seccomp policies disabled, for Unconfined) is Medium and KSV-0030 (Runtime/Default Seccomp profile not set) Low. Medium, as KICS and KSV-0104: without a profile the kubelet runs containers Unconfined unless SeccompDefault is on",
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
    description: "The pod's `securityContext.seccompProfile.type` is `RuntimeDefault`, or every container's is, or (older clusters) the pod template carries the `seccomp.security.alpha.kubernetes.io/pod` annotation naming `runtime/default` or `docker/default`.",
    remediation: "Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec.",
    references: [
        "https://kubernetes.io/docs/tutorials/security/seccomp/",
        "https://kubernetes.io/docs/concepts/security/pod-security-standards/"
    ],
    differences: [
        "Like Checkov, a ReplicationController is judged by its annotations only, and a CronJob's containers are not consulted."
    ],
});

/// A container list's seccomp verdict: every container sets `RuntimeDefault` (pass), one
/// sets another profile (fail), or it does not decide.
fn containers_profile(spec: &Value) -> Option<Verdict> {
    let containers: Vec<&Value> = spec
        .get("containers")
        .filter(|c| truthy(Some(c)))?
        .items()
        .collect();
    let mut passed = 0;
    for c in &containers {
        if let Some(p) = c
            .path("securityContext.seccompProfile.type")
            .filter(|p| truthy(Some(p)))
        {
            if p.as_str() == Some("RuntimeDefault") {
                passed += 1;
            } else {
                return Some(Verdict::fail(
                    "a container sets a seccomp profile other than RuntimeDefault",
                ));
            }
        }
    }
    (passed == containers.len()).then_some(Verdict::Pass)
}

/// The verdict of a pod spec's own `seccompProfile`, when it sets one.
fn pod_profile(spec: Option<&Value>) -> Option<Verdict> {
    let p = spec?
        .path("securityContext.seccompProfile.type")
        .filter(|p| truthy(Some(p)))?;
    Some(if p.as_str() == Some("RuntimeDefault") {
        Verdict::Pass
    } else {
        Verdict::fail("the pod sets a seccomp profile other than RuntimeDefault")
    })
}

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let c = &r.config;
    let kind = c.get("kind").and_then(Value::as_str).unwrap_or("");
    let mut metadata: Option<&Value> = None;
    if kind == "Pod" {
        if let Some(v) = pod_profile(c.get("spec")) {
            return v;
        }
        metadata = c.get("metadata");
        if let Some(spec @ Value::Map(_)) = c.get("spec")
            && let Some(v) = containers_profile(spec)
        {
            return v;
        }
    }
    if [
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "Job",
        "ReplicaSet",
    ]
    .contains(&kind)
    {
        if let Some(v) = pod_profile(c.path("spec.template.spec")) {
            return v;
        }
        if let Some(spec @ Value::Map(_)) = c.path("spec.template.spec")
            && let Some(v) = containers_profile(spec)
        {
            return v;
        }
        metadata = c
            .path("spec.template.metadata")
            .filter(|m| truthy(Some(m)))
            .or_else(|| c.get("metadata"));
    } else if kind == "CronJob" {
        if let Some(template @ Value::Map(_)) = c.path("spec.jobTemplate.spec.template") {
            if let Some(inner) = template.get("spec") {
                if let Some(m) = inner.get("metadata") {
                    metadata = Some(m);
                } else if inner
                    .path("securityContext.seccompProfile.type")
                    .and_then(Value::as_str)
                    == Some("RuntimeDefault")
                {
                    return Verdict::Pass;
                }
            }
            if let Some(m) = template.get("metadata") {
                metadata = Some(m);
            }
        }
    } else if let Some(m) = c.path("spec.template.metadata").filter(|m| truthy(Some(m))) {
        metadata = Some(m);
    }
    // The annotation that preceded the securityContext field (Kubernetes < 1.19).
    let annotated = metadata
        .and_then(|m| m.get("annotations"))
        .and_then(Value::as_map)
        .is_some_and(|a| {
            a.iter().any(|(k, v)| {
                k.contains("seccomp.security.alpha.kubernetes.io/pod")
                    && v.as_str().is_some_and(|v| {
                        v.contains("docker/default") || v.contains("runtime/default")
                    })
            })
        });
    if annotated {
        Verdict::Pass
    } else {
        Verdict::fail("no RuntimeDefault seccomp profile is set")
    }
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
        let good = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  securityContext: {seccompProfile: {type: RuntimeDefault}}\n",
        );
        assert_eq!(evaluate(&good, &cx()), Verdict::Pass);
        let bad = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  containers:\n  - {name: a, securityContext: {seccompProfile: {type: Unconfined}}}\n",
        );
        assert!(matches!(evaluate(&bad, &cx()), Verdict::Fail(_)));
    }
}
