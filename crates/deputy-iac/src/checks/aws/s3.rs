//! The shape Checkov's S3 graph policies share since AWS provider v4 split
//! `aws_s3_bucket` into sub-resources: a bucket passes when its own (deprecated) inline
//! block says so, or when a sub-resource pointing at it (`aws_s3_bucket_versioning`,
//! `aws_s3_bucket_logging`, …) does.

use super::connected;
pub(crate) use super::verdict;
use crate::check::Cx;
use crate::model::{Resource, Truth, Value};

/// Either holds.
pub(crate) fn or(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::True, _) | (_, Truth::True) => Truth::True,
        (Truth::False, Truth::False) => Truth::False,
        _ => Truth::Unknown,
    }
}

/// The value at a dotted `path` (as [`Value::path`] reads it), or `Err(())` when a value
/// on the way is unknown (a `dynamic` block over an unresolved collection), so the answer
/// cannot be told.
fn lookup<'a>(v: &'a Value, path: &str) -> Result<Option<&'a Value>, ()> {
    let mut v = v;
    for part in path.split('.') {
        if v.is_unknown() {
            return Err(());
        }
        let next = match (v, part.parse::<usize>()) {
            (Value::List(items), Ok(i)) => items.get(i),
            (Value::List(items), Err(_)) => match items.first() {
                Some(first) if first.is_unknown() => return Err(()),
                Some(first) => first.get(part),
                None => None,
            },
            (other, _) => other.get(part),
        };
        match next {
            Some(n) => v = n,
            None => return Ok(None),
        }
    }
    Ok(Some(v))
}

/// Whether the value at `path` is set (not absent or null).
pub(crate) fn exists(v: &Value, path: &str) -> Truth {
    match lookup(v, path) {
        Err(()) => Truth::Unknown,
        Ok(None | Some(Value::Null)) => Truth::False,
        Ok(Some(_)) => Truth::True,
    }
}

/// Whether the value at `path` is one of the strings `allowed`.
pub(crate) fn is_one_of(v: &Value, path: &str, allowed: &[&str]) -> Truth {
    match lookup(v, path) {
        Ok(Some(Value::String(s))) => truth(allowed.contains(&s.as_str())),
        Ok(Some(Value::Unknown(_))) | Err(()) => Truth::Unknown,
        _ => Truth::False,
    }
}

/// Whether the value at `path` is the boolean `true` (or the string `"true"`).
pub(crate) fn is_true(v: &Value, path: &str) -> Truth {
    match lookup(v, path) {
        Ok(Some(Value::Unknown(_))) | Err(()) => Truth::Unknown,
        Ok(Some(x)) if x.truth() == Truth::True => Truth::True,
        _ => Truth::False,
    }
}

pub(crate) fn truth(b: bool) -> Truth {
    if b { Truth::True } else { Truth::False }
}

/// `inline` on the bucket, or `sub` on some `sub_kind` resource connected to it.
pub(crate) fn bucket_or_connected(
    r: &Resource,
    cx: &Cx<'_>,
    sub_kind: &'static str,
    inline: impl Fn(&Value) -> Truth,
    sub: impl Fn(&Value) -> Truth,
) -> Truth {
    let mut answer = inline(&r.config);
    for s in connected(cx, r, sub_kind) {
        answer = or(answer, sub(&s.config));
    }
    answer
}

/// The AllUsers group's URI in S3 access-control grants.
const ALL_USERS: &str = "http://acs.amazonaws.com/groups/global/AllUsers";

/// Whether the bucket's ACL is acceptable: its own `acl` is a canned ACL outside `public`,
/// or an `aws_s3_bucket_acl` for it sets such an ACL or an access-control policy with no
/// public grant, or neither says anything (the private default).
pub(crate) fn acl_ok(r: &Resource, cx: &Cx<'_>, public: &[&str], grant: &[&str]) -> Truth {
    let own = canned(r.config.get("acl"), public);
    let acls: Vec<&Resource> = connected(cx, r, "aws_s3_bucket_acl").collect();
    if acls.is_empty() && matches!(r.config.get("acl"), None | Some(Value::Null)) {
        return Truth::True;
    }
    let mut ok = own;
    for acl in acls {
        let c = &acl.config;
        let this = if !matches!(c.get("acl"), None | Some(Value::Null)) {
            canned(c.get("acl"), public)
        } else if let Some(policy) = c.get("access_control_policy") {
            grants_ok(policy, grant)
        } else {
            Truth::False
        };
        ok = or(ok, this);
    }
    ok
}

/// `True` when a canned ACL is set and is not one of `public`.
fn canned(acl: Option<&Value>, public: &[&str]) -> Truth {
    match acl {
        Some(Value::String(s)) if public.contains(&s.as_str()) => Truth::False,
        Some(Value::String(_)) => Truth::True,
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::False,
    }
}

