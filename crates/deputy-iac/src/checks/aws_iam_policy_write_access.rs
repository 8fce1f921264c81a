//! DPY-AWS-IAM-025: IAM policy allows write access without constraints.
//!
//! # What it checks
//! In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`,
//! `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no
//! `Allow` statement without a condition grants, on `*`, an action at the *Write* access
//! level that resource ARNs could constrain (`s3:PutObject`, `ec2:TerminateInstances`,
//! `dynamodb:DeleteTable`, ...), written directly or through a wildcard such as `s3:*`.
//!
//! # Why it matters
//! Write actions on `*` let the holder change or delete every resource of that kind in the
//! account, not only the ones its job touches.
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
//!     Statement = [{ Effect = "Allow", Action = ["s3:PutObject"], Resource = "*" }]
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
//!     Statement = [{ Effect = "Allow", Action = ["s3:PutObject"], Resource = "arn:aws:s3:::uploads/*" }]
//!   })
//! }
//! ```
//!
//! # Remediation
//! Name the resources the write actions apply to (ARNs, or ARN patterns scoped to a prefix)
//! or add conditions.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>
//! - <https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md>
//! - <https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>

use super::aws::least_privilege::{POLICY_RESOURCES, REFERENCES, RESOURCE_DIFFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PolicyWriteAccess {
    code: "DPY-AWS-IAM-025",
    checkov: ["CKV_AWS_290"],
    title: "IAM policy allows write access without constraints",
    severity: Medium,
    reason: "cloudsplaining rates unconstrained infrastructure modification low and trivy-checks AWS-0057 High; Medium, because it is the most frequent finding on well-written modules and rarely exploitable alone",
    targets: POLICY_RESOURCES,
    description: "In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no `Allow` statement without a condition grants, on `*`, an action at the *Write* access level that resource ARNs could constrain (`s3:PutObject`, `ec2:TerminateInstances`, `dynamodb:DeleteTable`, ...), written directly or through a wildcard such as `s3:*`.",
    remediation: "Name the resources the write actions apply to (ARNs, or ARN patterns scoped to a prefix) or add conditions.",
    references: REFERENCES,
    differences: RESOURCE_DIFFERENCES,
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::Write)
}
