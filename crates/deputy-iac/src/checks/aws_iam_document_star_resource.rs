//! DPY-AWS-IAM-020: IAM policy document allows "*" as the resource of restrictable actions.
//!
//! # What it checks
//! In `data "aws_iam_policy_document"` statements, no `Allow` statement without a condition
//! has `*` among its resources while granting an action that resource ARNs could constrain
//! (actions that only support `*`, such as `s3:ListAllMyBuckets` or
//! `ec2:DescribeInstances`, are fine); `Deny` statements take actions out.
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
//! Replace `*` with the ARNs (or ARN patterns) of the resources the actions need; keep `*`
//! only for actions that support nothing else.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>
//! - <https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md>
//! - <https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>

use super::aws::least_privilege::REFERENCES;
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DocumentStarResource {
    code: "DPY-AWS-IAM-020",
    checkov: ["CKV_AWS_356"],
    title: "IAM policy document allows \"*\" as the resource of restrictable actions",
    severity: Medium,
    reason: "trivy-checks AWS-0057 (no policy wildcards) is High; Medium here because actions only `*` applies to are left out, and read-only actions count too",
    targets: [(Terraform, "data.aws_iam_policy_document")],
    description: "In `data \"aws_iam_policy_document\"` statements, no `Allow` statement without a condition has `*` among its resources while granting an action that resource ARNs could constrain (actions that only support `*`, such as `s3:ListAllMyBuckets` or `ec2:DescribeInstances`, are fine); `Deny` statements take actions out.",
    remediation: "Replace `*` with the ARNs (or ARN patterns) of the resources the actions need; keep `*` only for actions that support nothing else.",
    references: REFERENCES,
    differences: [
        "Checkov keeps the policy it analysed for a block in a cache keyed by file and block name, so every later instance of a module gets the verdict of the first instance it could read; Deputy judges each instance on its own policy",
        "A `data \"aws_iam_policy_document\"` statement with a null `effect` allows, as Terraform reads it; Checkov skips it",
        "Unresolved values are judged in both bounds (the least and the most the policy can allow): a risk found in the least is reported even where Checkov, unable to read an unresolved action, gives no verdict",
        "A resource given by an unresolved variable, or by a string built from one (`\"arn:aws:s3:::${var.bucket}\"`), could be `*`: Deputy gives no verdict when that decides; Checkov reads the unresolved text as a resource name and passes"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::StarResource)
}
