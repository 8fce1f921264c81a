//! DPY-AWS-IAM-030: IAM policy document allows any AWS principal.
//!
//! # What it checks
//! In a `data "aws_iam_policy_document"`, no statement that allows (any effect but `Deny`)
//! and has no `condition` names `"*"` among the `identifiers` of a `principals` block of
//! type `AWS`.
//!
//! # Why it matters
//! A resource policy whose principal is every AWS identity lets any account in AWS, not
//! only yours, perform its actions on the resource.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! data "aws_iam_policy_document" "topic" {
//!   statement {
//!     actions   = ["sns:Publish"]
//!     resources = [aws_sns_topic.events.arn]
//!     principals {
//!       type        = "AWS"
//!       identifiers = ["*"]
//!     }
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! data "aws_iam_policy_document" "topic" {
//!   statement {
//!     actions   = ["sns:Publish"]
//!     resources = [aws_sns_topic.events.arn]
//!     principals {
//!       type        = "AWS"
//!       identifiers = ["arn:aws:iam::123456789012:root"]
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Name the accounts or roles that need access, or add a `condition` (such as
//! `aws:PrincipalOrgID` or `aws:SourceArn`) that limits who the wildcard admits.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(DocumentPublicPrincipal {
    code: "DPY-AWS-IAM-030",
    checkov: ["CKV_AWS_283"],
    title: "IAM policy document allows any AWS principal",
    severity: High,
    reason: "trivy-checks AWS-0032 (ECR repository policy must block public access, a `*` principal) is High; KICS \"IAM Role Allows All Principals To Assume\" is Medium. High, as trivy: an unconditioned `*` principal opens the resource to every AWS account",
    targets: [(Terraform, "data.aws_iam_policy_document")],
    description: "In a `data \"aws_iam_policy_document\"`, no statement that allows (any effect but `Deny`) and has no `condition` names `\"*\"` among the `identifiers` of a `principals` block of type `AWS`.",
    remediation: "Name the accounts or roles that need access, or add a `condition` (such as `aws:PrincipalOrgID` or `aws:SourceArn`) that limits who the wildcard admits.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let public = match r.config.get("statement") {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(statements) => any(statements.items().map(statement_public)),
    };
    verdict(
        not(public),
        "an unconditioned Allow statement names any AWS principal (\"*\")",
    )
}

/// Whether a statement allows, without a condition, an `AWS` principal `*`.
fn statement_public(s: &Value) -> Truth {
    let Value::Map(_) = s else {
        return if s.is_unknown() {
            Truth::Unknown
        } else {
            Truth::False
        };
    };
    let unconditioned = match s.get("condition") {
        None | Some(Value::Null) => Truth::True,
        Some(Value::List(l)) if l.is_empty() => Truth::True,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(_) => Truth::False,
    };
    let allows = match s.get("effect") {
        Some(Value::String(e)) => truth(e != "Deny"),
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::True,
    };
    let star = match s.get("principals") {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(principals) => any(principals.items().map(principal_star)),
    };
    all([unconditioned, allows, star])
}

/// Whether a `principals` block is of type `AWS` and lists `*`.
fn principal_star(p: &Value) -> Truth {
    if p.is_unknown() {
        return Truth::Unknown;
    }
    let aws = match p.get("type") {
        Some(Value::String(t)) => truth(t == "AWS"),
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::False,
    };
    let star = match p.get("identifiers") {
        Some(Value::List(ids)) => any(ids.iter().map(|id| match id {
            Value::String(s) => truth(s == "*"),
            Value::Unknown(_) => Truth::Unknown,
            _ => Truth::False,
        })),
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::False,
    };
    all([aws, star])
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

    fn judge(statement: &str) -> &'static str {
        let r = resource(
            "data.aws_iam_policy_document",
            &format!(r#"{{"statement":[{statement}]}}"#),
        );
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn an_unconditioned_star_principal_fails() {
        let star = r#""principals":[{"type":"AWS","identifiers":["*"]}]"#;
        assert_eq!(judge(&format!("{{{star}}}")), "fail");
        assert_eq!(judge(&format!(r#"{{"effect":"Deny",{star}}}"#)), "pass");
        assert_eq!(
            judge(&format!(
                r#"{{"condition":[{{"test":"StringEquals"}}],{star}}}"#
            )),
            "pass"
        );
        assert_eq!(
            judge(
                r#"{"principals":[{"type":"AWS","identifiers":["arn:aws:iam::123456789012:root"]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(r#"{"principals":[{"type":"Service","identifiers":["*"]}]}"#),
            "pass"
        );
        assert_eq!(
            judge(r#"{"principals":[{"type":"AWS","identifiers":{"$unknown":[]}}]}"#),
            "unknown"
        );
    }
}
