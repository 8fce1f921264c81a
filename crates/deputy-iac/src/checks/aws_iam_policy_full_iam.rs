//! DPY-AWS-IAM-027: IAM policy allows full IAM access ("iam:*" or "*").
//!
//! # What it checks
//! Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`,
//! `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies) and
//! `data "aws_iam_policy_document"` statements have no `Allow` statement whose actions
//! include `iam:*` or `*`, whatever its resources.
//!
//! # Why it matters
//! Full IAM access lets the holder create users and access keys, attach any policy to
//! itself and rewrite trust policies: it is administrator access one step removed.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_policy" "ops" {
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["iam:*"], Resource = "*" }]
//!   })
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_policy" "ops" {
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["iam:GetRole", "iam:ListRoles"], Resource = "*" }]
//!   })
//! }
//! ```
//!
//! # Remediation
//! Grant the IAM actions the principal needs by name (read-only ones such as `iam:Get*`
//! and `iam:List*` when that is the need), never `iam:*` or `*`.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>
//! - <https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/>

use super::aws::policy::{Effect, Statement, and, fail_on_any_statement, least_privilege_policies};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(PolicyFullIam {
    code: "DPY-AWS-IAM-027",
    checkov: ["CKV2_AWS_40"],
    title: "IAM policy allows full IAM access (\"iam:*\" or \"*\")",
    severity: High,
    reason: "trivy-checks AWS-0057 (no policy wildcards) is High; full IAM access is administrator access one step removed",
    targets: [
        (Terraform, "aws_iam_policy"),
        (Terraform, "aws_iam_role_policy"),
        (Terraform, "aws_iam_user_policy"),
        (Terraform, "aws_iam_group_policy"),
        (Terraform, "aws_ssoadmin_permission_set_inline_policy"),
        (Terraform, "data.aws_iam_policy_document")
    ],
    description: "Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies) and `data \"aws_iam_policy_document\"` statements have no `Allow` statement whose actions include `iam:*` or `*`, whatever its resources.",
    remediation: "Grant the IAM actions the principal needs by name (read-only ones such as `iam:Get*` and `iam:List*` when that is the need), never `iam:*` or `*`.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"
    ],
    differences: [
        "A `data \"aws_iam_policy_document\"` statement without `effect` allows, as Terraform reads it; Checkov matches only statements that write `effect = \"Allow\"`",
        "`iam:*` is matched in any case (`IAM:*`), as AWS reads action names; Checkov matches the exact text"
    ],
});

fn full_iam(s: &Statement) -> Truth {
    let allow = match s.effect {
        Effect::Allow => Truth::True,
        Effect::Unknown => Truth::Unknown,
        Effect::Deny | Effect::Other | Effect::Missing => Truth::False,
    };
    let actions = s.actions.as_ref().map_or(Truth::False, |a| {
        if a.values
            .iter()
            .any(|v| v == "*" || v.eq_ignore_ascii_case("iam:*"))
        {
            Truth::True
        } else if a.unknown {
            Truth::Unknown
        } else {
            Truth::False
        }
    });
    and(allow, actions)
}

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    fail_on_any_statement(
        least_privilege_policies(r),
        full_iam,
        "a statement allows `iam:*` or `*`",
    )
}
