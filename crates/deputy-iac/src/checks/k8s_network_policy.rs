//! DPY-K8S-033: Pod is not selected by any NetworkPolicy.
//!
//! # What it checks
//! Every Pod, and every pod a workload's template creates (addressed
//! `Pod.<namespace>.<workload>.<labels>` as in Checkov), is selected by the `podSelector`
//! of some NetworkPolicy among the scanned files.
//!
//! # Why it matters
//! Without a NetworkPolicy a pod accepts traffic from, and sends traffic to, every other
//! pod in the cluster: one compromised pod can reach them all.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! apiVersion: apps/v1
//! kind: Deployment
//! metadata:
//!   name: web
//! spec:
//!   template:
//!     metadata:
//!       labels: {app: web}
//!     spec:
//!       containers:
//!       - {name: app, image: nginx:1.27}
//! ```
//!
//! Good:
//!
//! ```yaml
//! apiVersion: networking.k8s.io/v1
//! kind: NetworkPolicy
//! metadata:
//!   name: web
//! spec:
//!   podSelector:
//!     matchLabels: {app: web}
//!   policyTypes: [Ingress]
//! ```
//!
//! # Remediation
//! Add a NetworkPolicy whose `podSelector` matches the pod's labels (a default-deny policy
//! per namespace, then allow rules).
//!
//! # References
//! - <https://kubernetes.io/docs/concepts/services-networking/network-policies/>

use super::k8s::truthy;
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use crate::model::{Framework, Value};

check!(PodNetworkPolicy {
    code: "DPY-K8S-033",
    checkov: ["CKV2_K8S_6"],
    title: "Pod is not selected by any NetworkPolicy",
    severity: Medium,
    reason: "KICS \"Pod Misconfigured Network Policy\" is Medium; trivy-checks has no pod-coverage check (KSV-0038, Medium, only checks a NetworkPolicy's own selectors)",
    targets: [
        (Kubernetes, "Pod"),
        (Kubernetes, "DaemonSet/Pod"),
        (Kubernetes, "Deployment/Pod"),
        (Kubernetes, "DeploymentConfig/Pod"),
        (Kubernetes, "Job/Pod"),
        (Kubernetes, "ReplicaSet/Pod"),
        (Kubernetes, "ReplicationController/Pod"),
        (Kubernetes, "StatefulSet/Pod")
    ],
    description: "Every Pod, and every pod a workload's template creates (addressed `Pod.<namespace>.<workload>.<labels>` as in Checkov), is selected by the `podSelector` of some NetworkPolicy among the scanned files.",
    remediation: "Add a NetworkPolicy whose `podSelector` matches the pod's labels (a default-deny policy per namespace, then allow rules).",
    references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/"],
    differences: [
        "Like Checkov, an empty `podSelector: {}` (which Kubernetes reads as every pod of the namespace) selects nothing, and namespaces are not compared."
    ],
});

/// Whether `policy` selects a pod with `labels`, as Checkov connects them: a policy
/// without a `podSelector` (or with an empty one) selects nothing; one without
/// `matchLabels`, or a pod without labels, connects to every pod; otherwise every
/// `matchLabels` entry must be among the pod's labels.
fn selects(policy: &Value, labels: Option<&Value>) -> bool {
    let Some(selector) = policy.path("spec.podSelector").filter(|s| truthy(Some(s))) else {
        return false;
    };
    let wanted = selector.get("matchLabels").filter(|m| truthy(Some(m)));
    match (
        wanted.and_then(Value::as_map),
        labels.and_then(Value::as_map),
    ) {
        (Some(wanted), Some(labels)) => {
            wanted.len() <= labels.len() && wanted.iter().all(|(k, v)| labels.get(k) == Some(v))
        }
        _ => true,
    }
}

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let labels = r
        .config
        .path("metadata.labels")
        .filter(|l| !matches!(l, Value::Null));
    let covered = cx
        .of_kind(Framework::Kubernetes, "NetworkPolicy")
        .filter(|p| truthy(p.config.path("metadata.name")))
        .any(|p| selects(&p.config, labels));
    if covered {
        Verdict::Pass
    } else {
        Verdict::fail("no NetworkPolicy in the scan selects this pod")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<Resource> {
        crate::kubernetes::parse(&crate::model::SourceFile {
            path: "t.yaml".into(),
            text: text.into(),
        })
        .resources
    }

    const DEPLOYMENT: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web, tier: front}}\n    spec: {containers: [{name: a}]}\n";

    fn pod_verdict(extra: &str) -> Verdict {
        let resources = scan(&format!("{DEPLOYMENT}---\n{extra}"));
        let pod = resources.iter().find(|r| r.kind == "Deployment/Pod");
        match pod {
            Some(pod) => evaluate(
                pod,
                &Cx {
                    resources: &resources,
                },
            ),
            None => panic!("no pod in {resources:?}"),
        }
    }

    #[test]
    fn policies_select_pods_by_labels() {
        let policy = |selector: &str| {
            format!(
                "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: np}}\nspec:\n  podSelector: {selector}\n"
            )
        };
        assert_eq!(
            pod_verdict(&policy("{matchLabels: {app: web}}")),
            Verdict::Pass
        );
        assert!(matches!(
            pod_verdict(&policy("{matchLabels: {app: api}}")),
            Verdict::Fail(_)
        ));
        assert!(matches!(pod_verdict(&policy("{}")), Verdict::Fail(_)));
        assert_eq!(
            pod_verdict(&policy(
                "{matchExpressions: [{key: app, operator: Exists}]}"
            )),
            Verdict::Pass
        );
    }
}
