//! DPY-AWS-IAM-026: IAM policy allows "*" as the resource of restrictable actions.
//!
//! # What it checks
//! In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`,
//! `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no
//! `Allow` statement without a condition has `*` among its resources while granting an
//! action that resource ARNs could constrain (actions that only support `*`, such as
//! `s3:ListAllMyBuckets` or `ec2:DescribeInstances`, are fine); `Deny` statements take
//! actions out.
//!
//! # Why it matters
//! `"Resource": "*"` on an action that supports resource ARNs grants it on every present
//! and future resource of the account, where naming the resources would have been possible.
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
//!     Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
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
//!     Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::reports/*" }]
//!   })
//! }
//! ```
//!
//! # Remediation
//! Replace `*` with the ARNs (or ARN patterns) of the resources the actions need; keep `*`
//! only for actions that support nothing else.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>
//! - <https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md>
//! - <https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>

use super::aws::least_privilege::{POLICY_RESOURCES, REFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PolicyStarResource {
    code: "DPY-AWS-IAM-026",
    checkov: ["CKV_AWS_355"],
    title: "IAM policy allows \"*\" as the resource of restrictable actions",
    severity: Medium,
    reason: "trivy-checks AWS-0057 (no policy wildcards) is High; Medium here because actions only `*` applies to are left out, and read-only actions count too",
    targets: POLICY_RESOURCES,
    description: "In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no `Allow` statement without a condition has `*` among its resources while granting an action that resource ARNs could constrain (actions that only support `*`, such as `s3:ListAllMyBuckets` or `ec2:DescribeInstances`, are fine); `Deny` statements take actions out.",
    remediation: "Replace `*` with the ARNs (or ARN patterns) of the resources the actions need; keep `*` only for actions that support nothing else.",
    references: REFERENCES,
    differences: [
        "Checkov keeps the policy it analysed for a block in a cache keyed by file and block name, so every later instance of a module gets the verdict of the first instance it could read; Deputy judges each instance on its own policy",
        "Unresolved values are judged in both bounds (the least and the most the policy can allow): a risk found in the least is reported even where Checkov, unable to read an unresolved action, gives no verdict",
        "A resource given by an unresolved variable, or by a string built from one (`\"arn:aws:s3:::${var.bucket}\"`), could be `*`: Deputy gives no verdict when that decides; Checkov reads the unresolved text as a resource name and passes"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::StarResource)
}
