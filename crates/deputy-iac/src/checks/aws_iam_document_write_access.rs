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

use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DocumentWriteAccess {
    code: "DPY-AWS-IAM-019",
    checkov: ["CKV_AWS_111"],
    title: "IAM policy document allows write access without constraints",
    severity: Medium,
    reason: "cloudsplaining rates unconstrained infrastructure modification low and trivy-checks AWS-0057 High; Medium, because it is the most frequent finding on well-written modules and rarely exploitable alone",
    targets: [
        (Terraform, "data.aws_iam_policy_document"),
        (CloudFormation, "AWS::IAM::Policy"),
        (CloudFormation, "AWS::IAM::ManagedPolicy"),
        (CloudFormation, "AWS::IAM::Group"),
        (CloudFormation, "AWS::IAM::Role"),
        (CloudFormation, "AWS::IAM::User")
    ],
    description: "In `data \"aws_iam_policy_document\"` statements and CloudFormation IAM policies (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and groups), no `Allow` statement without a condition grants, on `*`, an action at the *Write* access level that resource ARNs could constrain (`s3:PutObject`, `ec2:TerminateInstances`, `dynamodb:DeleteTable`, ...), written directly or through a wildcard such as `s3:*`.",
    remediation: "Name the resources the write actions apply to (ARNs, or ARN patterns scoped to a prefix) or add conditions.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        "https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md",
        "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"
    ],
    differences: [
        "A CloudFormation `Statement` written as a single map (not a list), or a `PolicyDocument` without `Statement`, is judged; Checkov gives no verdict (its converter fails on them)",
        "Checkov keeps the policy it analysed for a block in a cache keyed by file and block name, so every later instance of a module gets the verdict of the first instance it could read; Deputy judges each instance on its own policy",
        "A `data \"aws_iam_policy_document\"` statement with a null `effect` allows, as Terraform reads it; Checkov skips it",
        "Unresolved values are judged in both bounds (the least and the most the policy can allow): a risk found in the least is reported even where Checkov, unable to read an unresolved action, gives no verdict"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::Write)
}
