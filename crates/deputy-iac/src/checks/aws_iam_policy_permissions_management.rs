//! DPY-AWS-IAM-024: IAM policy allows permissions management without constraints.
//!
//! # What it checks
//! In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`,
//! `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no
//! `Allow` statement without a condition grants, on `*`, an action at the *Permissions
//! management* access level that resource ARNs could constrain (`iam:PutRolePolicy`,
//! `iam:PassRole`, `s3:PutBucketPolicy`, `kms:CreateGrant`, ...), written directly or
//! through a wildcard.
//!
//! # Why it matters
//! Permissions-management actions change who may do what: rewriting role policies, bucket
//! or key policies, or passing roles lets the holder widen its own access or expose
//! resources to other accounts.
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
//!     Statement = [{ Effect = "Allow", Action = ["s3:PutBucketPolicy"], Resource = "*" }]
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
//!     Statement = [{ Effect = "Allow", Action = ["s3:PutBucketPolicy"], Resource = "arn:aws:s3:::reports" }]
//!   })
//! }
//! ```
//!
//! # Remediation
//! Grant permissions-management actions only on the resources they must manage (named ARNs)
//! or under a condition.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>
//! - <https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md>
//! - <https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>

use super::aws::least_privilege::{POLICY_RESOURCES, REFERENCES, RESOURCE_DIFFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PolicyPermissionsManagement {
    code: "DPY-AWS-IAM-024",
    checkov: ["CKV_AWS_289"],
    title: "IAM policy allows permissions management without constraints",
    severity: High,
    reason: "cloudsplaining rates resource exposure (permissions management) high; trivy-checks AWS-0057 is High",
    targets: POLICY_RESOURCES,
    description: "In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no `Allow` statement without a condition grants, on `*`, an action at the *Permissions management* access level that resource ARNs could constrain (`iam:PutRolePolicy`, `iam:PassRole`, `s3:PutBucketPolicy`, `kms:CreateGrant`, ...), written directly or through a wildcard.",
    remediation: "Grant permissions-management actions only on the resources they must manage (named ARNs) or under a condition.",
    references: REFERENCES,
    differences: RESOURCE_DIFFERENCES,
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::PermissionsManagement)
}
