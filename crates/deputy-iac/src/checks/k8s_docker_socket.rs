//! DPY-K8S-017: Pod mounts the Docker socket.
//!
//! # What it checks
//! No `hostPath` volume of the pod spec has the path `/var/run/docker.sock`.
//!
//! # Why it matters
//! Whoever can talk to the Docker daemon can start a privileged container with the host's
//! root filesystem: the socket is root on the node.
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
//!   volumes:
//!   - name: docker
//!     hostPath: {path: /var/run/docker.sock}
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
//! ```
//!
//! # Remediation
//! Remove the volume; build images with a daemonless builder (BuildKit rootless, kaniko)
//! instead.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>

use super::k8s::pod_spec;
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(DockerSocket {
    code: "DPY-K8S-017",
    checkov: ["CKV_K8S_27"],
    title: "Pod mounts the Docker socket",
    severity: High,
    reason: "trivy-checks KSV-0006 (hostPath volume mounted with docker.sock) is High; KICS \"Docker Daemon Socket is Exposed to Containers\" is Medium. High, as trivy: the socket is root on the node",
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
    description: "No `hostPath` volume of the pod spec has the path `/var/run/docker.sock`.",
    remediation: "Remove the volume; build images with a daemonless builder (BuildKit rootless, kaniko) instead.",
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let socket = pod_spec(r)
        .filter(|s| matches!(s, Value::Map(_)))
        .and_then(|s| s.get("volumes"));
    let volumes = match socket {
        None => return Verdict::Pass,
        Some(Value::List(v)) => v,
        Some(_) => return Verdict::Unknown,
    };
    let mounted = volumes.iter().any(|v| {
        v.get("hostPath")
            .filter(|h| super::k8s::truthy(Some(h)))
            .and_then(|h| h.get("path"))
            .and_then(Value::as_str)
            == Some("/var/run/docker.sock")
    });
    if mounted {
        Verdict::fail("a hostPath volume mounts /var/run/docker.sock")
    } else {
        Verdict::Pass
    }
}
