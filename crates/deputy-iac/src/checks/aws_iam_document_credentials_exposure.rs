//! DPY-AWS-IAM-015: IAM policy document allows actions that return credentials.
//!
//! # What it checks
//! In `data "aws_iam_policy_document"` statements and CloudFormation IAM policies
//! (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and
//! groups), no `Allow` statement without a condition grants, on `*` (or on any resource,
//! for actions only `*` applies to), an action whose response carries credentials:
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
//! data "aws_iam_policy_document" "app" {
//!   statement {
//!     actions   = ["iam:CreateAccessKey"]
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
//!     actions   = ["iam:CreateAccessKey"]
//!     resources = ["arn:aws:iam::123456789012:user/ci-bot"]
//!   }
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

use super::aws::least_privilege::{POLICY_DOCUMENTS, REFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DocumentCredentialsExposure {
    code: "DPY-AWS-IAM-015",
    checkov: ["CKV_AWS_107"],
    title: "IAM policy document allows actions that return credentials",
    severity: High,
    reason: "cloudsplaining rates credentials exposure high; trivy-checks AWS-0057 (no policy wildcards) is High",
    targets: POLICY_DOCUMENTS,
    description: "In `data \"aws_iam_policy_document\"` statements and CloudFormation IAM policies (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and groups), no `Allow` statement without a condition grants, on `*` (or on any resource, for actions only `*` applies to), an action whose response carries credentials: `iam:CreateAccessKey`, `sts:AssumeRole`, `ec2:GetPasswordData`, `redshift:GetClusterCredentials` and the rest of cloudsplaining's list (wildcards such as `iam:*` expand against the IAM action table). `ecr:GetAuthorizationToken` is left out, as Checkov does.",
    remediation: "Grant credential-returning actions only on the users, roles or clusters that need them, or under a condition; keep `iam:CreateAccessKey` and `sts:AssumeRole` off `*`.",
    references: REFERENCES,
    differences: [
        "A CloudFormation `Statement` written as a single map (not a list), or a `PolicyDocument` without `Statement`, is judged; Checkov gives no verdict (its converter fails on them)",
        "Checkov keeps the policy it analysed for a block in a cache keyed by file and block name, so every later instance of a module gets the verdict of the first instance it could read; Deputy judges each instance on its own policy",
        "A `data \"aws_iam_policy_document\"` statement with a null `effect` allows, as Terraform reads it; Checkov skips it",
        "Unresolved values are judged in both bounds (the least and the most the policy can allow): a risk found in the least is reported even where Checkov, unable to read an unresolved action, gives no verdict",
        "An action written in two spellings that differ only in case is judged on every spelling; Checkov keeps one at random (so `ecr:GetAuthorizationToken` spelled otherwise may or may not be excluded)"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::CredentialsExposure)
}
