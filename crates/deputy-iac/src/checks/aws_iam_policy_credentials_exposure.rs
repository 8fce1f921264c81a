//! DPY-AWS-IAM-022: IAM policy allows actions that return credentials.
//!
//! # What it checks
//! In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`,
//! `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no
//! `Allow` statement without a condition grants, on `*` (or on any resource, for actions
//! only `*` applies to), an action whose response carries credentials:
//! `iam:CreateAccessKey`, `sts:AssumeRole`, `ec2:GetPasswordData`,
//! `redshift:GetClusterCredentials` and the rest of cloudsplaining's list (wildcards such
//! as `iam:*` expand against the IAM action table). `ecr:GetAuthorizationToken` is left
//! out, as Checkov does.
//!
//! # Why it matters
//! A principal that can call these actions can mint or read credentials (access keys, role
//! sessions, database passwords) and act as someone else, beyond what its own policy was
//! meant to allow.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_role_policy" "app" {
//!   role = aws_iam_role.app.id
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["iam:CreateAccessKey"], Resource = "*" }]
//!   })
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_role_policy" "app" {
//!   role = aws_iam_role.app.id
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["iam:CreateAccessKey"], Resource = "arn:aws:iam::123456789012:user/ci-bot" }]
//!   })
//! }
//! ```
//!
//! # Remediation
//! Grant credential-returning actions only on the users, roles or clusters that need them,
//! or under a condition; keep `iam:CreateAccessKey` and `sts:AssumeRole` off `*`.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>
//! - <https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md>
//! - <https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>

use super::aws::least_privilege::{POLICY_RESOURCES, REFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PolicyCredentialsExposure {
    code: "DPY-AWS-IAM-022",
    checkov: ["CKV_AWS_287"],
    title: "IAM policy allows actions that return credentials",
    severity: High,
    reason: "cloudsplaining rates credentials exposure high; trivy-checks AWS-0057 (no policy wildcards) is High",
    targets: POLICY_RESOURCES,
    description: "In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no `Allow` statement without a condition grants, on `*` (or on any resource, for actions only `*` applies to), an action whose response carries credentials: `iam:CreateAccessKey`, `sts:AssumeRole`, `ec2:GetPasswordData`, `redshift:GetClusterCredentials` and the rest of cloudsplaining's list (wildcards such as `iam:*` expand against the IAM action table). `ecr:GetAuthorizationToken` is left out, as Checkov does.",
    remediation: "Grant credential-returning actions only on the users, roles or clusters that need them, or under a condition; keep `iam:CreateAccessKey` and `sts:AssumeRole` off `*`.",
    references: REFERENCES,
    differences: [
        "Checkov keeps the policy it analysed for a block in a cache keyed by file and block name, so every later instance of a module gets the verdict of the first instance it could read; Deputy judges each instance on its own policy",
        "Unresolved values are judged in both bounds (the least and the most the policy can allow): a risk found in the least is reported even where Checkov, unable to read an unresolved action, gives no verdict",
        "An action written in two spellings that differ only in case is judged on every spelling; Checkov keeps one at random (so `ecr:GetAuthorizationToken` spelled otherwise may or may not be excluded)"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::CredentialsExposure)
}
