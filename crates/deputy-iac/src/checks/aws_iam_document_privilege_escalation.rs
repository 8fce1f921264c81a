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

use super::aws::least_privilege::{DOCUMENT_DIFFERENCES, POLICY_DOCUMENTS};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(DocumentPrivilegeEscalation {
    code: "DPY-AWS-IAM-018",
    checkov: ["CKV_AWS_110"],
    title: "IAM policy document allows privilege escalation",
    severity: High,
    reason: "cloudsplaining rates privilege escalation high; trivy-checks AWS-0057 is High",
    targets: POLICY_DOCUMENTS,
    description: "In `data \"aws_iam_policy_document\"` statements and CloudFormation IAM policies (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, and the `Policies` of roles, users and groups), no combination of actions from Rhino Security Labs' privilege-escalation methods (as cloudsplaining lists them: `iam:CreatePolicyVersion`, `iam:PassRole` with `ec2:RunInstances` or `lambda:CreateFunction`, `lambda:UpdateFunctionCode`, ...) is allowed on `*` without a condition, counting all statements together and taking `Deny` statements out.",
    remediation: "Remove the escalation path: name the roles `iam:PassRole` may pass, the functions that may be updated, and the policies that may change, or add conditions.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        "https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md",
        "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
        "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"
    ],
    differences: DOCUMENT_DIFFERENCES,
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::PrivilegeEscalation)
}
