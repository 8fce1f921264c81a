//! Logic shared by the Azure App Service and database checks: reading one setting the way
//! Checkov's value checks read it (a one-element list stands for its element, an absent or
//! empty setting takes the check's default), and finding the resources connected to a
//! server.

use super::aws::{connected, refers_to_kind};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

/// What a setting must hold.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Want {
    /// `true` (also the string `"true"`).
    True,
    /// `false` (also the string `"false"`).
    False,
    /// One of these strings (a number matches its decimal text: `1.2` matches `"1.2"`).
    OneOf(&'static [&'static str]),
    /// Any non-empty value.
    Any,
}

/// The setting at the dotted `path` of a Terraform resource, a one-element list standing
/// for its element; `None` when absent, null or an empty list.
pub(crate) fn setting<'a>(r: &'a Resource, path: &str) -> Option<&'a Value> {
    let v = match r.config.path(path)? {
        Value::List(items) if items.len() == 1 => items.first()?,
        v => v,
    };
    match v {
        Value::Null => None,
        Value::List(items) if items.is_empty() => None,
        v => Some(v),
    }
}

/// Whether the setting `v` holds what `want` asks for, read as [`setting`] reads it: a
/// missing, null or empty setting is `False`; an unresolved value is `Unknown`, except
/// that [`Want::Any`] takes a reference to another resource as set.
pub(crate) fn holds(v: Option<&Value>, want: Want) -> Truth {
    let v = match v {
        Some(Value::List(items)) if items.len() == 1 => items.first(),
        other => other,
    };
    let v = match v {
        None | Some(Value::Null) => return Truth::False,
        Some(Value::List(items)) if items.is_empty() => return Truth::False,
        Some(v) => v,
    };
    let ok = match (want, v) {
        (Want::Any, Value::Unknown(u)) if !u.refs.is_empty() => true,
        (_, Value::Unknown(_)) => return Truth::Unknown,
        (Want::Any, Value::String(s)) => !s.is_empty(),
        (Want::Any, _) => true,
        (Want::True, v) => v.truth() == Truth::True,
        (Want::False, v) => v.truth() == Truth::False,
        (Want::OneOf(allowed), Value::String(s)) => allowed.contains(&s.as_str()),
        (Want::OneOf(allowed), Value::Number(n)) => allowed.contains(&n.to_string().as_str()),
        (Want::OneOf(_), _) => false,
    };
    if ok { Truth::True } else { Truth::False }
}

/// Judges the setting at `path` against `want`; an absent setting passes when
/// `missing_passes`, otherwise it fails with `message` (see [`holds`]).
pub(crate) fn value_check(
    r: &Resource,
    path: &str,
    want: Want,
    missing_passes: bool,
    message: &str,
) -> Verdict {
    match (setting(r, path), holds(r.config.path(path), want)) {
        (None, _) if missing_passes => Verdict::Pass,
        (_, Truth::True) => Verdict::Pass,
        (_, Truth::Unknown) => Verdict::Unknown,
        (_, Truth::False) => Verdict::fail(message),
    }
}

/// Whether a resource of Terraform type `kind` in the same module refers to `r`, or `r`'s
/// configuration refers to one (Checkov's graph connects them either way).
pub(crate) fn has_connected(cx: &Cx<'_>, r: &Resource, kind: &str) -> bool {
    connected(cx, r, kind).next().is_some()
        || r.config
            .as_map()
            .is_some_and(|m| m.keys().any(|k| refers_to_kind(cx, r, k, kind)))
}

/// A PostgreSQL server parameter (`azurerm_postgresql_configuration`) that must not be
/// `off`: another parameter passes, as does any value other than `off`; an unresolved name
/// or value is no verdict.
pub(crate) fn configuration_not_off(r: &Resource, parameter: &str) -> Verdict {
    match (r.config.get("name"), r.config.get("value")) {
        (Some(Value::String(name)), _) if name != parameter => Verdict::Pass,
        (_, Some(Value::String(value))) if value != "off" => Verdict::Pass,
        (Some(Value::Unknown(_)), _) | (_, Some(Value::Unknown(_))) => Verdict::Unknown,
        (Some(Value::String(_)), Some(Value::String(_))) => {
            Verdict::fail(format!("`{parameter}` is set to `off`"))
        }
        _ => Verdict::Pass,
    }
}