/// `True` when an access-control policy grants nothing of `grant` to all users.
fn grants_ok(policy: &Value, grant: &[&str]) -> Truth {
    let Some(grants) = policy.path("grant") else {
        return Truth::True;
    };
    if grants.is_unknown() {
        return Truth::Unknown;
    }
    let mut ok = Truth::True;
    for g in grants.items() {
        let uri = g.path("grantee.uri");
        let permission = g.get("permission");
        let to_all = match uri {
            Some(Value::String(u)) => u == ALL_USERS,
            Some(Value::Unknown(_)) => {
                ok = Truth::Unknown;
                continue;
            }
            _ => false,
        };
        let matches = match permission {
            Some(Value::String(p)) => grant.is_empty() || grant.contains(&p.as_str()),
            Some(Value::Unknown(_)) => {
                ok = Truth::Unknown;
                continue;
            }
            _ => grant.is_empty(),
        };
        if to_all && matches {
            return Truth::False;
        }
    }
    ok
}

/// A CloudFormation bucket's `AccessControl` canned ACL is none of `forbidden` (absent is
/// `Private`).
pub(crate) fn cfn_acl_ok(r: &Resource, forbidden: &[&str]) -> Truth {
    match r.config.path("Properties.AccessControl") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(s)) => truth(!forbidden.contains(&s.as_str())),
        _ => Truth::True,
    }
}

/// One flag of a public access block: Terraform `aws_s3_bucket_public_access_block`'s
/// attribute `tf`, or CloudFormation `AWS::S3::Bucket`'s
/// `PublicAccessBlockConfiguration.<cfn>`, must be `true` (absent is `false`, as AWS
/// defaults it).
pub(crate) fn access_block_flag(r: &Resource, tf: &str, cfn: &str) -> crate::check::Verdict {
    let path = format!("PublicAccessBlockConfiguration.{cfn}");
    verdict(
        super::must_be_true(super::setting_at(r, tf, &path)),
        &format!("the public access block does not set `{tf}` (`{cfn}`) to true"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::value;

    /// One case: a configuration as JSON, a path, and what `exists`, `is_one_of(["a"])`
    /// and `is_true` answer for it.
    fn check(config: &str, path: &str, want: [Truth; 3]) {
        let json: serde_json::Value =
            serde_json::from_str(config).unwrap_or_else(|e| panic!("{config}: {e}"));
        let v = value(&json);
        let got = [
            exists(&v, path),
            is_one_of(&v, path, &["a"]),
            is_true(&v, path),
        ];
        assert_eq!(got, want, "{config} {path}");
    }

    #[test]
    fn paths_through_blocks_and_unknowns() {
        use Truth::{False, True, Unknown};
        check(r#"{"x":[{"y":"a"}]}"#, "x.y", [True, True, False]);
        check(r#"{"x":[{"y":true}]}"#, "x.y", [True, False, True]);
        check(r#"{"x":[{"y":"b"}]}"#, "x.y", [True, False, False]);
        check(r#"{"x":[]}"#, "x.y", [False, False, False]);
        check(r#"{"x":null}"#, "x", [False, False, False]);
        check(
            r#"{"x":{"$unknown":[]}}"#,
            "x.y",
            [Unknown, Unknown, Unknown],
        );
        check(
            r#"{"x":[{"$unknown":[]}]}"#,
            "x.y",
            [Unknown, Unknown, Unknown],
        );
        check(
            r#"{"x":[{"y":{"$unknown":[]}}]}"#,
            "x.y",
            [True, Unknown, Unknown],
        );
    }

    #[test]
    fn access_block_flags_must_be_true_in_both_frameworks() {
        use crate::check::Verdict;
        use crate::checks::aws::fixture::resource;
        let judge = |kind: &str, config: &str| match access_block_flag(
            &resource(kind, config),
            "block_public_acls",
            "BlockPublicAcls",
        ) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        };
        let tf = "aws_s3_bucket_public_access_block";
        assert_eq!(judge(tf, r#"{"block_public_acls":true}"#), "pass");
        assert_eq!(judge(tf, r#"{"block_public_acls":false}"#), "fail");
        assert_eq!(judge(tf, r#"{"bucket":"b"}"#), "fail");
        assert_eq!(
            judge(tf, r#"{"block_public_acls":{"$unknown":[]}}"#),
            "unknown"
        );
        let cfn = "AWS::S3::Bucket";
        assert_eq!(
            judge(
                cfn,
                r#"{"Properties":{"PublicAccessBlockConfiguration":{"BlockPublicAcls":true}}}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                cfn,
                r#"{"Properties":{"PublicAccessBlockConfiguration":{"BlockPublicAcls":false}}}"#
            ),
            "fail"
        );
        assert_eq!(judge(cfn, r#"{"Properties":{}}"#), "fail");
        assert_eq!(judge(cfn, "{}"), "fail");
    }

    #[test]
    fn cloudformation_canned_acls() {
        use crate::checks::aws::fixture::resource;
        let acl = |v: &str| {
            resource(
                "AWS::S3::Bucket",
                &format!(r#"{{"Properties":{{"AccessControl":{v}}}}}"#),
            )
        };
        let forbidden = ["PublicRead"];
        assert_eq!(
            cfn_acl_ok(&acl(r#""PublicRead""#), &forbidden),
            Truth::False
        );
        assert_eq!(cfn_acl_ok(&acl(r#""Private""#), &forbidden), Truth::True);
        assert_eq!(
            cfn_acl_ok(&acl(r#"{"$unknown":[]}"#), &forbidden),
            Truth::Unknown
        );
        assert_eq!(
            cfn_acl_ok(&resource("AWS::S3::Bucket", "{}"), &forbidden),
            Truth::True
        );
    }
}
