//! Logic shared by the AWS checks: finding the resources connected to a resource (a
//! bucket and its `aws_s3_bucket_acl`), IAM policy documents in every form they are
//! written in ([`policy`]), and security-group ingress rules in every resource that can
//! hold one ([`sg`]).

pub(crate) mod iam_actions;
pub(crate) mod least_privilege;
pub(crate) mod policy;
pub(crate) mod s3;
pub(crate) mod sg;

use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

/// The verdict for a truth that means "configured as required".
pub(crate) fn verdict(ok: Truth, message: &str) -> Verdict {
    match ok {
        Truth::True => Verdict::Pass,
        Truth::False => Verdict::fail(message),
        Truth::Unknown => Verdict::Unknown,
    }
}

/// A setting read from Terraform's attribute `tf` or, for a CloudFormation resource, from
/// its property `cfn`.
pub(crate) fn setting<'a>(r: &'a Resource, tf: &str, cfn: &str) -> Option<&'a Value> {
    match r.framework {
        Framework::CloudFormation => r.config.get("Properties").and_then(|p| p.get(cfn)),
        _ => r.config.get(tf),
    }
}

/// A nested setting read along a dotted path (`point_in_time_recovery.enabled`) from a
/// Terraform resource, or along `cfn` under a CloudFormation resource's `Properties`.
pub(crate) fn setting_at<'a>(r: &'a Resource, tf: &str, cfn: &str) -> Option<&'a Value> {
    match r.framework {
        Framework::CloudFormation => r.config.get("Properties").and_then(|p| p.path(cfn)),
        _ => r.config.path(tf),
    }
}

/// A setting that must be one of the strings `allowed`.
pub(crate) fn must_be_one_of(v: Option<&Value>, allowed: &[&str]) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => Truth::True,
        _ => Truth::False,
    }
}

/// A setting that must be `true`: absent or anything else is `False`.
pub(crate) fn must_be_true(v: Option<&Value>) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == Truth::True => Truth::True,
        _ => Truth::False,
    }
}

/// A setting that must be written as `false`; absent is `False` (the default is on).
pub(crate) fn must_be_false(v: Option<&Value>) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == Truth::False => Truth::True,
        _ => Truth::False,
    }
}

/// A setting that must not be `true`: absent or anything else is fine.
pub(crate) fn must_not_be_true(v: Option<&Value>) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == Truth::True => Truth::False,
        _ => Truth::True,
    }
}

/// A setting that must equal the string `want`.
pub(crate) fn must_equal(v: Option<&Value>, want: &str) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(s)) if s == want => Truth::True,
        _ => Truth::False,
    }
}

/// A setting that must be present with any value: an unresolved reference to another
/// resource counts as set, an unresolved variable might be null and is undecided.
pub(crate) fn must_be_set(v: Option<&Value>) -> Truth {
    match v {
        None | Some(Value::Null) => Truth::False,
        Some(Value::String(s)) if s.is_empty() => Truth::False,
        Some(Value::List(l)) if l.is_empty() => Truth::False,
        Some(Value::Unknown(u)) if u.refs.is_empty() => Truth::Unknown,
        Some(_) => Truth::True,
    }
}

/// A number that must satisfy `ok`; absent or not a number is `False`.
pub(crate) fn number_where(v: Option<&Value>, ok: impl Fn(f64) -> bool) -> Truth {
    match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) => match v.as_f64() {
            Some(n) if ok(n) => Truth::True,
            _ => Truth::False,
        },
        None => Truth::False,
    }
}

/// The resources of Terraform type `kind` in the same module as `r` (the same module
/// address and the same folder: two root modules may both declare `aws_s3_bucket.b`)
/// whose configuration refers to `r` (`bucket = aws_s3_bucket.b.id`), the way Checkov's
/// graph connects them. A resource Terraform creates no instance of (`count = 0`, an
/// empty `for_each`) is not connected: Checkov's graph keeps it, but it configures
/// nothing.
pub(crate) fn connected<'a>(
    cx: &Cx<'a>,
    r: &Resource,
    kind: &'a str,
) -> impl Iterator<Item = &'a Resource> + 'a {
    connected_where(cx, r, move |k| k == kind)
}

/// [`connected`] for every Terraform resource type `kind_ok` accepts.
pub(crate) fn connected_where<'a>(
    cx: &Cx<'a>,
    r: &Resource,
    kind_ok: impl Fn(&str) -> bool + 'a,
) -> impl Iterator<Item = &'a Resource> + 'a {
    let (module, own) = split_address(&r.address);
    let module = module.to_owned();
    let own = own.to_owned();
    let dir = folder(&r.file).to_owned();
    let names = bucket_names(r);
    cx.resources.iter().filter(move |other| {
        if other.framework != Framework::Terraform || !kind_ok(&other.kind) {
            return false;
        }
        // A resource Terraform creates no instance of is no configuration of the bucket.
        if other.never_created() {
            return false;
        }
        let (other_module, _) = split_address(&other.address);
        other_module == module
            && folder(&other.file) == dir
            && (refers_to(&other.config, &module, &own) || names_any(other, &names))
    })
}

