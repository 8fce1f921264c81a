//! What the container checks share for Terraform's `kubernetes_*` resources: the walk from
//! a resource to its `container` blocks, ending where Checkov's Terraform container checks
//! end (no `spec`, an empty `spec`, no containers), and one verdict from the answers of
//! every container.
//!
//! Checkov's Terraform container checks judge the `container` blocks only (never
//! `init_container`), and most of them stop at the first container, whose answer becomes
//! the resource's. Deputy judges every container, as its manifest checks do, so a failing
//! second container is not hidden behind a first that passes.

use super::{Answer, tf};
use crate::check::Verdict;
use crate::model::{Resource, Value};

/// Where the walk from a Terraform resource to its containers ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Walk<'a> {
    /// The resource has no `spec`.
    NoSpec,
    /// `spec` is written but empty.
    EmptySpec,
    /// The pod spec (the resource's `spec`, or a deployment's `template { spec { … } }`)
    /// has no `container`; `empty` when that pod spec holds nothing at all.
    NoContainers { empty: bool },
    /// A value on the way is unresolved, or the containers are not blocks: Checkov reads
    /// `container = [{ … }]` (which Terraform rejects) as one item that is not an object
    /// and gives no verdict. Also any resource other than a pod or a deployment.
    Unreadable,
    /// The `container` blocks, in order; never empty.
    Containers(&'a [Value]),
}

/// Walks from `r` to its containers the way Checkov's Terraform checks do: the first
/// `spec` block, then, when it holds `template { spec { … } }`, that inner spec. Only the
/// resource types whose shape the walk knows, pods and deployments, are read.
pub(crate) fn walk(r: &Resource) -> Walk<'_> {
    if !tf::POD_AND_DEPLOYMENT.contains(&r.kind.as_str()) {
        return Walk::Unreadable;
    }
    if r.config.get("spec").is_none() {
        return Walk::NoSpec;
    }
    let Some(spec) = tf::spec(r) else {
        return Walk::EmptySpec;
    };
    // What Checkov reads as objects must be objects here: an unresolved `spec`, `template`
    // or template `spec` leaves the containers unknown.
    let template = tf::block(spec, "template");
    let inner = template.and_then(|t| tf::block(t, "spec"));
    if !is_map(spec) || template.is_some_and(|t| !is_map(t)) || inner.is_some_and(|s| !is_map(s)) {
        return Walk::Unreadable;
    }
    let Some(pod) = tf::pod_spec(r) else {
        return Walk::Unreadable;
    };
    if pod.get("container").is_none() {
        return Walk::NoContainers {
            empty: !super::truthy(Some(pod)),
        };
    }
    let containers = tf::containers(pod);
    if containers.is_empty() || !containers.iter().all(is_block) {
        return Walk::Unreadable;
    }
    Walk::Containers(containers)
}

fn is_map(v: &Value) -> bool {
    matches!(v, Value::Map(_))
}

/// Whether a container was written as a block. The provider's container has no argument
/// that holds an object (its nested objects are all blocks, read as lists), so an object
/// directly inside a container means the containers were written as a list of objects.
fn is_block(c: &Value) -> bool {
    match c {
        Value::Map(m) => !m.values().any(|v| matches!(v, Value::Map(_))),
        _ => false,
    }
}

/// The name a message gives a container.
pub(crate) fn name(c: &Value) -> &str {
    c.get("name").and_then(Value::as_str).unwrap_or("?")
}

/// One verdict from every container's answer: the first failure fails the resource,
/// naming its container; otherwise a container that could not be answered leaves no
/// verdict, and the resource passes when every container passed.
pub(crate) fn judge_each(containers: &[Value], judge: impl Fn(&Value) -> Answer) -> Verdict {
    let mut unknown = false;
    for c in containers {
        match judge(c) {
            Answer::Pass => {}
            Answer::Unknown => unknown = true,
            Answer::Fail(what) => {
                return Verdict::fail(format!("container `{}` {what}", name(c)));
            }
        }
    }
    if unknown {
        Verdict::Unknown
    } else {
        Verdict::Pass
    }
}

