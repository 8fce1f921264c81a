//! DPY-AWS-IAM-002: IAM policy allows "*" as an action.
//!
//! # What it checks
//! Inline and managed IAM policies (Terraform `aws_iam_policy`, `aws_iam_*_policy`, SSO
//! permission-set inline policies; CloudFormation `AWS::IAM::Policy` and the `Policies` of roles,
//! users and groups) have no `Allow` statement whose actions include `*`.
//!
//! # Why it matters
//! `"Action": "*"` allows every present and future action of every service on the resources
//! named, including permission changes and deletion; even on one resource it is rarely intended.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_role_policy" "app" {
//!   policy = jsonencode({
//!     Statement = [{ Effect = "Allow", Action = "*", Resource = aws_s3_bucket.data.arn }]
//!   })
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_role_policy" "app" {
//!   policy = jsonencode({
//!     Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = aws_s3_bucket.data.arn }]
//!   })
//! }
//! ```
//!
//! # Remediation
//! List the actions the principal needs (or a service prefix such as `s3:Get*` when that is
//! truly needed) instead of `*`.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>

use super::aws::policy::{allows_star_action, fail_on_any_statement, identity_policies};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PolicyStarAction {
    code: "DPY-AWS-IAM-002",
    checkov: ["CKV_AWS_63"],
    title: "IAM policy allows \"*\" as an action",
    severity: High,
    reason: "trivy-checks AWS-0057 (policy wildcards) is High but deprecated; KICS has no action-wildcard query and rates '*' on '*' (IAM Policy Grants Full Permissions) High. A '*' action grants every current and future action of the resources it names",
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
    description: "Inline and managed IAM policies (Terraform `aws_iam_policy`, `aws_iam_*_policy`, SSO permission-set inline policies; CloudFormation `AWS::IAM::Policy` and the `Policies` of roles, users and groups) have no `Allow` statement whose actions include `*`.",
    remediation: "List the actions the principal needs (or a service prefix such as `s3:Get*` when that is truly needed) instead of `*`.",
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
        allows_star_action,
        "a statement allows `*` as an action",
    )
}
