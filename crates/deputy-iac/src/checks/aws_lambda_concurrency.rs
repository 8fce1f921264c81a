//! DPY-AWS-LAMBDA-005: Lambda function has no concurrency limit.
//!
//! # What it checks
//! `aws_lambda_function` sets `reserved_concurrent_executions` to a value other than `-1`
//! (CloudFormation and SAM `ReservedConcurrentExecutions`).
//!
//! # Why it matters
//! Without a limit one function flooded by traffic or a loop can use the account's whole
//! concurrency, starving every other function, and run up the bill.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_lambda_function" "api" {
//!   function_name = "api"
//!   role          = aws_iam_role.api.arn
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_lambda_function" "api" {
//!   function_name                  = "api"
//!   role                           = aws_iam_role.api.arn
//!   reserved_concurrent_executions = 50
//! }
//! ```
//!
//! # Remediation
//! Set `reserved_concurrent_executions` to the concurrency the function needs.
//!
//! # References
//! - <https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html>

use super::aws::{must_be_set, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(LambdaConcurrency {
    code: "DPY-AWS-LAMBDA-005",
    checkov: ["CKV_AWS_115"],
    title: "Lambda function has no concurrency limit",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; a concurrency limit is an availability and cost control, so Low",
    targets: [
        (Terraform, "aws_lambda_function"),
        (CloudFormation, "AWS::Lambda::Function"),
        (CloudFormation, "AWS::Serverless::Function")
    ],
    description: "`aws_lambda_function` sets `reserved_concurrent_executions` to a value other than `-1` (CloudFormation and SAM `ReservedConcurrentExecutions`).",
    remediation: "Set `reserved_concurrent_executions` to the concurrency the function needs.",
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let v = setting(
        r,
        "reserved_concurrent_executions",
        "ReservedConcurrentExecutions",
    );
    // `-1` is Terraform's way of saying "no reservation".
    let ok = match v.and_then(crate::model::Value::as_f64) {
        Some(-1.0) => Truth::False,
        _ => must_be_set(v),
    };
    verdict(ok, "the function has no concurrency limit")
}
