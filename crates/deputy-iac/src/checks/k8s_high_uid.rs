//! DPY-K8S-025: Containers run with a low UID.
//!
//! # What it checks
//! The pod's or every container's `securityContext.runAsUser` is 10000 or more (a pod with
//! `hostUsers: false` passes: its UIDs are mapped away from the host's).
//!
//! # Why it matters
//! UIDs below 10000 collide with real users and system accounts on the node; after a
//! container escape, the process acts as that host user.
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
//!   securityContext: {runAsUser: 1000}
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
//!   securityContext: {runAsUser: 10001}
//!   containers:
//!   - name: app
//!     image: nginx:1.27
//! ```
//!
//! # Remediation
//! Run as a UID of 10000 or more, set in the pod `securityContext` and baked into the
//! image.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/security-context/>

use super::k8s::{as_int, pod_spec};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(HighUid {
    code: "DPY-K8S-025",
    checkov: ["CKV_K8S_40"],
    title: "Containers run with a low UID",
    severity: Low,
    reason: "trivy-checks KSV-0020 (Runs with UID <= 10000) is Low; KICS \"Container Running With Low UID\" is Medium. Low, as trivy: a low UID only matters after an escape, where it may collide with a host user",
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
    description: "The pod's or every container's `securityContext.runAsUser` is 10000 or more (a pod with `hostUsers: false` passes: its UIDs are mapped away from the host's).",
    remediation: "Run as a UID of 10000 or more, set in the pod `securityContext` and baked into the image.",
    references: [
        "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
        "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"
    ],
    differences: [],
});

/// Whether a `securityContext` sets `runAsUser` to at least 10000: `None` when unset.
fn high_uid(spec: &Value) -> Option<bool> {
    let ctx = spec
        .get("securityContext")
        .filter(|s| matches!(s, Value::Map(m) if !m.is_empty()))?;
    let user = ctx.get("runAsUser")?;
    Some(as_int(user).is_some_and(|u| u >= 10_000))
}

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let Some(spec @ Value::Map(_)) = pod_spec(r) else {
        return Verdict::fail("the pod does not set runAsUser to 10000 or more");
    };
    if spec.get("hostUsers") == Some(&Value::Bool(false)) {
        return Verdict::Pass;
    }
    let containers: Vec<&Value> = match spec.get("containers") {
        None => Vec::new(),
        Some(Value::List(c)) => c.iter().collect(),
        Some(_) => return Verdict::Unknown,
    };
    let fail = Verdict::fail("a container runs with a UID below 10000");
    let per_container: Vec<Option<bool>> = containers.iter().map(|c| high_uid(c)).collect();
    if high_uid(spec) == Some(true) {
        return if per_container.contains(&Some(false)) {
            fail
        } else {
            Verdict::Pass
        };
    }
    // Without a good pod-level UID every container must set one itself.
    if per_container.iter().any(|c| *c != Some(true)) || per_container.is_empty() {
        return fail;
    }
    Verdict::Pass
}
