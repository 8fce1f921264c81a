//! DPY-AWS-S3-016: S3 lifecycle configuration does not abort incomplete multipart uploads.
//!
//! # What it checks
//! An `aws_s3_bucket_lifecycle_configuration` has an enabled `rule` with an
//! `abort_incomplete_multipart_upload` block that applies to the whole bucket: no `filter`, or
//! a `filter` (or its `and` block) without a non-empty `prefix`, `object_size_greater_than`,
//! `object_size_less_than` or `tag`.
//!
//! # Why it matters
//! The parts of a multipart upload that never completes are stored, and billed, until the
//! upload is aborted; they are invisible in object listings and easy to forget.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_s3_bucket_lifecycle_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     id     = "expire"
//!     status = "Enabled"
//!     expiration {
//!       days = 90
//!     }
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_s3_bucket_lifecycle_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     id     = "abort-uploads"
//!     status = "Enabled"
//!     abort_incomplete_multipart_upload {
//!       days_after_initiation = 7
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an enabled lifecycle rule without a filter that sets
//! `abort_incomplete_multipart_upload { days_after_initiation = N }`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(S3AbortMultipart {
    code: "DPY-AWS-S3-016",
    checkov: ["CKV_AWS_300"],
    title: "S3 lifecycle configuration does not abort incomplete multipart uploads",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent for AWS; leftover upload parts cost storage but expose nothing, so Low",
    targets: [(Terraform, "aws_s3_bucket_lifecycle_configuration")],
    description: "An `aws_s3_bucket_lifecycle_configuration` has an enabled `rule` with an `abort_incomplete_multipart_upload` block that applies to the whole bucket: no `filter`, or a `filter` (or its `and` block) without a non-empty `prefix`, `object_size_greater_than`, `object_size_less_than` or `tag`.",
    remediation: "Add an enabled lifecycle rule without a filter that sets `abort_incomplete_multipart_upload { days_after_initiation = N }`.",
    references: [
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("rule") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::List(rules)) => any(rules.iter().map(rule_aborts_for_all)),
        _ => Truth::False,
    };
    verdict(
        ok,
        "no enabled lifecycle rule for the whole bucket aborts incomplete multipart uploads",
    )
}

/// Whether one `rule` is enabled, aborts incomplete uploads and has no narrowing filter.
fn rule_aborts_for_all(rule: &Value) -> Truth {
    if rule.is_unknown() {
        return Truth::Unknown;
    }
    let status = match rule.get("status") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(s)) => truth(s == "Enabled"),
        _ => Truth::False,
    };
    let aborts = present(rule.get("abort_incomplete_multipart_upload"));
    let unfiltered = match rule.get("filter") {
        Some(Value::List(filters)) => not(any(filters.iter().map(narrows))),
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::True,
    };
    all([status, aborts, unfiltered])
}

/// Whether a `filter` block (or the first block of its `and`) limits the rule to some objects.
fn narrows(filter: &Value) -> Truth {
    if filter.is_unknown() {
        return Truth::Unknown;
    }
    let mut f = filter;
    if let Some(first) = f.get("and").and_then(|a| a.items().next()) {
        if first.is_unknown() {
            return Truth::Unknown;
        }
        if present(Some(first)) == Truth::True {
            f = first;
        }
    }
    any([
        "prefix",
        "object_size_greater_than",
        "object_size_less_than",
        "tag",
    ]
    .iter()
    .map(|k| present(f.get(k))))
}

/// Whether a value is set to something non-empty (not absent, null, `""`, `0`, `false`
/// or an empty collection).
fn present(v: Option<&Value>) -> Truth {
    match v {
        None | Some(Value::Null) | Some(Value::Bool(false)) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(s)) => truth(!s.is_empty()),
        Some(Value::Number(n)) => truth(*n != 0.0),
        Some(Value::List(l)) => truth(!l.is_empty()),
        Some(Value::Map(m)) => truth(!m.is_empty()),
        Some(_) => Truth::True,
    }
}

fn truth(b: bool) -> Truth {
    if b { Truth::True } else { Truth::False }
}

fn not(t: Truth) -> Truth {
    match t {
        Truth::True => Truth::False,
        Truth::False => Truth::True,
        Truth::Unknown => Truth::Unknown,
    }
}

fn any(items: impl IntoIterator<Item = Truth>) -> Truth {
    let mut out = Truth::False;
    for t in items {
        match t {
            Truth::True => return Truth::True,
            Truth::Unknown => out = Truth::Unknown,
            Truth::False => {}
        }
    }
    out
}

fn all(items: impl IntoIterator<Item = Truth>) -> Truth {
    let mut out = Truth::True;
    for t in items {
        match t {
            Truth::False => return Truth::False,
            Truth::Unknown => out = Truth::Unknown,
            Truth::True => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(rules: &str) -> &'static str {
        let r = resource(
            "aws_s3_bucket_lifecycle_configuration",
            &format!(r#"{{"rule":{rules}}}"#),
        );
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn an_enabled_unfiltered_abort_rule_passes() {
        let abort = r#""abort_incomplete_multipart_upload":[{"days_after_initiation":7}]"#;
        assert_eq!(
            judge(&format!(r#"[{{"status":"Enabled",{abort}}}]"#)),
            "pass"
        );
        assert_eq!(
            judge(&format!(
                r#"[{{"status":"Enabled","filter":[{{}}],{abort}}}]"#
            )),
            "pass"
        );
        assert_eq!(
            judge(&format!(r#"[{{"status":"Disabled",{abort}}}]"#)),
            "fail"
        );
        assert_eq!(
            judge(&format!(
                r#"[{{"status":"Enabled","filter":[{{"and":[{{"prefix":"log/"}}]}}],{abort}}}]"#
            )),
            "fail"
        );
        assert_eq!(judge(r#"[{"status":"Enabled"}]"#), "fail");
        assert_eq!(
            judge(&format!(r#"[{{"status":{{"$unknown":[]}},{abort}}}]"#)),
            "unknown"
        );
        assert_eq!(judge(r#"{"$unknown":[]}"#), "unknown");
    }
}
