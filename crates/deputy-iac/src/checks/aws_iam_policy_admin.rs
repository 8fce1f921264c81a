//! DPY-AWS-IAM-001: IAM policy grants full administrator rights ("*" on "*").
//!
//! # What it checks
//! Inline and managed IAM policies (Terraform `aws_iam_policy`, `aws_iam_*_policy`, SSO
//! permission-set inline policies; CloudFormation `AWS::IAM::Policy` and the `Policies` of roles,
//! users and groups) have no `Allow` statement whose actions and resources both include `*`.
//!
//! # Why it matters
//! `"Action": "*"` on `"Resource": "*"` is the AdministratorAccess policy: whoever holds it can
//! do anything in the account, including granting themselves more and erasing the trail.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_policy" "ops" {
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
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
//!     Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::logs/*" }]
//!   })
//! }
//! ```
//!
//! # Remediation
//! Grant the actions the principal needs on the resources it needs; keep administrator access
//! to a few break-glass roles protected by MFA.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>

use super::aws::policy::{allows_admin, fail_on_any_statement, identity_policies};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PolicyFullAdmin {
    code: "DPY-AWS-IAM-001",
    checkov: ["CKV_AWS_62"],
    title: "IAM policy grants full administrator rights (\"*\" on \"*\")",
    severity: High,
    reason: "KICS \"IAM Policy Grants Full Permissions\" ('*' on '*') is High and \"IAM Policies With Full Privileges\" Medium; trivy-checks AWS-0057 (policy wildcards, High) is deprecated. High, as the first KICS query, which matches this check: the grant is the whole account",
    targets: [
        (Terraform, "aws_iam_policy"),
        (Terraform, "aws_iam_role_policy"),
        (Terraform, "aws_iam_user_policy"),
        (Terraform, "aws_iam_group_policy"),
        (Terraform, "aws_ssoadmin_permission_set_inline_policy"),
        (CloudFormation, "AWS::IAM::Policy"),
        (CloudFormation, "AWS::IAM::Role"),
        (CloudFormation, "AWS::IAM::User"),
        (CloudFormation, "AWS::IAM::Group")
    ],
    description: "Inline and managed IAM policies (Terraform `aws_iam_policy`, `aws_iam_*_policy`, SSO permission-set inline policies; CloudFormation `AWS::IAM::Policy` and the `Policies` of roles, users and groups) have no `Allow` statement whose actions and resources both include `*`.",
    remediation: "Grant the actions the principal needs on the resources it needs; keep administrator access to a few break-glass roles protected by MFA.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"
    ],
    differences: [
        "CloudFormation `Policies` chosen by `Fn::If` on a condition Deputy can evaluate are judged as resolved; Checkov gives no verdict for them, although the policy they grant is known"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    fail_on_any_statement(
        identity_policies(r),
        allows_admin,
        "a statement allows `*` actions on `*` resources",
    )
}
