//! DPY-AWS-IAM-011: IAM password policy does not require a number.
//!
//! # What it checks
//! `aws_iam_account_password_policy` sets `require_numbers = true`.
//!
//! # Why it matters
//! Character-class rules enlarge the search space of guessable passwords.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   require_numbers = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   require_numbers = true
//! }
//! ```
//!
//! # Remediation
//! Set `require_numbers = true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html>
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PasswordNumbers {
    code: "DPY-AWS-IAM-011",
    checkov: ["CKV_AWS_12"],
    title: "IAM password policy does not require a number",
    severity: Medium,
    reason: "trivy-checks AWS-0059 (require numbers) is Medium; KICS has no equivalent for AWS",
    targets: [(Terraform, "aws_iam_account_password_policy")],
    description: "`aws_iam_account_password_policy` sets `require_numbers = true`.",
    remediation: "Set `require_numbers = true`.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("require_numbers")),
        "`require_numbers` is not `true`",
    )
}
