//! DPY-AWS-IAM-016: IAM policy document allows data exfiltration.
//!
//! # What it checks
//! In `data "aws_iam_policy_document"` statements and CloudFormation IAM policies
//! (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and
//! groups), no `Allow` statement without a condition grants `s3:GetObject`,
//! `ssm:GetParameter`, `ssm:GetParameters`, `ssm:GetParametersByPath` or
//! `secretsmanager:GetSecretValue` on `*` (directly or through a wildcard such as
//! `s3:Get*`).
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
//! data "aws_iam_policy_document" "app" {
//!   statement {
//!     actions   = ["s3:GetObject"]
//!     resources = ["*"]
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! data "aws_iam_policy_document" "app" {
//!   statement {
//!     actions   = ["s3:GetObject"]
//!     resources = ["arn:aws:s3:::reports/*"]
//!   }
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

use super::aws::least_privilege::{DOCUMENT_DIFFERENCES, POLICY_DOCUMENTS, REFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DocumentDataExfiltration {
    code: "DPY-AWS-IAM-016",
    checkov: ["CKV_AWS_108"],
    title: "IAM policy document allows data exfiltration",
    severity: Medium,
    reason: "cloudsplaining rates data exfiltration medium: read access, but to object and secret contents",
    targets: POLICY_DOCUMENTS,
    description: "In `data \"aws_iam_policy_document\"` statements and CloudFormation IAM policies (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and groups), no `Allow` statement without a condition grants `s3:GetObject`, `ssm:GetParameter`, `ssm:GetParameters`, `ssm:GetParametersByPath` or `secretsmanager:GetSecretValue` on `*` (directly or through a wildcard such as `s3:Get*`).",
    remediation: "Name the buckets, parameters and secrets the principal reads instead of `*`.",
    references: REFERENCES,
    differences: DOCUMENT_DIFFERENCES,
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::DataExfiltration)
}
