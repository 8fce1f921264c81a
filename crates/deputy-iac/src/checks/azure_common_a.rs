//! Logic shared by the Azure AKS, storage, key vault and managed-disk checks: a setting
//! judged the way Checkov's value checks judge it (the reading itself is
//! `azure_common_b::holds`, shared with the App Service and database checks), and finding a
//! resource that points at another (a private endpoint at a key vault).

use super::aws::connected;
pub(crate) use super::aws::s3::or as either;
pub(crate) use super::azure_common_b::{Want, holds};
use crate::check::Cx;
use crate::model::{Resource, Truth};

/// [`holds`] for the setting at the dotted path `path` of `r`.
pub(crate) fn setting_holds(r: &Resource, path: &str, want: Want) -> Truth {
    holds(r.config.path(path), want)
}

/// Whether a Terraform resource of type `kind` in the same module refers to `r` (a private
/// endpoint whose `private_connection_resource_id` is the vault's id).
pub(crate) fn has_connected(cx: &Cx<'_>, r: &Resource, kind: &str) -> bool {
    connected(cx, r, kind).next().is_some()
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
