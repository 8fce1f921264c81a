//! What the container security-context checks share for Terraform's `kubernetes_*`
//! resources: finding the containers the way Checkov's Terraform checks for those ids find
//! them, reading a nested block that may be absent or unresolved, and folding the
//! containers' answers into one verdict.
//!
//! Checkov's Terraform checks walk `spec` → `template` → `spec` (see [`super::tf`]) and
//! then judge the `container` blocks only (never `init_container`). A container list
//! written as an attribute (`container = [{ … }]`, the Terraform 0.11 style the provider no
//! longer accepts) is a list inside a list to Checkov, which it gives no verdict; the front
//! end stores it like blocks, but its nested objects (`security_context = { … }`) are maps
//! where blocks would be lists, which is how it is recognised here.

use super::{Answer, tf, truthy};
use crate::check::Verdict;
use crate::model::{Resource, Truth, Value};

/// The pod spec a container check judges, or why there is none.
pub(crate) enum PodSpec<'a> {
    /// The resource has no `spec` at all.
    Missing,
    /// The `spec` is empty or unresolved: no verdict.
    Unknown,
    /// The pod spec, after the walk into `template { spec { … } }`.
    Found(&'a Value),
}

/// The pod spec of `r`, walked as [`tf::pod_spec`] walks it.
pub(crate) fn pod_spec(r: &Resource) -> PodSpec<'_> {
    if r.config.get("spec").is_none() {
        return PodSpec::Missing;
    }
    match tf::pod_spec(r) {
        Some(spec @ Value::Map(_)) => PodSpec::Found(spec),
        _ => PodSpec::Unknown,
    }
}

/// The `container` blocks of a pod spec.
pub(crate) enum Containers<'a> {
    /// No container blocks.
    None,
    /// Unresolved, or written as an attribute: no verdict.
    Unknown,
    Blocks(&'a [Value]),
}

/// The `container` blocks of `spec`.
pub(crate) fn containers(spec: &Value) -> Containers<'_> {
    match spec.get("container") {
        None | Some(Value::Null) => Containers::None,
        Some(Value::List(items)) if items.is_empty() => Containers::None,
        Some(Value::List(items)) if items.iter().any(written_as_attribute) => Containers::Unknown,
        Some(Value::List(_)) => Containers::Blocks(tf::containers(spec)),
        Some(_) => Containers::Unknown,
    }
}

/// Whether a container was written as an object value rather than a block: one of its
/// nested objects is a map where a block would be a list of maps.
fn written_as_attribute(c: &Value) -> bool {
    c.as_map()
        .is_some_and(|m| m.values().any(|v| matches!(v, Value::Map(_))))
}

/// A nested block read the way Checkov reads it (its first element).
pub(crate) enum Block<'a> {
    /// Absent, null or an empty list.
    Absent,
    /// Unresolved, or not a block: no verdict.
    Unknown,
    Found(&'a Value),
}

/// The first block of `key` in `v`.
pub(crate) fn block<'a>(v: &'a Value, key: &str) -> Block<'a> {
    match v.get(key) {
        None | Some(Value::Null) => Block::Absent,
        Some(Value::List(items)) => match items.first() {
            None => Block::Absent,
            Some(first @ Value::Map(_)) => Block::Found(first),
            Some(_) => Block::Unknown,
        },
        Some(_) => Block::Unknown,
    }
}

/// Whether a value is set the way Python's `if value:` sees it, `None` when it is
/// unresolved.
pub(crate) fn set(v: Option<&Value>) -> Option<bool> {
    match v {
        Some(Value::Unknown(_)) => None,
        other => Some(truthy(other)),
    }
}

/// Runs `judge` on every container of a Terraform workload: `missing` is the verdict
/// without a `spec`, `none` the verdict when the pod spec has no container; an empty or
/// unresolved spec, or containers written as an attribute, give no verdict. The first
/// failing container fails the workload; otherwise an undecided container leaves it
/// without a verdict, and it passes when every container passed.
pub(crate) fn each_container(
    r: &Resource,
    missing: Verdict,
    none: Verdict,
    judge: impl Fn(&Value) -> Answer,
) -> Verdict {
    match pod_spec(r) {
        PodSpec::Missing => missing,
        PodSpec::Unknown => Verdict::Unknown,
        PodSpec::Found(spec) => match containers(spec) {
            Containers::None => none,
            Containers::Unknown => Verdict::Unknown,
            Containers::Blocks(items) => fold(items, judge),
        },
    }
}

/// Folds the containers' answers: the first failure wins, then any undecided container
/// (or one that is not a block) leaves no verdict, else a pass.
pub(crate) fn fold(containers: &[Value], judge: impl Fn(&Value) -> Answer) -> Verdict {
    let mut undecided = false;
    for c in containers {
        if !matches!(c, Value::Map(_)) {
            undecided = true;
            continue;
        }
        match judge(c) {
            Answer::Pass => {}
            Answer::Unknown => undecided = true,
            Answer::Fail(what) => {
                let name = c.get("name").and_then(Value::as_str).unwrap_or("?");
                return Verdict::fail(format!("container `{name}` {what}"));
            }
        }
    }
    if undecided {
        Verdict::Unknown
    } else {
        Verdict::Pass
    }
}