/// Whether a container sets `resources.<kind>.<quantity>` (`requests`, `cpu`), read as
/// Checkov's Terraform checks read it: `resources` is the first block; `kind` is a map
/// argument (or a block); the quantity must be set to a non-empty value. `None` when an
/// unresolved value decides.
pub(crate) fn sets_quantity(c: &Value, kind: &str, quantity: &str) -> Option<bool> {
    let Some(resources) = tf::block(c, "resources") else {
        return Some(false);
    };
    match resources {
        Value::Unknown(_) => return None,
        Value::Map(_) => {}
        other if !super::truthy(Some(other)) => return Some(false),
        _ => return None,
    }
    let Some(amounts) = tf::block(resources, kind) else {
        return Some(false);
    };
    match amounts {
        Value::Unknown(_) => None,
        Value::Map(m) => match m.get(quantity) {
            Some(Value::Unknown(_)) => None,
            q => Some(super::truthy(q)),
        },
        // `requests = "x"`: not a map of quantities.
        _ => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::k8s::tf::resource;

    #[test]
    fn walks_like_checkov() {
        let bare = resource(
            "resource \"kubernetes_pod\" \"p\" {\n  metadata {\n    name = \"p\"\n  }\n}\n",
        );
        assert_eq!(walk(&bare), Walk::NoSpec);
        let empty = resource("resource \"kubernetes_pod\" \"p\" {\n  spec {\n  }\n}\n");
        assert_eq!(walk(&empty), Walk::EmptySpec);
        let none = resource(
            "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    host_pid = true\n  }\n}\n",
        );
        assert_eq!(walk(&none), Walk::NoContainers { empty: false });
        let empty_template = resource(
            "resource \"kubernetes_deployment\" \"d\" {\n  spec {\n    replicas = 1\n    template {\n      spec {\n      }\n    }\n  }\n}\n",
        );
        assert_eq!(walk(&empty_template), Walk::NoContainers { empty: true });
        let deployment = resource(
            "resource \"kubernetes_deployment\" \"d\" {\n  spec {\n    template {\n      spec {\n        container {\n          name = \"a\"\n          port {\n            container_port = 80\n          }\n        }\n        container {\n          name = \"b\"\n        }\n      }\n    }\n  }\n}\n",
        );
        let Walk::Containers(cs) = walk(&deployment) else {
            panic!("{:?}", walk(&deployment));
        };
        assert_eq!(cs.iter().map(name).collect::<Vec<_>>(), ["a", "b"]);
        let listed = resource(
            "resource \"kubernetes_pod\" \"p\" {\n  spec {\n    container = [\n      {\n        name = \"a\"\n        port = {\n          container_port = 80\n        }\n      }\n    ]\n  }\n}\n",
        );
        assert_eq!(walk(&listed), Walk::Unreadable);
        let unresolved = resource(
            "variable \"c\" {}\nresource \"kubernetes_pod\" \"p\" {\n  spec {\n    container = var.c\n  }\n}\n",
        );
        assert_eq!(walk(&unresolved), Walk::Unreadable);
    }

    #[test]
    fn quantities() {
        let pod = |resources: &str| {
            resource(&format!(
                "variable \"v\" {{}}\nresource \"kubernetes_pod\" \"p\" {{\n  spec {{\n    container {{\n      name = \"a\"\n{resources}\n    }}\n  }}\n}}\n"
            ))
        };
        let quantity = |r: &Resource| match walk(r) {
            Walk::Containers([c, ..]) => sets_quantity(c, "requests", "cpu"),
            other => panic!("{other:?}"),
        };
        assert_eq!(quantity(&pod("")), Some(false));
        assert_eq!(
            quantity(&pod("resources {\n requests = {\n cpu = \"1\"\n }\n}")),
            Some(true)
        );
        assert_eq!(
            quantity(&pod("resources {\n requests = {\n memory = \"1Gi\"\n }\n}")),
            Some(false)
        );
        assert_eq!(
            quantity(&pod("resources {\n requests = \"x\"\n}")),
            Some(false)
        );
        assert_eq!(
            quantity(&pod("resources {\n requests = {\n cpu = var.v\n }\n}")),
            None
        );
    }
}
