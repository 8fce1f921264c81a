//! What the Kubernetes checks share for Terraform's `kubernetes_*` resources, read the way
//! Checkov's Terraform checks read them. The Terraform provider writes a manifest's fields
//! in snake case and its objects as nested blocks (`spec { container { security_context {
//! … } } }`), each stored as a list of maps; Checkov's Terraform checks for a CKV_K8S id are
//! separate code from its manifest checks, and sometimes judge differently (no init
//! containers, a pass without containers), so each check follows the Terraform code of its
//! id rather than its manifest logic.

use crate::model::{Framework, Resource, Value};

/// The workload resources most of Checkov's Terraform container checks support.
pub(crate) const POD_AND_DEPLOYMENT: [&str; 4] = [
    "kubernetes_pod",
    "kubernetes_pod_v1",
    "kubernetes_deployment",
    "kubernetes_deployment_v1",
];

/// Whether `r` is a Terraform resource (rather than a manifest object).
pub(crate) fn is_terraform(r: &Resource) -> bool {
    r.framework == Framework::Terraform
}

/// The first block of `key` in `v`: Terraform's single nested blocks are lists of one map.
pub(crate) fn block<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    match v.get(key)? {
        Value::List(items) => items.first(),
        other => Some(other),
    }
}

/// The resource's `spec` block; `None` when it is missing or empty.
pub(crate) fn spec(r: &Resource) -> Option<&Value> {
    block(&r.config, "spec").filter(|s| super::truthy(Some(s)))
}

/// The pod spec as Checkov's Terraform checks find it: the `spec` block, or, when it holds
/// `template { spec { … } }`, that inner spec (a deployment's pod template).
pub(crate) fn pod_spec(r: &Resource) -> Option<&Value> {
    let spec = spec(r)?;
    Some(
        block(spec, "template")
            .and_then(|t| block(t, "spec"))
            .unwrap_or(spec),
    )
}

/// The `container` blocks of a pod spec, in order; empty when there are none.
pub(crate) fn containers(pod_spec: &Value) -> &[Value] {
    match pod_spec.get("container") {
        Some(Value::List(items)) => items,
        _ => &[],
    }
}

/// The first Terraform resource of `hcl`, for the checks' tests.
#[cfg(test)]
pub(crate) fn resource(hcl: &str) -> Resource {
    let parsed = crate::terraform::load(
        &[crate::model::SourceFile {
            path: "main.tf".into(),
            text: hcl.into(),
        }],
        &crate::terraform::Options::default(),
    );
    match parsed.resources.into_iter().next() {
        Some(r) => r,
        None => panic!("no resource in {hcl}: {:?}", parsed.diagnostics),
    }
}

/// The verdict `evaluate` gives the first Terraform resource of `hcl`, judged as a scan
/// judges it (with the resource in the scan's index), for the checks' tests.
#[cfg(test)]
pub(crate) fn judge(
    evaluate: fn(&Resource, &crate::check::Cx<'_>) -> crate::check::Verdict,
    hcl: &str,
) -> crate::check::Verdict {
    let r = resource(hcl);
    evaluate(&r, &crate::check::Cx::new(std::slice::from_ref(&r)))
}

/// The verdicts `evaluate` gives the shapes every container check must handle: a pod
/// without `spec`, a deployment whose pod template has no container, and a container
/// written as an attribute (`container = [{ … }]`, which the provider rejects).
#[cfg(test)]
pub(crate) fn shapes(
    evaluate: fn(&Resource, &crate::check::Cx<'_>) -> crate::check::Verdict,
) -> [crate::check::Verdict; 3] {
    [
        "resource \"kubernetes_pod\" \"p\" {\n}\n",
        "resource \"kubernetes_deployment\" \"d\" {\n  spec {\n    template {\n      spec {\n        host_pid = false\n      }\n    }\n  }\n}\n",
        "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container = [\n      {\n        name = \"a\"\n        security_context = {\n          privileged = true\n        }\n      }\n    ]\n  }\n}\n",
    ]
    .map(|hcl| judge(evaluate, hcl))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deployment_reaches_its_pod_template() {
        let d = resource(
            "resource \"kubernetes_deployment\" \"d\" {\n  spec {\n    template {\n      spec {\n        host_pid = true\n        container {\n          name = \"a\"\n        }\n      }\n    }\n  }\n}\n",
        );
        assert!(is_terraform(&d));
        let null = Value::Null;
        let spec = pod_spec(&d).unwrap_or(&null);
        assert_eq!(spec.get("host_pid"), Some(&Value::Bool(true)));
        assert_eq!(containers(spec).len(), 1);
        let pod = resource(
            "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    host_ipc = true\n  }\n}\n",
        );
        assert_eq!(
            pod_spec(&pod).and_then(|s| s.get("host_ipc")),
            Some(&Value::Bool(true))
        );
        assert!(containers(pod_spec(&pod).unwrap_or(&null)).is_empty());
        let bare = resource("resource \"kubernetes_pod\" \"p\" {\n}\n");
        assert!(pod_spec(&bare).is_none());
    }
}
