//! DPY-AWS-LAMBDA-008: Lambda function does not validate code signing.
//!
//! # What it checks
//! `aws_lambda_function` sets `code_signing_config_arn`.
//!
//! # Why it matters
//! A code signing configuration makes Lambda refuse code that was not signed by a trusted
//! publisher, so a leaked deployment credential or a tampered artifact cannot replace the
//! function's code unnoticed.
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
//!   function_name           = "api"
//!   role                    = aws_iam_role.api.arn
//!   code_signing_config_arn = aws_lambda_code_signing_config.trusted.arn
//! }
//! ```
//!
//! # Remediation
//! Create an `aws_lambda_code_signing_config` with your signing profiles and set
//! `code_signing_config_arn`.
//!
//! # References
//! - <https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html>

use super::aws::{must_be_set, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LambdaCodeSigning {
    code: "DPY-AWS-LAMBDA-008",
    checkov: ["CKV_AWS_272"],
    title: "Lambda function does not validate code signing",
    severity: Low,
    reason: "neither trivy-checks (its Lambda checks are AWS-0066 tracing and AWS-0067 permission source ARN) nor KICS has an equivalent; code signing is defence in depth behind the deployment credentials, so Low",
    targets: [(Terraform, "aws_lambda_function")],
    description: "`aws_lambda_function` sets `code_signing_config_arn`.",
    remediation: "Create an `aws_lambda_code_signing_config` with your signing profiles and set `code_signing_config_arn`.",
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(setting(r, "code_signing_config_arn", "")),
        "the function does not validate code signing",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_lambda_function", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn functions_need_a_code_signing_config() {
        assert_eq!(judge("{}"), "fail");
        assert_eq!(judge(r#"{"code_signing_config_arn":""}"#), "fail");
        assert_eq!(
            judge(
                r#"{"code_signing_config_arn":{"$unknown":["aws_lambda_code_signing_config.c"]}}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(r#"{"code_signing_config_arn":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