/// A container's `security_context` block, judged by `judge` when present; `absent` is
/// the answer without one.
pub(crate) fn with_context(c: &Value, absent: Answer, judge: impl Fn(&Value) -> Answer) -> Answer {
    match block(c, "security_context") {
        Block::Absent => absent,
        Block::Unknown => Answer::Unknown,
        Block::Found(ctx) => judge(ctx),
    }
}

/// A container setting that must not be `true` (Checkov compares it with `[True]`): `what`
/// is the failure; an unresolved value gives no answer.
pub(crate) fn must_not_be_true(v: Option<&Value>, what: &'static str) -> Answer {
    match v {
        Some(Value::Unknown(_)) => Answer::Unknown,
        Some(v) if v.truth() == Truth::True => Answer::Fail(what),
        _ => Answer::Pass,
    }
}

/// How a list of capability names holds one of `names` (exact, case-sensitive, as
/// Checkov compares them): `Some(true)` when it does, `Some(false)` when it does not, `None`
/// when an unresolved name (or the list itself) leaves it open.
pub(crate) fn lists_any(list: &Value, names: &[&str]) -> Option<bool> {
    let items = match list {
        Value::List(items) => items.as_slice(),
        Value::Unknown(_) => return None,
        other => std::slice::from_ref(other),
    };
    if items
        .iter()
        .any(|i| i.as_str().is_some_and(|s| names.contains(&s)))
    {
        return Some(true);
    }
    if items.iter().any(Value::is_unknown) {
        None
    } else {
        Some(false)
    }
}

/// A pod-level setting where Checkov's Terraform value checks read it: `spec.<key>` for a
/// pod, `spec.template.spec.<key>` for a deployment (first blocks only); `None` for other
/// resource types, which those checks do not support.
pub(crate) fn pod_setting<'a>(r: &'a Resource, key: &str) -> Option<&'a Value> {
    if !tf::POD_AND_DEPLOYMENT.contains(&r.kind.as_str()) {
        return None;
    }
    let path = if matches!(
        r.kind.as_str(),
        "kubernetes_deployment" | "kubernetes_deployment_v1"
    ) {
        format!("spec.template.spec.{key}")
    } else {
        format!("spec.{key}")
    };
    r.config.path(&path).filter(|v| match v {
        Value::Null => false,
        Value::List(items) => !items.is_empty(),
        _ => true,
    })
}

/// Judges a pod-level boolean that shares a host namespace, where Checkov's Terraform
/// checks read it ([`pod_setting`]): `true` fails, an unresolved value gives no verdict,
/// an absent one passes. With `only_false_passes` (Checkov's checks that expect the value
/// `false`) any other value than `false` fails too; otherwise only `true` fails.
pub(crate) fn host_namespace(r: &Resource, key: &str, only_false_passes: bool) -> Verdict {
    let Some(v) = pod_setting(r, key) else {
        return Verdict::Pass;
    };
    let fail = || Verdict::fail(format!("the pod sets `{key} = true`"));
    match v {
        Value::Unknown(_) => Verdict::Unknown,
        v => match v.truth() {
            Truth::True => fail(),
            Truth::False => Verdict::Pass,
            Truth::Unknown if only_false_passes => {
                Verdict::fail(format!("the pod's `{key}` is not `false`"))
            }
            Truth::Unknown if v.items().any(|i| i.truth() == Truth::True) => fail(),
            Truth::Unknown => Verdict::Pass,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_written_as_an_attribute_are_unknown() {
        let attr = tf::resource(
            "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container = [\n      {\n        name = \"a\"\n        security_context = {\n          privileged = true\n        }\n      }\n    ]\n  }\n}\n",
        );
        let v = each_container(&attr, Verdict::Unknown, Verdict::Pass, |_| {
            Answer::Fail("fails")
        });
        assert_eq!(v, Verdict::Unknown);
        let blocks = tf::resource(
            "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container {\n      name = \"a\"\n      security_context {\n        privileged = true\n      }\n    }\n  }\n}\n",
        );
        let v = each_container(&blocks, Verdict::Unknown, Verdict::Pass, |c| {
            with_context(c, Answer::Pass, |_| Answer::Fail("fails"))
        });
        assert_eq!(v, Verdict::fail("container `a` fails"));
        let bare = tf::resource("resource \"kubernetes_pod\" \"p\" {\n}\n");
        let v = each_container(&bare, Verdict::fail("no spec"), Verdict::Pass, |_| {
            Answer::Pass
        });
        assert_eq!(v, Verdict::fail("no spec"));
        let empty = tf::resource("resource \"kubernetes_pod\" \"p\" {\n  spec {\n  }\n}\n");
        let v = each_container(&empty, Verdict::Pass, Verdict::Pass, |_| Answer::Pass);
        assert_eq!(v, Verdict::Unknown);
    }

    #[test]
    fn capability_lists() {
        let list = Value::List(vec![Value::String("ALL".into())]);
        assert_eq!(lists_any(&list, &["ALL"]), Some(true));
        assert_eq!(lists_any(&list, &["NET_RAW"]), Some(false));
        let open = Value::List(vec![Value::unknown()]);
        assert_eq!(lists_any(&open, &["ALL"]), None);
        assert_eq!(lists_any(&Value::unknown(), &["ALL"]), None);
    }
}
