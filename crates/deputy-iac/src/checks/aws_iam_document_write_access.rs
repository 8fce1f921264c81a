//! DPY-AWS-IAM-019: IAM policy document allows write access without constraints.
//!
//! # What it checks
//! In `data "aws_iam_policy_document"` statements and CloudFormation IAM policies
//! (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and
//! groups), no `Allow` statement without a condition grants, on `*`, an action at the
//! *Write* access level that resource ARNs could constrain (`s3:PutObject`,
//! `ec2:TerminateInstances`, `dynamodb:DeleteTable`, ...), written directly or through a
//! wildcard such as `s3:*`.
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
//! data "aws_iam_policy_document" "app" {
//!   statement {
//!     actions   = ["s3:PutObject"]
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
//!     actions   = ["s3:PutObject"]
//!     resources = ["arn:aws:s3:::uploads/*"]
//!   }
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

use super::aws::least_privilege::{DOCUMENT_DIFFERENCES, POLICY_DOCUMENTS, REFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DocumentWriteAccess {
    code: "DPY-AWS-IAM-019",
    checkov: ["CKV_AWS_111"],
    title: "IAM policy document allows write access without constraints",
    severity: Medium,
    reason: "cloudsplaining rates unconstrained infrastructure modification low and trivy-checks AWS-0057 High; Medium, because it is the most frequent finding on well-written modules and rarely exploitable alone",
    targets: POLICY_DOCUMENTS,
    description: "In `data \"aws_iam_policy_document\"` statements and CloudFormation IAM policies (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and groups), no `Allow` statement without a condition grants, on `*`, an action at the *Write* access level that resource ARNs could constrain (`s3:PutObject`, `ec2:TerminateInstances`, `dynamodb:DeleteTable`, ...), written directly or through a wildcard such as `s3:*`.",
    remediation: "Name the resources the write actions apply to (ARNs, or ARN patterns scoped to a prefix) or add conditions.",
    references: REFERENCES,
    differences: DOCUMENT_DIFFERENCES,
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::Write)
}
