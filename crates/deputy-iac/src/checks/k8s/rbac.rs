//! Reading RBAC rules: whether a Role or ClusterRole grants an operation, the way
//! Checkov's RBAC checks match rules (wildcards included, `*/subresource` too).

use super::truthy;
use crate::model::Value;

/// A set of permissions that together allow one dangerous operation: a rule grants it
/// when it matches one of the API groups, one of the verbs and one of the resources.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operation {
    pub api_groups: &'static [&'static str],
    pub verbs: &'static [&'static str],
    pub resources: &'static [&'static str],
}

fn strings(v: Option<&Value>) -> impl Iterator<Item = &str> {
    v.filter(|v| truthy(Some(v)))
        .into_iter()
        .flat_map(Value::items)
        .filter_map(Value::as_str)
}

fn value_or_wildcard(rule: &Value, key: &str, wanted: &[&str]) -> bool {
    strings(rule.get(key)).any(|v| v == "*" || wanted.contains(&v))
}

fn resource_or_wildcard(rule: &Value, wanted: &[&str]) -> bool {
    strings(rule.get("resources")).any(|granted| {
        granted == "*"
            || wanted.iter().any(|w| {
                granted == *w
                    || (w.contains('/')
                        && granted.contains('/')
                        && w.split('/')
                            .nth(1)
                            .is_some_and(|sub| granted == format!("*/{sub}")))
            })
    })
}

fn rule_can(rule: &Value, op: &Operation) -> bool {
    value_or_wildcard(rule, "apiGroups", op.api_groups)
        && value_or_wildcard(rule, "verbs", op.verbs)
        && resource_or_wildcard(rule, op.resources)
}

/// Whether the role's rules grant every one of `ops` (each by some rule).
pub(crate) fn grants_all(role: &Value, ops: &[Operation]) -> bool {
    match role.get("rules") {
        Some(Value::List(rules)) if !rules.is_empty() => ops
            .iter()
            .all(|op| rules.iter().any(|rule| rule_can(rule, op))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(groups: &[&str], verbs: &[&str], resources: &[&str]) -> Value {
        let list =
            |xs: &[&str]| Value::List(xs.iter().map(|x| Value::String((*x).into())).collect());
        let mut m = indexmap::IndexMap::new();
        m.insert("apiGroups".into(), list(groups));
        m.insert("verbs".into(), list(verbs));
        m.insert("resources".into(), list(resources));
        Value::Map(m)
    }

    #[test]
    fn wildcards_and_subresources_match() {
        let op = Operation {
            api_groups: &["certificates.k8s.io"],
            verbs: &["update"],
            resources: &["certificatesigningrequests/approval"],
        };
        let role = |r: Value| {
            let mut m = indexmap::IndexMap::new();
            m.insert("rules".into(), Value::List(vec![r]));
            Value::Map(m)
        };
        assert!(grants_all(&role(rule(&["*"], &["*"], &["*"])), &[op]));
        assert!(grants_all(
            &role(rule(&["certificates.k8s.io"], &["update"], &["*/approval"])),
            &[op]
        ));
        assert!(!grants_all(
            &role(rule(&["certificates.k8s.io"], &["get"], &["*"])),
            &[op]
        ));
        assert!(!grants_all(&Value::Null, &[op]));
    }
}
