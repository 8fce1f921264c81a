//! DPY-AWS-LAMBDA-003: Lambda function does not run in a VPC.
//!
//! # What it checks
//! `aws_lambda_function` has a `vpc_config` (CloudFormation and SAM `VpcConfig`).
//!
//! # Why it matters
//! Inside a VPC a function's network access is governed by security groups, NACLs and VPC
//! endpoints, and can reach private resources without exposing them.
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
//!   vpc_config {
//!     subnet_ids         = var.private_subnet_ids
//!     security_group_ids = [aws_security_group.api.id]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Attach the function to private subnets with a `vpc_config` when it handles sensitive
//! data or needs private resources.
//!
//! # References
//! - <https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html>

use super::aws::{must_be_set, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LambdaInVpc {
    code: "DPY-AWS-LAMBDA-003",
    checkov: ["CKV_AWS_117"],
    title: "Lambda function does not run in a VPC",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; running in a VPC is a network control that not every function needs, so Low",
    targets: [
        (Terraform, "aws_lambda_function"),
        (CloudFormation, "AWS::Lambda::Function"),
        (CloudFormation, "AWS::Serverless::Function")
    ],
    description: "`aws_lambda_function` has a `vpc_config` (CloudFormation and SAM `VpcConfig`).",
    remediation: "Attach the function to private subnets with a `vpc_config` when it handles sensitive data or needs private resources.",
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting(r, "vpc_config", "VpcConfig")),
        "the function does not run in a VPC",
    )
}
