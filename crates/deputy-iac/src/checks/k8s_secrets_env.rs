//! DPY-K8S-023: Container reads secrets from environment variables.
//!
//! # What it checks
//! No container or init container takes a Secret through `env[].valueFrom.secretKeyRef` or
//! `envFrom[].secretRef`.
//!
//! # Why it matters
//! Environment variables leak: into crash dumps, child processes, `/proc`, and logs of
//! tools that print their environment. Mounted secret files do not.
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
//!     env:
//!     - name: DB_PASSWORD
//!       valueFrom:
//!         secretKeyRef: {name: db, key: password}
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
//!     volumeMounts:
//!     - {name: db, mountPath: /run/secrets/db, readOnly: true}
//! ```
//!
//! # Remediation
//! Mount the Secret as a volume and read it from the file.
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod>

use super::k8s::{Answer, each_container, truthy};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::Value;

check!(SecretsAsEnv {
    code: "DPY-K8S-023",
    checkov: ["CKV_K8S_35"],
    title: "Container reads secrets from environment variables",
    severity: Low,
    reason: "KICS \"Secrets As Environment Variables\" is Low; trivy-checks has no equivalent",
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
        (Kubernetes, "StatefulSet")
    ],
    description: "No container or init container takes a Secret through `env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`.",
    remediation: "Mount the Secret as a volume and read it from the file.",
    references: [
        "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_container(r, true, judge)
}

/// One container's answer.
fn judge(c: &crate::model::Value) -> Answer {
    if truthy(c.get("env")) {
        for e in c.get("env").into_iter().flat_map(Value::items) {
            let Value::Map(_) = e else {
                return Answer::Unknown;
            };
            let from = e.get("valueFrom").filter(|v| truthy(Some(v)));
            if from.is_some_and(|f| f.get("secretKeyRef").is_some()) {
                return Answer::Fail("reads a secret into an environment variable");
            }
        }
    }
    if truthy(c.get("envFrom")) {
        for e in c.get("envFrom").into_iter().flat_map(Value::items) {
            if e.get("secretRef").is_some() {
                return Answer::Fail("loads a secret as environment variables");
            }
        }
    }
    Answer::Pass
}
