//! DPY-AWS-IAM-009: IAM password policy allows passwords shorter than 14 characters.
//!
//! # What it checks
//! `aws_iam_account_password_policy` sets `minimum_password_length` to 14 or more.
//!
//! # Why it matters
//! Short passwords fall to offline cracking and online guessing; CIS AWS 1.8 requires 14.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   minimum_password_length = 8
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   minimum_password_length = 14
//! }
//! ```
//!
//! # Remediation
//! Set `minimum_password_length = 14` or more.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html>
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(PasswordLength {
    code: "DPY-AWS-IAM-009",
    checkov: ["CKV_AWS_10"],
    title: "IAM password policy allows passwords shorter than 14 characters",
    severity: Medium,
    reason: "trivy-checks AWS-0063 (minimum password length 14) is Medium; KICS \"IAM Password Without Minimum Length\" is Low. Medium, as trivy: length is the password rule that matters most against guessing",
    targets: [(Terraform, "aws_iam_account_password_policy")],
    description: "`aws_iam_account_password_policy` sets `minimum_password_length` to 14 or more.",
    remediation: "Set `minimum_password_length = 14` or more.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy"
    ],
    differences: [
        "A setting written as a literal `null` is not set, so Deputy reports it; Checkov passes a present but null value. A variable that resolves to null is unresolved in both tools."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("minimum_password_length") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) => match v.as_f64() {
            Some(n) if n >= 14.0 => Truth::True,
            _ => Truth::False,
        },
        None => Truth::False,
    };
    verdict(ok, "`minimum_password_length` is below 14")
}
