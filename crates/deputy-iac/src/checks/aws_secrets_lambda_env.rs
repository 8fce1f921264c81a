//! DPY-AWS-SECRETS-002: Lambda function environment holds a hard-coded secret.
//!
//! # What it checks
//! No string value of `aws_lambda_function`'s `environment { variables }` (CloudFormation `Environment.Variables`) looks like an AWS access key, secret key, account id or private key.
//!
//! # Why it matters
//! Environment variables are shown in the console and returned by the API to anyone who can read the function's configuration.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_lambda_function" "f" {
//!   function_name = "f"
//!   environment {
//!     variables = {
//!       AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
//!     }
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_lambda_function" "f" {
//!   function_name = "f"
//!   environment {
//!     variables = {
//!       SECRET_ARN = aws_secretsmanager_secret.db.arn
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Read secrets at run time from Secrets Manager or Parameter Store and use the function's role instead of keys; rotate any exposed key.
//!
//! # References
//! - <https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html>

use super::aws::{setting_at, verdict};
use super::cloud_common_c::has_aws_secret;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(LambdaEnvSecrets {
    code: "DPY-AWS-SECRETS-002",
    checkov: ["CKV_AWS_45"],
    title: "Lambda function environment holds a hard-coded secret",
    severity: Critical,
    reason: "KICS \"Hardcoded AWS Access Key In Lambda\" is Medium; trivy-checks has no Lambda check but rates plaintext secrets in ECS task definitions (AWS-0036) Critical. Critical, as trivy: environment variables are readable by anyone who can read the function's configuration",
    targets: [
        (Terraform, "aws_lambda_function"),
        (CloudFormation, "AWS::Lambda::Function"),
        (CloudFormation, "AWS::Serverless::Function")
    ],
    description: "No string value of `aws_lambda_function`'s `environment { variables }` (CloudFormation `Environment.Variables`) looks like an AWS access key, secret key, account id or private key.",
    remediation: "Read secrets at run time from Secrets Manager or Parameter Store and use the function's role instead of keys; rotate any exposed key.",
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let found = match setting_at(r, "environment.variables", "Environment.Variables") {
        Some(Value::Map(vars)) => vars.values().any(|v| {
            v.items().any(|s| {
                s.as_str().is_some_and(|s| {
                    !s.starts_with("handler.") && !s.starts_with("git.") && has_aws_secret(s)
                })
            })
        }),
        _ => false,
    };
    let ok = if found { Truth::False } else { Truth::True };
    verdict(ok, "an environment variable holds a hard-coded secret")
}
