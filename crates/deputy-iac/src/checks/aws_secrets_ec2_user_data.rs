//! DPY-AWS-SECRETS-003: EC2 user data holds a hard-coded secret.
//!
//! # What it checks
//! The `user_data` of `aws_instance`, `aws_launch_template` or `aws_launch_configuration` (also once base64-decoded) does not look like it holds an AWS access key, secret key or account id.
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
use crate::model::{Resource, Truth, Value};

check!(Ec2UserDataSecrets {
    code: "DPY-AWS-SECRETS-003",
    checkov: ["CKV_AWS_46"],
    title: "EC2 user data holds a hard-coded secret",
    severity: Critical,
    reason: "trivy-checks AWS-0029 (ec2 no-secrets-in-user-data) and AWS-0129 (launch configurations) are Critical; KICS \"Hardcoded AWS Access Key\" is High. Critical, as trivy: user data is readable from the instance metadata service and the EC2 API",
    targets: [
        (Terraform, "aws_instance"),
        (Terraform, "aws_launch_template"),
        (Terraform, "aws_launch_configuration")
    ],
    description: "The `user_data` of `aws_instance`, `aws_launch_template` or `aws_launch_configuration` (also once base64-decoded) does not look like it holds an AWS access key, secret key or account id.",
    remediation: "Give the instance a role instead of keys; fetch other secrets at boot from Secrets Manager; rotate any exposed key.",
    references: [
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html"
    ],
    differences: [
        "Only Terraform: Checkov also reads CloudFormation `UserData`, but Deputy's CloudFormation front end keeps no text for `Fn::Base64`, so that side is not claimed."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let found = match r.config.get("user_data") {
        Some(Value::String(s)) => {
            has_aws_secret(s) || decode_base64(s).is_some_and(|d| has_aws_secret(&d))
        }
        _ => false,
    };
    let ok = if found { Truth::False } else { Truth::True };
    verdict(ok, "user data holds a hard-coded secret")
}
