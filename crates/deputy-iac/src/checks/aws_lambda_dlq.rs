//! DPY-AWS-LAMBDA-004: Lambda function has no dead-letter queue.
//!
//! # What it checks
//! `aws_lambda_function` sets `dead_letter_config { target_arn = … }` (CloudFormation
//! `DeadLetterConfig.TargetArn`, SAM `DeadLetterQueue.TargetArn`).
//!
//! # Why it matters
//! Failed asynchronous invocations are otherwise dropped after retries, losing events and
//! hiding attacks that make a function fail.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_lambda_function" "worker" {
//!   function_name = "worker"
//!   role          = aws_iam_role.worker.arn
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_lambda_function" "worker" {
//!   function_name = "worker"
//!   role          = aws_iam_role.worker.arn
//!   dead_letter_config {
//!     target_arn = aws_sqs_queue.worker_dlq.arn
//!   }
//! }
//! ```
//!
//! # Remediation
//! Configure a dead-letter queue (or an on-failure destination).
//!
//! # References
//! - <https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html>

use super::aws::{must_be_set, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LambdaDlq {
    code: "DPY-AWS-LAMBDA-004",
    checkov: ["CKV_AWS_116"],
    title: "Lambda function has no dead-letter queue",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; a dead-letter queue is a reliability measure, so Low",
    targets: [
        (Terraform, "aws_lambda_function"),
        (CloudFormation, "AWS::Lambda::Function"),
        (CloudFormation, "AWS::Serverless::Function")
    ],
    description: "`aws_lambda_function` sets `dead_letter_config { target_arn = … }` (CloudFormation `DeadLetterConfig.TargetArn`, SAM `DeadLetterQueue.TargetArn`).",
    remediation: "Configure a dead-letter queue (or an on-failure destination).",
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let cfn = if r.kind == "AWS::Serverless::Function" {
        "DeadLetterQueue.TargetArn"
    } else {
        "DeadLetterConfig.TargetArn"
    };
    verdict(
        must_be_set(setting_at(r, "dead_letter_config.target_arn", cfn)),
        "the function has no dead-letter queue",
    )
}
