//! DPY-AWS-IAM-023: IAM policy allows data exfiltration.
//!
//! # What it checks
//! In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`,
//! `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no
//! `Allow` statement without a condition grants `s3:GetObject`, `ssm:GetParameter`,
//! `ssm:GetParameters`, `ssm:GetParametersByPath` or `secretsmanager:GetSecretValue` on `*`
//! (directly or through a wildcard such as `s3:Get*`).
//!
//! # Why it matters
//! These read actions return the data itself: every object in every bucket, every parameter
//! and every secret in the account, which is how most leaks through an over-broad role
//! happen.
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
//! Name the buckets, parameters and secrets the principal reads instead of `*`.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>
//! - <https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md>
//! - <https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>

use super::aws::least_privilege::{POLICY_RESOURCES, REFERENCES, RESOURCE_DIFFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PolicyDataExfiltration {
    code: "DPY-AWS-IAM-023",
    checkov: ["CKV_AWS_288"],
    title: "IAM policy allows data exfiltration",
    severity: Medium,
    reason: "cloudsplaining rates data exfiltration medium: read access, but to object and secret contents",
    targets: POLICY_RESOURCES,
    description: "In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no `Allow` statement without a condition grants `s3:GetObject`, `ssm:GetParameter`, `ssm:GetParameters`, `ssm:GetParametersByPath` or `secretsmanager:GetSecretValue` on `*` (directly or through a wildcard such as `s3:Get*`).",
    remediation: "Name the buckets, parameters and secrets the principal reads instead of `*`.",
    references: REFERENCES,
    differences: RESOURCE_DIFFERENCES,
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::DataExfiltration)
}
