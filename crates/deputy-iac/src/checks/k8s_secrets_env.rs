//! DPY-K8S-023: Container reads secrets from environment variables.
//!
//! # What it checks
//! No container or init container takes a Secret through `env[].valueFrom.secretKeyRef` or
//! `envFrom[].secretRef`.
//!
//! Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and
//! `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: no
//! `container` block (not `init_container`) has an `env` block whose `value_from` holds
//! `secret_key_ref`, or an `env_from` block with `secret_ref`. A resource without `spec`
//! fails; an empty `spec`, or a pod spec without containers, is not judged.
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

use super::k8s::tf_containers::{Walk, judge_each, walk};
use super::k8s::{Answer, each_container, tf, truthy};
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
        (Kubernetes, "StatefulSet"),
        (Terraform, "kubernetes_pod"),
        (Terraform, "kubernetes_pod_v1"),
        (Terraform, "kubernetes_deployment"),
        (Terraform, "kubernetes_deployment_v1")
    ],
    description: "No container or init container takes a Secret through `env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`. Terraform's `kubernetes_pod`, `kubernetes_pod_v1`, `kubernetes_deployment` and `kubernetes_deployment_v1` are judged as Checkov's Terraform check judges them: no `container` block (not `init_container`) has an `env` block whose `value_from` holds `secret_key_ref`, or an `env_from` block with `secret_ref`. A resource without `spec` fails; an empty `spec`, or a pod spec without containers, is not judged.",
    remediation: "Mount the Secret as a volume and read it from the file.",
    references: [
        "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod"
    ],
    differences: [
        "On Terraform resources every `env` and `env_from` block is judged; Checkov's Terraform check reads only the first of each in a container."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if tf::is_terraform(r) {
        return terraform(r);
    }
    each_container(r, true, judge)
}

/// A Terraform `kubernetes_*` resource, judged as Checkov's Terraform check judges it.
fn terraform(r: &Resource) -> Verdict {
    match walk(r) {
        Walk::NoSpec => Verdict::fail("has no pod spec to judge"),
        Walk::Containers(containers) => judge_each(containers, terraform_container),
        Walk::EmptySpec | Walk::NoContainers { .. } | Walk::Unreadable => Verdict::Unknown,
    }
}

/// One Terraform container's answer.
fn terraform_container(c: &Value) -> Answer {
    let mut unknown = false;
    for e in c.get("env").into_iter().flat_map(Value::items) {
        let Value::Map(_) = e else {
            unknown = true;
            continue;
        };
        match e.get("value_from").and_then(|v| v.items().next()) {
            Some(Value::Unknown(_)) => unknown = true,
            Some(from @ Value::Map(_)) => match from.get("secret_key_ref") {
                Some(Value::Unknown(_)) => unknown = true,
                secret if truthy(secret) => {
                    return Answer::Fail("reads a secret into an environment variable");
                }
                _ => {}
            },
            _ => {}
        }
    }
    for e in c.get("env_from").into_iter().flat_map(Value::items) {
        match e {
            Value::Map(_) if e.get("secret_ref").is_some() => {
                return Answer::Fail("loads a secret as environment variables");
            }
            Value::Map(_) => {}
            _ => unknown = true,
        }
    }
    if unknown {
        Answer::Unknown
    } else {
        Answer::Pass
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::tf::resource;

    fn cx() -> Cx<'static> {
        Cx { resources: &[] }
    }

    fn pod(spec: &str) -> Resource {
        resource(&format!(
            "variable \"v\" {{}}\nresource \"kubernetes_pod\" \"p\" {{\n  spec {{\n{spec}\n  }}\n}}\n"
        ))
    }

    #[test]
    fn terraform_verdicts() {
        let plain = pod(
            "container {\n name = \"a\"\n env {\n name = \"A\"\n value = \"1\"\n }\n env {\n name = \"B\"\n value_from {\n config_map_key_ref {\n name = \"c\"\n key = \"k\"\n }\n }\n }\n}",
        );
        assert_eq!(evaluate(&plain, &cx()), Verdict::Pass);
        let secret = pod(
            "container {\n name = \"a\"\n env {\n name = \"A\"\n value = \"1\"\n }\n env {\n name = \"B\"\n value_from {\n secret_key_ref {\n name = \"s\"\n key = \"k\"\n }\n }\n }\n}",
        );
        assert_eq!(
            evaluate(&secret, &cx()),
            Verdict::fail("container `a` reads a secret into an environment variable")
        );
        let from =
            pod("container {\n name = \"a\"\n env_from {\n secret_ref {\n name = \"s\"\n }\n }\n}");
        assert_eq!(
            evaluate(&from, &cx()),
            Verdict::fail("container `a` loads a secret as environment variables")
        );
        let unresolved = pod("container {\n name = \"a\"\n env = var.v\n}");
        assert_eq!(evaluate(&unresolved, &cx()), Verdict::Unknown);
        let none = pod("host_pid = true");
        assert_eq!(evaluate(&none, &cx()), Verdict::Unknown);
        let no_spec = resource(
            "resource \"kubernetes_pod\" \"p\" {\n  metadata {\n    name = \"p\"\n  }\n}\n",
        );
        assert!(matches!(evaluate(&no_spec, &cx()), Verdict::Fail(_)));
    }
}
