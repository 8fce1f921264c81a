//! DPY-AWS-LAMBDA-007: Lambda environment variables are not encrypted with a KMS key.
//!
//! # What it checks
//! An `aws_lambda_function` with an `environment` block sets a non-empty `kms_key_arn`, and
//! one without sets none (a key without variables leaves the plan never converging); a
//! function with neither is not judged. CloudFormation `AWS::Lambda::Function` and SAM
//! `AWS::Serverless::Function` with `Environment.Variables` set `KmsKeyArn`.
//!
//! # Why it matters
//! Environment variables often hold connection strings and tokens; with a customer managed
//! key its key policy decides who may read them, not everyone allowed to read the
//! function's configuration.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_lambda_function" "api" {
//!   function_name = "api"
//!   role          = aws_iam_role.api.arn
//!   environment {
//!     variables = {
//!       STAGE = "prod"
//!     }
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_lambda_function" "api" {
//!   function_name = "api"
//!   role          = aws_iam_role.api.arn
//!   kms_key_arn   = aws_kms_key.api.arn
//!   environment {
//!     variables = {
//!       STAGE = "prod"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `kms_key_arn` to a customer managed key when the function has environment
//! variables, and remove it when it has none.
//!
//! # References
//! - <https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(LambdaEnvEncryption {
    code: "DPY-AWS-LAMBDA-007",
    checkov: ["CKV_AWS_173"],
    title: "Lambda environment variables are not encrypted with a KMS key",
    severity: Low,
    reason: "neither trivy-checks (its Lambda checks are AWS-0066 tracing and AWS-0067 permission source ARN) nor KICS has an equivalent; Lambda always encrypts environment variables with an AWS managed key and a customer key only adds control over who may decrypt them, so Low, as trivy rates customer managed keys elsewhere (AWS-0017, AWS-0027)",
    targets: [
        (Terraform, "aws_lambda_function"),
        (CloudFormation, "AWS::Lambda::Function"),
        (CloudFormation, "AWS::Serverless::Function")
    ],
    description: "An `aws_lambda_function` with an `environment` block sets a non-empty `kms_key_arn`, and one without sets none (a key without variables leaves the plan never converging); a function with neither is not judged. CloudFormation `AWS::Lambda::Function` and SAM `AWS::Serverless::Function` with `Environment.Variables` set `KmsKeyArn`.",
    remediation: "Set `kms_key_arn` to a customer managed key when the function has environment variables, and remove it when it has none.",
    references: [
        "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match r.framework {
        Framework::CloudFormation => cloudformation(r),
        _ => terraform(r),
    }
}

fn terraform(r: &Resource) -> Verdict {
    let has_env = match r.config.get("environment") {
        None | Some(Value::Null) => Truth::False,
        Some(Value::List(l)) if l.is_empty() => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(_) => Truth::True,
    };
    let key = r.config.get("kms_key_arn");
    match has_env {
        Truth::True => verdict(
            match key {
                None | Some(Value::Null) => Truth::False,
                Some(Value::String(s)) => truth(!s.is_empty()),
                Some(Value::Unknown(u)) if u.refs.is_empty() => Truth::Unknown,
                Some(_) => Truth::True,
            },
            "the function's environment variables are not encrypted with a KMS key",
        ),
        Truth::False => match key {
            None | Some(Value::Null) => Verdict::Unknown,
            Some(_) => {
                Verdict::fail("the function sets a KMS key but has no environment variables")
            }
        },
        Truth::Unknown => Verdict::Unknown,
    }
}

fn cloudformation(r: &Resource) -> Verdict {
    let Some(properties) = r.config.get("Properties") else {
        return Verdict::Pass;
    };
    let variables = match properties.get("Environment") {
        None | Some(Value::Null) => return Verdict::Pass,
        Some(Value::Map(env)) => env.get("Variables"),
        Some(_) => return Verdict::Unknown,
    };
    let has_variables = match variables {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Map(m)) => truth(!m.is_empty()),
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(_) => Truth::True,
    };
    let has_key = match properties.get("KmsKeyArn") {
        None | Some(Value::Null) => Truth::False,
        Some(Value::String(s)) => truth(!s.is_empty()),
        Some(Value::Unknown(u)) if u.refs.is_empty() => Truth::Unknown,
        Some(_) => Truth::True,
    };
    let ok = match (has_variables, has_key) {
        (Truth::False, _) | (_, Truth::True) => Truth::True,
        (Truth::True, Truth::False) => Truth::False,
        _ => Truth::Unknown,
    };
    verdict(
        ok,
        "the function's environment variables are not encrypted with a KMS key",
    )
}

fn truth(b: bool) -> Truth {
    if b { Truth::True } else { Truth::False }
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
    fn terraform_variables_and_key_go_together() {
        let tf = "aws_lambda_function";
        let env = r#""environment":[{"variables":{"STAGE":"prod"}}]"#;
        let key = r#""kms_key_arn":{"$unknown":["aws_kms_key.k"]}"#;
        assert_eq!(judge(tf, &format!("{{{env}}}")), "fail");
        assert_eq!(judge(tf, &format!("{{{env},{key}}}")), "pass");
        assert_eq!(judge(tf, &format!(r#"{{{env},"kms_key_arn":""}}"#)), "fail");
        assert_eq!(judge(tf, &format!("{{{key}}}")), "fail");
        assert_eq!(judge(tf, r#"{"kms_key_arn":""}"#), "fail");
        assert_eq!(judge(tf, "{}"), "unknown");
        assert_eq!(
            judge(tf, &format!(r#"{{{env},"kms_key_arn":{{"$unknown":[]}}}}"#)),
            "unknown"
        );
    }

    #[test]
    fn cloudformation_variables_need_a_key() {
        let kind = "AWS::Serverless::Function";
        let env = r#""Environment":{"Variables":{"STAGE":"prod"}}"#;
        assert_eq!(
            judge(kind, &format!(r#"{{"Properties":{{{env}}}}}"#)),
            "fail"
        );
        assert_eq!(
            judge(
                kind,
                &format!(
                    r#"{{"Properties":{{{env},"KmsKeyArn":"arn:aws:kms:us-east-1:111122223333:key/example"}}}}"#
                )
            ),
            "pass"
        );
        assert_eq!(
            judge(kind, r#"{"Properties":{"Runtime":"python3.12"}}"#),
            "pass"
        );
        assert_eq!(
            judge(kind, r#"{"Properties":{"Environment":{"$unknown":[]}}}"#),
            "unknown"
        );
    }
}
