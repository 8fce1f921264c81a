//! DPY-AWS-LAMBDA-001: Lambda function has no X-Ray tracing.
//!
//! # What it checks
//! `aws_lambda_function` sets `tracing_config { mode = "Active" }` (or `PassThrough`).
//!
//! # Why it matters
//! Traces show which calls a function made and how long they took, which helps find abuse
//! and failures across services.
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
//!   function_name = "api"
//!   role          = aws_iam_role.api.arn
//!   tracing_config {
//!     mode = "Active"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `tracing_config { mode = "Active" }`.
//!
//! # References
//! - <https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html>

use super::aws::{must_be_one_of, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LambdaXray {
    code: "DPY-AWS-LAMBDA-001",
    checkov: ["CKV_AWS_50"],
    title: "Lambda function has no X-Ray tracing",
    severity: Low,
    reason: "trivy-checks AWS-0066 (Lambda X-Ray tracing) is Low; KICS \"Lambda Functions Without X-Ray Tracing\" is Low",
    targets: [(Terraform, "aws_lambda_function")],
    description: "`aws_lambda_function` sets `tracing_config { mode = \"Active\" }` (or `PassThrough`).",
    remediation: "Set `tracing_config { mode = \"Active\" }`.",
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_one_of(
            setting_at(r, "tracing_config.mode", ""),
            &["PassThrough", "Active"],
        ),
        "X-Ray tracing is not enabled",
    )
}
