//! DPY-AWS-IAM-012: IAM password policy allows reusing one of the last 24 passwords.
//!
//! # What it checks
//! `aws_iam_account_password_policy` sets `password_reuse_prevention` to 24 or more.
//!
//! # Why it matters
//! Without reuse prevention a user rotates back to a password that has already leaked; CIS AWS
//! requires remembering 24.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   password_reuse_prevention = 5
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   password_reuse_prevention = 24
//! }
//! ```
//!
//! # Remediation
//! Set `password_reuse_prevention = 24`.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html>
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(PasswordReuse {
    code: "DPY-AWS-IAM-012",
    checkov: ["CKV_AWS_13"],
    title: "IAM password policy allows reusing one of the last 24 passwords",
    severity: Medium,
    reason: "trivy-checks AWS-0056 (password reuse prevention) is Medium; KICS \"Password Without Reuse Prevention\" is Low. Medium, as trivy: reuse lets a password leaked elsewhere keep working",
    targets: [(Terraform, "aws_iam_account_password_policy")],
    description: "`aws_iam_account_password_policy` sets `password_reuse_prevention` to 24 or more.",
    remediation: "Set `password_reuse_prevention = 24`.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy"
    ],
    differences: [
        "A setting written as a literal `null` is not set, so Deputy reports it; Checkov passes a present but null value. A variable that resolves to null is unresolved in both tools."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("password_reuse_prevention") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) => match v.as_f64() {
            Some(n) if n >= 24.0 => Truth::True,
            _ => Truth::False,
        },
        None => Truth::False,
    };
    verdict(ok, "`password_reuse_prevention` is below 24")
}
