//! Logic shared by the Azure AKS, storage, key vault and managed-disk checks: reading one
//! setting the way Checkov's value checks read it, and finding a resource that points at
//! another (a private endpoint at a key vault).

use super::aws::connected;
use crate::check::Cx;
use crate::model::{Resource, Truth, Value};

/// What a setting must hold.
#[derive(Clone, Copy)]
pub(crate) enum Want {
    /// Any value that is not null or empty.
    Any,
    /// The boolean `true`.
    True,
    /// The boolean `false`.
    False,
    /// One of these strings.
    OneOf(&'static [&'static str]),
}

/// Whether the setting `v` holds what `want` asks for. A missing, null or empty setting is
/// `False`; a single-element list is read as its element; an unresolved value is
/// `Unknown` (an unresolved reference to another resource counts as set for [`Want::Any`]).
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
    match (want, v) {
        (Want::Any, Value::Unknown(u)) if u.refs.is_empty() => Truth::Unknown,
        (Want::Any, Value::String(s)) if s.is_empty() => Truth::False,
        (Want::Any, _) => Truth::True,
        (_, Value::Unknown(_)) => Truth::Unknown,
        (Want::True, v) => match v.truth() {
            Truth::True => Truth::True,
            _ => Truth::False,
        },
        (Want::False, v) => match v.truth() {
            Truth::False => Truth::True,
            _ => Truth::False,
        },
        (Want::OneOf(allowed), Value::String(s)) if allowed.contains(&s.as_str()) => Truth::True,
        (Want::OneOf(_), _) => Truth::False,
    }
}

/// [`holds`] for the setting at the dotted path `path` of `r`.
pub(crate) fn setting_holds(r: &Resource, path: &str, want: Want) -> Truth {
    holds(r.config.path(path), want)
}

/// Whether a Terraform resource of type `kind` in the same module refers to `r` (a private
/// endpoint whose `private_connection_resource_id` is the vault's id).
pub(crate) fn has_connected(cx: &Cx<'_>, r: &Resource, kind: &str) -> bool {
    connected(cx, r, kind).next().is_some()
}

/// `True` if either truth is `True`, `Unknown` if either is `Unknown`, else `False`.
pub(crate) fn either(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::True, _) | (_, Truth::True) => Truth::True,
        (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
        _ => Truth::False,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::value;

    fn judge(json: &str, want: Want) -> Truth {
        let v = value(&serde_json::from_str(json).unwrap_or(serde_json::Value::Null));
        holds(Some(&v), want)
    }

    #[test]
    fn settings_are_read_like_value_checks() {
        assert_eq!(holds(None, Want::True), Truth::False);
        assert_eq!(judge("true", Want::True), Truth::True);
        assert_eq!(judge("[true]", Want::True), Truth::True);
        assert_eq!(judge("false", Want::True), Truth::False);
        assert_eq!(judge("false", Want::False), Truth::True);
        assert_eq!(judge(r#"{"$unknown":[]}"#, Want::False), Truth::Unknown);
        assert_eq!(judge(r#""""#, Want::Any), Truth::False);
        assert_eq!(judge(r#""x""#, Want::Any), Truth::True);
        assert_eq!(judge(r#"{"$unknown":["a.b"]}"#, Want::Any), Truth::True);
        assert_eq!(judge(r#"{"$unknown":[]}"#, Want::Any), Truth::Unknown);
        assert_eq!(judge(r#""GRS""#, Want::OneOf(&["GRS"])), Truth::True);
        assert_eq!(judge(r#""LRS""#, Want::OneOf(&["GRS"])), Truth::False);
        assert_eq!(either(Truth::False, Truth::Unknown), Truth::Unknown);
        assert_eq!(either(Truth::True, Truth::Unknown), Truth::True);
    }
}
