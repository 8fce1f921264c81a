//! DPY-AWS-IAM-017: IAM policy document allows permissions management without constraints.
//!
//! # What it checks
//! In `data "aws_iam_policy_document"` statements and CloudFormation IAM policies
//! (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and
//! groups), no `Allow` statement without a condition grants, on `*`, an action at the
//! *Permissions management* access level that resource ARNs could constrain
//! (`iam:PutRolePolicy`, `iam:PassRole`, `s3:PutBucketPolicy`, `kms:CreateGrant`, ...),
//! written directly or through a wildcard.
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
//! data "aws_iam_policy_document" "app" {
//!   statement {
//!     actions   = ["s3:PutBucketPolicy"]
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
//!     actions   = ["s3:PutBucketPolicy"]
//!     resources = ["arn:aws:s3:::reports"]
//!   }
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

use super::aws::least_privilege::{DOCUMENT_DIFFERENCES, POLICY_DOCUMENTS, REFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DocumentPermissionsManagement {
    code: "DPY-AWS-IAM-017",
    checkov: ["CKV_AWS_109"],
    title: "IAM policy document allows permissions management without constraints",
    severity: High,
    reason: "cloudsplaining rates resource exposure (permissions management) high; trivy-checks AWS-0057 is High",
    targets: POLICY_DOCUMENTS,
    description: "In `data \"aws_iam_policy_document\"` statements and CloudFormation IAM policies (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and groups), no `Allow` statement without a condition grants, on `*`, an action at the *Permissions management* access level that resource ARNs could constrain (`iam:PutRolePolicy`, `iam:PassRole`, `s3:PutBucketPolicy`, `kms:CreateGrant`, ...), written directly or through a wildcard.",
    remediation: "Grant permissions-management actions only on the resources they must manage (named ARNs) or under a condition.",
    references: REFERENCES,
    differences: DOCUMENT_DIFFERENCES,
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::PermissionsManagement)
}