/// The unresolved variables an S3 bucket is named by (`bucket = var.bucket_name`, also
/// through a local): a resource whose `bucket` is named by one of them is connected to the
/// bucket, as Checkov's graph connects them.
fn bucket_names(r: &Resource) -> Vec<String> {
    match (r.kind.as_str(), r.config.get("bucket")) {
        ("aws_s3_bucket", Some(Value::Unknown(u))) => u
            .refs
            .iter()
            .filter(|n| n.starts_with("var."))
            .cloned()
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether `other`'s `bucket` is named by one of `names`.
fn names_any(other: &Resource, names: &[String]) -> bool {
    !names.is_empty()
        && matches!(other.config.get("bucket"), Some(Value::Unknown(u)) if u.refs.iter().any(|n| names.contains(n)))
}

/// Whether `r`'s attribute `attr` holds a reference to a resource of type `kind` in the
/// scan (`users = [aws_iam_user.a.name]`), the way Checkov's graph connects them.
pub(crate) fn refers_to_kind(cx: &Cx<'_>, r: &Resource, attr: &str, kind: &str) -> bool {
    fn refs<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
        match v {
            Value::Unknown(u) => out.extend(u.refs.iter().map(String::as_str)),
            Value::List(items) => items.iter().for_each(|i| refs(i, out)),
            Value::Map(m) => m.values().for_each(|i| refs(i, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    if let Some(v) = r.config.get(attr) {
        refs(v, &mut found);
    }
    found.into_iter().any(|x| {
        cx.resolve(r, x)
            .or_else(|| cx.resolve(r, strip_index(x)))
            .is_some_and(|t| t.kind == kind && t.framework == Framework::Terraform)
    })
}

/// The folder of a scan-relative file path (`a/b/main.tf` → `a/b`).
fn folder(file: &str) -> &str {
    file.rfind('/').map_or("", |i| &file[..i])
}

/// Whether any unknown value inside `v` names the resource `own` of module `module`
/// (refs are written relative to the module or with the module's prefix).
fn refers_to(v: &Value, module: &str, own: &str) -> bool {
    match v {
        Value::Unknown(u) => u.refs.iter().any(|x| {
            let x = strip_index(x);
            x == own || (!module.is_empty() && x.strip_prefix(module) == Some(own))
        }),
        Value::List(items) => items.iter().any(|i| refers_to(i, module, own)),
        Value::Map(m) => m.values().any(|i| refers_to(i, module, own)),
        _ => false,
    }
}

/// Splits `module.a["k"].aws_s3_bucket.b[0]` into the module prefix with its trailing dot
/// (`module.a["k"].`) and the resource's own address without its instance key
/// (`aws_s3_bucket.b`).
fn split_address(address: &str) -> (&str, &str) {
    let bare = strip_index(address);
    // The resource's own part is the last two dot-separated segments; a module prefix
    // ends with the dot before them. Keys in brackets may contain dots, so only dots
    // outside brackets count.
    let mut depth = 0i32;
    let mut dots = Vec::new();
    for (i, c) in bare.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '.' if depth == 0 => dots.push(i),
            _ => {}
        }
    }
    match dots.len() {
        0 | 1 => ("", bare),
        n => dots
            .get(n - 2)
            .map_or(("", bare), |&i| (&bare[..=i], &bare[i + 1..])),
    }
}

/// `aws_s3_bucket.b[0]` → `aws_s3_bucket.b`.
fn strip_index(address: &str) -> &str {
    if address.ends_with(']')
        && let Some(i) = address.rfind('[')
    {
        return &address[..i];
    }
    address
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn connections_stay_within_one_module_and_folder() {
        let bucket = resource("aws_s3_bucket", "{}");
        let mut here = resource(
            "aws_s3_bucket_acl",
            r#"{"bucket":{"$unknown":["aws_s3_bucket.test"]}}"#,
        );
        here.address = "aws_s3_bucket_acl.here".into();
        let mut elsewhere = here.clone();
        elsewhere.address = "aws_s3_bucket_acl.elsewhere".into();
        elsewhere.file = "other/main.tf".into();
        let mut in_module = here.clone();
        in_module.address = "module.m.aws_s3_bucket_acl.here".into();
        let mut unrelated = resource("aws_s3_bucket_acl", r#"{"bucket":"literal"}"#);
        unrelated.address = "aws_s3_bucket_acl.unrelated".into();
        let all = [bucket.clone(), here, elsewhere, in_module, unrelated];
        let cx = Cx { resources: &all };
        let found: Vec<&str> = connected(&cx, &bucket, "aws_s3_bucket_acl")
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(found, ["aws_s3_bucket_acl.here"]);
    }

    #[test]
    fn a_bucket_and_a_resource_named_by_the_same_variable_connect() {
        let bucket = resource("aws_s3_bucket", r#"{"bucket":{"$unknown":["var.name"]}}"#);
        let mut same = resource(
            "aws_s3_bucket_versioning",
            r#"{"bucket":{"$unknown":["var.name"]}}"#,
        );
        same.address = "aws_s3_bucket_versioning.same".into();
        let mut other = resource(
            "aws_s3_bucket_versioning",
            r#"{"bucket":{"$unknown":["var.other"]}}"#,
        );
        other.address = "aws_s3_bucket_versioning.other".into();
        let mut tags = resource(
            "aws_s3_bucket_versioning",
            r#"{"bucket":"literal","tags":{"$unknown":["var.name"]}}"#,
        );
        tags.address = "aws_s3_bucket_versioning.tags".into();
        let all = [bucket.clone(), same, other, tags];
        let cx = Cx { resources: &all };
        let found: Vec<&str> = connected(&cx, &bucket, "aws_s3_bucket_versioning")
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(found, ["aws_s3_bucket_versioning.same"]);
    }

    #[test]
    fn resources_terraform_never_creates_are_not_connected() {
        let bucket = resource("aws_s3_bucket", "{}");
        let logging = |name: &str, extra: &str| {
            let mut r = resource(
                "aws_s3_bucket_logging",
                &format!(r#"{{"bucket":{{"$unknown":["aws_s3_bucket.test"]}}{extra}}}"#),
            );
            r.address = format!("aws_s3_bucket_logging.{name}");
            r
        };
        let all = [
            bucket.clone(),
            logging("zero", r#","count":0"#),
            logging("empty_map", r#","for_each":{}"#),
            logging("empty_list", r#","for_each":[]"#),
            logging("unknown_count", r#","count":{"$unknown":[]}"#),
            logging("one", r#","count":1"#),
            logging("plain", ""),
        ];
        let cx = Cx { resources: &all };
        let found: Vec<&str> = connected(&cx, &bucket, "aws_s3_bucket_logging")
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(
            found,
            [
                "aws_s3_bucket_logging.unknown_count",
                "aws_s3_bucket_logging.one",
                "aws_s3_bucket_logging.plain"
            ]
        );
    }

    #[test]
    fn addresses_split_into_module_and_resource() {
        let cases = [
            ("aws_s3_bucket.b", ("", "aws_s3_bucket.b")),
            ("aws_s3_bucket.b[0]", ("", "aws_s3_bucket.b")),
            (
                "module.m.aws_s3_bucket.this[\"a.b\"]",
                ("module.m.", "aws_s3_bucket.this"),
            ),
            (
                "module.a[\"x.y\"].module.b.aws_kms_key.k",
                ("module.a[\"x.y\"].module.b.", "aws_kms_key.k"),
            ),
        ];
        for (address, want) in cases {
            assert_eq!(split_address(address), want, "{address}");
        }
    }
}

/// Builds resources from JSON for the shared modules' data-driven tests; a JSON object
/// `{"$unknown": ["aws_x.y"]}` stands for an unknown value with those refs.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::model::{BlockKind, Framework, Resource, Span, Unknown, Value};

    pub(crate) fn value(j: &serde_json::Value) -> Value {
        match j {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or_default()),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(a) => Value::List(a.iter().map(value).collect()),
            serde_json::Value::Object(o) => match o.get("$unknown") {
                Some(serde_json::Value::Array(refs)) => Value::Unknown(Unknown {
                    refs: refs
                        .iter()
                        .filter_map(|r| r.as_str().map(str::to_owned))
                        .collect(),
                }),
                _ => Value::Map(o.iter().map(|(k, v)| (k.clone(), value(v))).collect()),
            },
        }
    }

    /// A resource of `kind` (`AWS::…` kinds are CloudFormation, `data.…` Terraform data
    /// sources) with the configuration written as JSON text.
    pub(crate) fn resource(kind: &str, config: &str) -> Resource {
        let json: serde_json::Value =
            serde_json::from_str(config).unwrap_or_else(|e| panic!("{config}: {e}"));
        let (framework, block, kind) = if kind.starts_with("AWS::") {
            (Framework::CloudFormation, BlockKind::Resource, kind)
        } else if let Some(k) = kind.strip_prefix("data.") {
            (Framework::Terraform, BlockKind::Data, k)
        } else {
            (Framework::Terraform, BlockKind::Resource, kind)
        };
        Resource {
            framework,
            block,
            kind: kind.to_owned(),
            address: format!("{kind}.test"),
            file: "main.tf".into(),
            span: Span::line(1),
            caller: None,
            config: value(&json),
        }
    }

    /// `check`'s verdict on a lone resource of `kind` configured by JSON text: `pass`,
    /// `fail`, `unknown` or `other` (several verdicts).
    pub(crate) fn judge(check: &dyn crate::check::Check, kind: &str, config: &str) -> &'static str {
        use crate::check::{Cx, Verdict};
        let r = resource(kind, config);
        match check.evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }
}
