//! DPY-AWS-IAM-013: IAM password policy does not require a symbol.
//!
//! # What it checks
//! `aws_iam_account_password_policy` sets `require_symbols = true`.
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
//!   require_symbols = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   require_symbols = true
//! }
//! ```
//!
//! # Remediation
//! Set `require_symbols = true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html>
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PasswordSymbols {
    code: "DPY-AWS-IAM-013",
    checkov: ["CKV_AWS_14"],
    title: "IAM password policy does not require a symbol",
    severity: Medium,
    reason: "trivy-checks AWS-0060 (require symbols) is Medium; KICS has no equivalent for AWS",
    targets: [(Terraform, "aws_iam_account_password_policy")],
    description: "`aws_iam_account_password_policy` sets `require_symbols = true`.",
    remediation: "Set `require_symbols = true`.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("require_symbols")),
        "`require_symbols` is not `true`",
    )
}
