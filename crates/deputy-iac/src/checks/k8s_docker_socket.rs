//! DPY-K8S-017: Pod mounts the Docker socket.
//!
//! # What it checks
//! No `hostPath` volume of the pod spec has the path `/var/run/docker.sock`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment`,
//! `kubernetes_deployment_v1`, `kubernetes_daemonset` and `kubernetes_daemon_set_v1` are
//! judged as Checkov's Terraform check judges them: no `volume` block of the `spec`, or of
//! its pod template's spec, has `host_path { path = "/var/run/docker.sock" }`; a resource
//! without `spec` fails.
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
use super::k8s::tf;
use super::k8s::tf_security::{self as tfs, Block};
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
        (Kubernetes, "CronJob"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1"),
        (Terraform, "kubernetes_daemonset"),
        (Terraform, "kubernetes_daemon_set_v1")
    ],
    description: "No `hostPath` volume of the pod spec has the path `/var/run/docker.sock`. Terraform pods, deployments and daemon sets: no `volume` block of the spec or its pod template has `host_path.path = \"/var/run/docker.sock\"`; no `spec` fails.",
    remediation: "Remove the volume; build images with a daemonless builder (BuildKit rootless, kaniko) instead.",
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return terraform(r);
    }
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

/// A Terraform workload, as Checkov's Terraform check for the id judges it: the volumes
/// of the spec and of its pod template's spec.
fn terraform(r: &Resource) -> Verdict {
    if r.config.get("spec").is_none() {
        return Verdict::fail("the resource has no spec");
    }
    let Some(spec) = tf::spec(r).filter(|s| matches!(s, Value::Map(_))) else {
        return Verdict::Unknown;
    };
    let mut undecided = matches!(spec.get("template"), Some(Value::Unknown(_)));
    let template = tf::block(spec, "template").and_then(|t| tf::block(t, "spec"));
    for spec in std::iter::once(spec).chain(template) {
        let volumes = match spec.get("volume") {
            Some(Value::List(volumes)) => volumes.as_slice(),
            Some(Value::Unknown(_)) => {
                undecided = true;
                continue;
            }
            _ => continue,
        };
        for v in volumes {
            match v {
                Value::Map(_) => {}
                Value::Unknown(_) => {
                    undecided = true;
                    continue;
                }
                // Checkov passes over what is not a block (`volume = "…"`).
                _ => continue,
            }
            match tfs::block(v, "host_path") {
                Block::Absent => {}
                Block::Unknown => undecided = true,
                Block::Found(host) => match host.get("path") {
                    Some(Value::String(p)) if p == "/var/run/docker.sock" => {
                        return Verdict::fail("a host_path volume mounts /var/run/docker.sock");
                    }
                    Some(Value::Unknown(_)) => undecided = true,
                    _ => {}
                },
            }
        }
    }
    if undecided {
        Verdict::Unknown
    } else {
        Verdict::Pass
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
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    volume {\n      name = \"v\"\n      host_path {\n        path = \"/var/run/docker.sock\"\n      }\n    }\n  }\n}\n"
            ),
            Verdict::fail("a host_path volume mounts /var/run/docker.sock")
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    volume {\n      name = \"v\"\n      host_path {\n        path = \"/var/log\"\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Pass
        );
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    volume {\n      name = \"v\"\n      host_path {\n        path = var.path\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Unknown
        );
        assert!(matches!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_daemonset\" \"d\" {\n  spec {\n    template {\n      spec {\n        volume {\n          name = \"v\"\n          host_path {\n            path = \"/var/run/docker.sock\"\n          }\n        }\n      }\n    }\n  }\n}\n"
            ),
            Verdict::Fail(_)
        ));
        assert!(matches!(
            tf::judge(evaluate, "resource \"kubernetes_deployment\" \"d\" {\n}\n"),
            Verdict::Fail(_)
        ));
        assert_eq!(
            tf::judge(
                evaluate,
                "resource \"kubernetes_pod\" \"p\" {\n  spec {\n  }\n}\n"
            ),
            Verdict::Unknown
        );
    }
}
