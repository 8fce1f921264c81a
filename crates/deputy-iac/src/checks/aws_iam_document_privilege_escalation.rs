//! DPY-AWS-IAM-018: IAM policy document allows privilege escalation.
//!
//! # What it checks
//! In `data "aws_iam_policy_document"` statements and CloudFormation IAM policies
//! (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and
//! groups), no combination of actions from Rhino Security Labs' privilege-escalation
//! methods (as cloudsplaining lists them: `iam:CreatePolicyVersion`, `iam:PassRole` with
//! `ec2:RunInstances` or `lambda:CreateFunction`, `lambda:UpdateFunctionCode`, ...) is
//! allowed on `*` without a condition, counting all statements together and taking `Deny`
//! statements out.
//!
//! # Why it matters
//! Each combination lets the holder give itself more rights than the policy grants, up to
//! administrator: by rewriting a policy, creating credentials for another user, or running
//! code under a more privileged role.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! data "aws_iam_policy_document" "app" {
//!   statement {
//!     actions   = ["iam:PassRole", "ec2:RunInstances"]
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
//!     actions   = ["ec2:RunInstances"]
//!     resources = ["*"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Remove the escalation path: name the roles `iam:PassRole` may pass, the functions that
//! may be updated, and the policies that may change, or add conditions.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege>
//! - <https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md>
//! - <https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html>
//! - <https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/>

use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DocumentPrivilegeEscalation {
    code: "DPY-AWS-IAM-018",
    checkov: ["CKV_AWS_110"],
    title: "IAM policy document allows privilege escalation",
    severity: High,
    reason: "cloudsplaining rates privilege escalation high; trivy-checks AWS-0057 is High",
    targets: [
        (Terraform, "data.aws_iam_policy_document"),
        (CloudFormation, "AWS::IAM::Policy"),
        (CloudFormation, "AWS::IAM::ManagedPolicy"),
        (CloudFormation, "AWS::IAM::Group"),
        (CloudFormation, "AWS::IAM::Role"),
        (CloudFormation, "AWS::IAM::User")
    ],
    description: "In `data \"aws_iam_policy_document\"` statements and CloudFormation IAM policies (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and groups), no combination of actions from Rhino Security Labs' privilege-escalation methods (as cloudsplaining lists them: `iam:CreatePolicyVersion`, `iam:PassRole` with `ec2:RunInstances` or `lambda:CreateFunction`, `lambda:UpdateFunctionCode`, ...) is allowed on `*` without a condition, counting all statements together and taking `Deny` statements out.",
    remediation: "Remove the escalation path: name the roles `iam:PassRole` may pass, the functions that may be updated, and the policies that may change, or add conditions.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        "https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md",
        "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
        "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"
    ],
    differences: [
        "A CloudFormation `Statement` written as a single map (not a list), or a `PolicyDocument` without `Statement`, is judged; Checkov gives no verdict (its converter fails on them)",
        "Checkov keeps the policy it analysed for a block in a cache keyed by file and block name, so every later instance of a module gets the verdict of the first instance it could read; Deputy judges each instance on its own policy",
        "A `data \"aws_iam_policy_document\"` statement with a null `effect` allows, as Terraform reads it; Checkov skips it",
        "Unresolved values are judged in both bounds (the least and the most the policy can allow): a risk found in the least is reported even where Checkov, unable to read an unresolved action, gives no verdict"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::PrivilegeEscalation)
}
