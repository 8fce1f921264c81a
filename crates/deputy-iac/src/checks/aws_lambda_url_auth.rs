//! DPY-AWS-LAMBDA-002: Lambda function URL allows unauthenticated calls.
//!
//! # What it checks
//! `aws_lambda_function_url` does not set `authorization_type = "NONE"` (CloudFormation `AuthType`).
//!
//! # Why it matters
//! A function URL without IAM authentication can be invoked by anyone on the internet, with
//! the function's role, and billed to you.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_lambda_function_url" "api" {
//!   function_name      = aws_lambda_function.api.function_name
//!   authorization_type = "NONE"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_lambda_function_url" "api" {
//!   function_name      = aws_lambda_function.api.function_name
//!   authorization_type = "AWS_IAM"
//! }
//! ```
//!
//! # Remediation
//! Use `authorization_type = "AWS_IAM"`, or put the function behind API Gateway with an
//! authorizer.
//!
//! # References
//! - <https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html>

use super::aws::{setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(LambdaUrlAuth {
    code: "DPY-AWS-LAMBDA-002",
    checkov: ["CKV_AWS_258"],
    title: "Lambda function URL allows unauthenticated calls",
    severity: High,
    reason: "neither trivy-checks nor KICS has an equivalent. High: anyone on the internet can invoke the function with its role's permissions",
    targets: [
        (Terraform, "aws_lambda_function_url"),
        (CloudFormation, "AWS::Lambda::Url")
    ],
    description: "`aws_lambda_function_url` does not set `authorization_type = \"NONE\"` (CloudFormation `AuthType`).",
    remediation: "Use `authorization_type = \"AWS_IAM\"`, or put the function behind API Gateway with an authorizer.",
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match setting(r, "authorization_type", "AuthType") {
        Some(Value::String(s)) if s == "NONE" => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::True,
    };
    verdict(ok, "the function URL does not require authentication")
}
