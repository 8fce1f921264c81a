//! DPY-AWS-IAM-021: IAM policy allows privilege escalation.
//!
//! # What it checks
//! In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`,
//! `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no
//! combination of actions from Rhino Security Labs' privilege-escalation methods (as
//! cloudsplaining lists them: `iam:CreatePolicyVersion`, `iam:PassRole` with
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
//! resource "aws_iam_role_policy" "app" {
//!   role = aws_iam_role.app.id
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "ec2:RunInstances"], Resource = "*" }]
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
//!     Statement = [{ Effect = "Allow", Action = ["ec2:RunInstances"], Resource = "*" }]
//!   })
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

use super::aws::least_privilege::{POLICY_RESOURCES, RESOURCE_DIFFERENCES};
use super::aws::policy::grants::{Risk, judge_resource};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PolicyPrivilegeEscalation {
    code: "DPY-AWS-IAM-021",
    checkov: ["CKV_AWS_286"],
    title: "IAM policy allows privilege escalation",
    severity: High,
    reason: "cloudsplaining rates privilege escalation high; trivy-checks AWS-0057 is High",
    targets: POLICY_RESOURCES,
    description: "In Terraform policy resources (`aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, SSO permission-set inline policies), no combination of actions from Rhino Security Labs' privilege-escalation methods (as cloudsplaining lists them: `iam:CreatePolicyVersion`, `iam:PassRole` with `ec2:RunInstances` or `lambda:CreateFunction`, `lambda:UpdateFunctionCode`, ...) is allowed on `*` without a condition, counting all statements together and taking `Deny` statements out.",
    remediation: "Remove the escalation path: name the roles `iam:PassRole` may pass, the functions that may be updated, and the policies that may change, or add conditions.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        "https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md",
        "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
        "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"
    ],
    differences: RESOURCE_DIFFERENCES,
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    judge_resource(r, Risk::PrivilegeEscalation)
}
