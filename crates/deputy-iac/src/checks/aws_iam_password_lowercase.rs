//! DPY-AWS-IAM-010: IAM password policy does not require a lowercase letter.
//!
//! # What it checks
//! `aws_iam_account_password_policy` sets `require_lowercase_characters = true`.
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
//!   require_lowercase_characters = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   require_lowercase_characters = true
//! }
//! ```
//!
//! # Remediation
//! Set `require_lowercase_characters = true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html>
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PasswordLowercase {
    code: "DPY-AWS-IAM-010",
    checkov: ["CKV_AWS_11"],
    title: "IAM password policy does not require a lowercase letter",
    severity: Medium,
    reason: "trivy-checks AWS-0058 (require lowercase) is Medium; KICS has no equivalent for AWS",
    targets: [(Terraform, "aws_iam_account_password_policy")],
    description: "`aws_iam_account_password_policy` sets `require_lowercase_characters = true`.",
    remediation: "Set `require_lowercase_characters = true`.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("require_lowercase_characters")),
        "`require_lowercase_characters` is not `true`",
    )
}
