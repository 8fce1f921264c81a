//! DPY-AWS-SECRETS-003: EC2 user data holds a hard-coded secret.
//!
//! # What it checks
//! The `user_data` of `aws_instance`, `aws_launch_template` or `aws_launch_configuration`, or the `UserData` of a CloudFormation `AWS::EC2::Instance` (as written or once base64-decoded, so `Fn::Base64` and `base64encode` are seen through), does not look like it holds an AWS access key, secret key or account id. User data the scan cannot resolve (a file read at plan time, a reference to another resource) gives no verdict.
//!
//! # Why it matters
//! User data can be read by every process on the instance through the metadata service and by anyone allowed to describe the instance.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_instance" "web" {
//!   ami       = "ami-12345678"
//!   user_data = "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_instance" "web" {
//!   ami                  = "ami-12345678"
//!   iam_instance_profile = aws_iam_instance_profile.web.name
//! }
//! ```
//!
//! # Remediation
//! Give the instance a role instead of keys; fetch other secrets at boot from Secrets Manager; rotate any exposed key.
//!
//! # References
//! - <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html>

use super::aws::verdict;
use super::cloud_common_c::{decode_base64, has_aws_secret};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Truth, Value};

check!(Ec2UserDataSecrets {
    code: "DPY-AWS-SECRETS-003",
    checkov: ["CKV_AWS_46"],
    title: "EC2 user data holds a hard-coded secret",
    severity: Critical,
    reason: "trivy-checks AWS-0029 (ec2 no-secrets-in-user-data) and AWS-0129 (launch configurations) are Critical; KICS \"Hardcoded AWS Access Key\" is High. Critical, as trivy: user data is readable from the instance metadata service and the EC2 API",
    targets: [
        (Terraform, "aws_instance"),
        (Terraform, "aws_launch_template"),
        (Terraform, "aws_launch_configuration"),
        (CloudFormation, "AWS::EC2::Instance")
    ],
    description: "The `user_data` of `aws_instance`, `aws_launch_template` or `aws_launch_configuration`, or the `UserData` of a CloudFormation `AWS::EC2::Instance` (as written or once base64-decoded, so `Fn::Base64` and `base64encode` are seen through), does not look like it holds an AWS access key, secret key or account id. User data the scan cannot resolve (a file read at plan time, a reference to another resource) gives no verdict.",
    remediation: "Give the instance a role instead of keys; fetch other secrets at boot from Secrets Manager; rotate any exposed key.",
    references: [
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html"
    ],
    differences: [
        "User data that cannot be fully resolved gives no verdict, even where its written part holds a key. Checkov searches the unrendered text (Terraform) or the text of the unresolved intrinsic (CloudFormation), failing it when a secret shows there and passing it otherwise."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let user_data = match r.framework {
        Framework::CloudFormation => r.config.path("Properties.UserData"),
        _ => r.config.get("user_data"),
    };
    let ok = match user_data {
        Some(Value::String(s)) => {
            if has_aws_secret(s) || decode_base64(s).is_some_and(|d| has_aws_secret(&d)) {
                Truth::False
            } else {
                Truth::True
            }
        }
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::True,
    };
    verdict(ok, "user data holds a hard-coded secret")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(kind: &str, config: &str) -> &'static str {
        crate::checks::aws::fixture::judge(&Ec2UserDataSecrets, kind, config)
    }

    #[test]
    fn keys_are_found_as_written_and_once_decoded() {
        let plain = "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE";
        let encoded = "ZXhwb3J0IEFXU19BQ0NFU1NfS0VZX0lEPUFLSUFJT1NGT0ROTjdFWEFNUExF";
        for (kind, key) in [
            ("aws_instance", "user_data"),
            ("aws_launch_template", "user_data"),
        ] {
            assert_eq!(judge(kind, &format!(r#"{{"{key}":"{plain}"}}"#)), "fail");
            assert_eq!(judge(kind, &format!(r#"{{"{key}":"{encoded}"}}"#)), "fail");
            assert_eq!(judge(kind, &format!(r#"{{"{key}":"echo hi"}}"#)), "pass");
            assert_eq!(judge(kind, "{}"), "pass");
        }
        let cfn = |user_data: &str| {
            judge(
                "AWS::EC2::Instance",
                &format!(r#"{{"Properties":{{"UserData":{user_data}}}}}"#),
            )
        };
        assert_eq!(cfn(&format!(r#""{encoded}""#)), "fail");
        assert_eq!(cfn(r#""ZWNobyBoaQ==""#), "pass");
        assert_eq!(judge("AWS::EC2::Instance", r#"{"Properties":{}}"#), "pass");
    }

    #[test]
    fn unresolved_user_data_gives_no_verdict() {
        assert_eq!(
            judge("aws_instance", r#"{"user_data":{"$unknown":[]}}"#),
            "unknown"
        );
        assert_eq!(
            judge(
                "AWS::EC2::Instance",
                r#"{"Properties":{"UserData":{"$unknown":["Bucket"]}}}"#
            ),
            "unknown"
        );
    }
}
