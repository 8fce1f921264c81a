//! DPY-AWS-IAM-008: IAM password policy does not expire passwords within 90 days.
//!
//! # What it checks
//! `aws_iam_account_password_policy` sets `max_password_age` between 1 and 90 days.
//!
//! # Why it matters
//! Expiring passwords bounds how long a leaked password stays useful (CIS AWS 1.11 in earlier
//! versions); current NIST guidance prefers MFA, so this is a low-weight control.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   max_password_age = 365
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_account_password_policy" "strict" {
//!   max_password_age = 90
//! }
//! ```
//!
//! # Remediation
//! Set `max_password_age` to 90 or fewer days, and require MFA.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html>
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(PasswordExpiry {
    code: "DPY-AWS-IAM-008",
    checkov: ["CKV_AWS_9"],
    title: "IAM password policy does not expire passwords within 90 days",
    severity: Low,
    reason: "trivy-checks AWS-0062 (password expiry) is Medium; KICS \"Misconfigured Password Policy Expiration\" is Low. Low, as KICS: forced periodic changes are no longer recommended (NIST SP 800-63B)",
    targets: [(Terraform, "aws_iam_account_password_policy")],
    description: "`aws_iam_account_password_policy` sets `max_password_age` between 1 and 90 days.",
    remediation: "Set `max_password_age` to 90 or fewer days, and require MFA.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("max_password_age") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) => match v.as_f64() {
            Some(n) if (1.0..=90.0).contains(&n) => Truth::True,
            _ => Truth::False,
        },
        None => Truth::False,
    };
    verdict(ok, "`max_password_age` is not between 1 and 90")
}
