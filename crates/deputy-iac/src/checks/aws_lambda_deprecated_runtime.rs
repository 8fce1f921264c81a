//! DPY-AWS-LAMBDA-006: Lambda function uses a deprecated runtime.
//!
//! # What it checks
//! `aws_lambda_function` (CloudFormation `AWS::Lambda::Function` and SAM
//! `AWS::Serverless::Function`) does not set `runtime` to a runtime AWS has deprecated
//! (`python3.9` and older Python, `nodejs16.x` and older Node.js, `java8`, `go1.x`,
//! `provided`, `ruby2.7`, .NET before 8, …).
//!
//! # Why it matters
//! Deprecated runtimes no longer receive security patches, and AWS eventually blocks
//! creating and updating functions that use them.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_lambda_function" "api" {
//!   function_name = "api"
//!   role          = aws_iam_role.api.arn
//!   runtime       = "python3.7"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_lambda_function" "api" {
//!   function_name = "api"
//!   role          = aws_iam_role.api.arn
//!   runtime       = "python3.12"
//! }
//! ```
//!
//! # Remediation
//! Move the function to a supported runtime.
//!
//! # References
//! - <https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html>

use super::aws::{setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(LambdaDeprecatedRuntime {
    code: "DPY-AWS-LAMBDA-006",
    checkov: ["CKV_AWS_363"],
    title: "Lambda function uses a deprecated runtime",
    severity: Medium,
    reason: "neither trivy-checks (its Lambda checks are AWS-0066 tracing and AWS-0067 permission source ARN) nor KICS has an equivalent; a deprecated runtime gets no security patches, so Medium",
    targets: [
        (Terraform, "aws_lambda_function"),
        (CloudFormation, "AWS::Lambda::Function"),
        (CloudFormation, "AWS::Serverless::Function")
    ],
    description: "`aws_lambda_function` (CloudFormation `AWS::Lambda::Function` and SAM `AWS::Serverless::Function`) does not set `runtime` to a runtime AWS has deprecated (`python3.9` and older Python, `nodejs16.x` and older Node.js, `java8`, `go1.x`, `provided`, `ruby2.7`, .NET before 8, …).",
    remediation: "Move the function to a supported runtime.",
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"],
    differences: [],
});

/// The runtimes Checkov 3.3.30 treats as deprecated.
const DEPRECATED: &[&str] = &[
    "dotnetcore3.1",
    "nodejs12.x",
    "python3.6",
    "python2.7",
    "dotnet5.0",
    "dotnetcore2.1",
    "ruby2.5",
    "nodejs10.x",
    "nodejs8.10",
    "nodejs4.3",
    "nodejs6.10",
    "dotnetcore1.0",
    "dotnetcore2.0",
    "nodejs4.3-edge",
    "nodejs",
    "java8",
    "python3.7",
    "go1.x",
    "provided",
    "ruby2.7",
    "nodejs14.x",
    "nodejs16.x",
    "python3.9",
    "dotnet7",
    "dotnet6",
];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match setting(r, "runtime", "Runtime") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(s)) if DEPRECATED.contains(&s.as_str()) => Truth::False,
        _ => Truth::True,
    };
    verdict(ok, "the function's runtime is deprecated")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(kind: &str, config: &str) -> &'static str {
        let r = resource(kind, config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn deprecated_runtimes_fail() {
        let tf = "aws_lambda_function";
        assert_eq!(judge(tf, r#"{"runtime":"python3.7"}"#), "fail");
        assert_eq!(judge(tf, r#"{"runtime":"python3.12"}"#), "pass");
        assert_eq!(judge(tf, "{}"), "pass");
        assert_eq!(
            judge(tf, r#"{"runtime":{"$unknown":["var.runtime"]}}"#),
            "unknown"
        );
        let sam = "AWS::Serverless::Function";
        assert_eq!(
            judge(sam, r#"{"Properties":{"Runtime":"nodejs12.x"}}"#),
            "fail"
        );
        assert_eq!(
            judge(sam, r#"{"Properties":{"Runtime":"nodejs20.x"}}"#),
            "pass"
        );
    }
}
