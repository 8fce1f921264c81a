//! What the Kubernetes checks share: finding a workload's pod spec and containers the way
//! Checkov does, and Python's notion of a "set" value, which Checkov's checks test with
//! `if conf.get(...)`.

pub(crate) mod rbac;
pub(crate) mod tf;
pub(crate) mod tf_containers;
pub(crate) mod tf_policy;
pub(crate) mod tf_security;

use crate::check::Verdict;
use crate::model::{Resource, Value};

/// A container-level answer, before it is folded into one verdict per workload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Answer {
    Pass,
    /// Fails, with what is wrong (the container's name is added).
    Fail(&'static str),
    Unknown,
}

/// Whether a value counts as set: present, and not null, false, zero or empty.
pub(crate) fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => *n != 0.0,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::List(l)) => !l.is_empty(),
        Some(Value::Map(m)) => !m.is_empty(),
        Some(Value::Unknown(_)) => true,
    }
}

fn kind(r: &Resource) -> &str {
    r.config
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or(r.kind.as_str())
}

/// The pod spec of a workload as Checkov's spec-level checks find it: `spec` for a Pod,
/// `spec.jobTemplate.spec.template.spec` for a CronJob, `spec.template.spec` otherwise;
/// `None` when absent.
pub(crate) fn pod_spec(r: &Resource) -> Option<&Value> {
    let spec = match kind(r) {
        "Pod" => r.config.get("spec"),
        "CronJob" => r.config.path("spec.jobTemplate.spec.template.spec"),
        "PodTemplate" => r.config.path("template.spec"),
        _ => r.config.path("spec.template.spec"),
    };
    spec.filter(|s| truthy(Some(s)))
}

/// Runs `judge` on every container (then every init container when `init` is set) of a
/// workload, as Checkov's container checks do: the first failure fails the workload; a
/// workload passes when at least one container passed; without containers, or without a
/// pod spec, there is no verdict.
pub(crate) fn each_container(
    r: &Resource,
    init: bool,
    judge: impl Fn(&Value) -> Answer,
) -> Verdict {
    let Some(spec) = pod_spec_strict(r) else {
        return Verdict::Unknown;
    };
    let mut passed = false;
    let lists: &[&str] = if init {
        &["containers", "initContainers"]
    } else {
        &["containers"]
    };
    for list in lists {
        let Some(containers) = spec.get(list).filter(|c| truthy(Some(c))) else {
            continue;
        };
        let Value::List(containers) = containers else {
            continue;
        };
        for c in containers {
            match judge(c) {
                Answer::Pass => passed = true,
                Answer::Unknown => {}
                Answer::Fail(what) => {
                    let name = c.get("name").and_then(Value::as_str).unwrap_or("?");
                    return Verdict::fail(format!("container `{name}` {what}"));
                }
            }
        }
    }
    if passed {
        Verdict::Pass
    } else {
        Verdict::Unknown
    }
}

/// The pod spec the way Checkov's container checks reach it: a missing key on the way is
/// no verdict, but an empty spec is still a spec.
fn pod_spec_strict(r: &Resource) -> Option<&Value> {
    match kind(r) {
        "Pod" => r.config.get("spec"),
        "CronJob" => r.config.path("spec.jobTemplate.spec.template.spec"),
        "PodTemplate" => r.config.path("template.spec"),
        _ => r.config.path("spec.template.spec"),
    }
}

/// A container's `securityContext` entry, when the context is set.
pub(crate) fn security(c: &Value, key: &str) -> Option<Value> {
    let ctx = c.get("securityContext").filter(|s| truthy(Some(s)))?;
    ctx.get(key).cloned()
}

/// Whether a container drops one of `caps` (matched as substrings, as Checkov does).
pub(crate) fn drops_any(c: &Value, caps: &[&str]) -> bool {
    let Some(drop) = c.path("securityContext.capabilities.drop") else {
        return false;
    };
    drop.items().any(|d| {
        d.as_str()
            .is_some_and(|d| caps.iter().any(|cap| d.contains(cap)))
    })
}

/// An integer `runAsUser`-style value: a whole number, not a string or boolean.
pub(crate) fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) if n.fract() == 0.0 => Some(*n as i64),
        _ => None,
    }
}

/// The tag of an image reference: after the first `:` once an optional leading registry
/// component (`registry:5000/`) is set aside; empty when there is none.
pub(crate) fn image_tag(image: &str) -> &str {
    let image = image.split_whitespace().next().unwrap_or("");
    let path = match image.split_once('/') {
        Some((host, rest)) if !host.is_empty() => rest,
        _ => image,
    };
    path.split_once(':').map(|(_, t)| t).unwrap_or("")
}

/// The first resource of a manifest, for the checks' tests.
#[cfg(test)]
pub(crate) fn manifest(yaml: &str) -> Resource {
    let parsed = crate::kubernetes::parse(&crate::model::SourceFile {
        path: "t.yaml".into(),
        text: yaml.into(),
    });
    match parsed.resources.into_iter().next() {
        Some(r) => r,
        None => panic!("no resource in {yaml}: {:?}", parsed.diagnostics),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_fold_like_checkov() {
        let r = manifest(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x}\n  - {name: b}\n",
        );
        let v = each_container(&r, true, |c| {
            if c.get("image").is_some() {
                Answer::Pass
            } else {
                Answer::Fail("has no image")
            }
        });
        assert_eq!(v, Verdict::fail("container `b` has no image"));
        let none = each_container(&r, true, |_| Answer::Unknown);
        assert_eq!(none, Verdict::Unknown);
        let cron = manifest(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostPID: true\n",
        );
        assert_eq!(
            pod_spec(&cron).and_then(|s| s.get("hostPID")),
            Some(&Value::Bool(true))
        );
    }
}
