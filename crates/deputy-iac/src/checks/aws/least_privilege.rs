//! What the least-privilege checks (Checkov's cloudsplaining family, CKV_AWS_107–111,
//! 286–290, 355 and 356) share besides their analysis ([`super::policy::grants`]): the
//! resources they read, their references, and the differences from Checkov that every
//! check of a form has.

use crate::model::Framework;

/// Terraform policy documents and the CloudFormation resources that hold IAM policies.
pub(crate) const POLICY_DOCUMENTS: &[(Framework, &str)] = &[
    (Framework::Terraform, "data.aws_iam_policy_document"),
    (Framework::CloudFormation, "AWS::IAM::Policy"),
    (Framework::CloudFormation, "AWS::IAM::ManagedPolicy"),
    (Framework::CloudFormation, "AWS::IAM::Group"),
    (Framework::CloudFormation, "AWS::IAM::Role"),
    (Framework::CloudFormation, "AWS::IAM::User"),
];

/// The Terraform resources that carry a policy as JSON.
pub(crate) const POLICY_RESOURCES: &[(Framework, &str)] = &[
    (Framework::Terraform, "aws_iam_policy"),
    (Framework::Terraform, "aws_iam_role_policy"),
    (Framework::Terraform, "aws_iam_user_policy"),
    (Framework::Terraform, "aws_iam_group_policy"),
    (
        Framework::Terraform,
        "aws_ssoadmin_permission_set_inline_policy",
    ),
];

pub(crate) const REFERENCES: &[&str] = &[
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/README.md",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
];

/// Differences of the checks over [`POLICY_DOCUMENTS`].
pub(crate) const DOCUMENT_DIFFERENCES: &[&str] = &[
    "A CloudFormation `Statement` written as a single map (not a list), or a `PolicyDocument` without `Statement`, is judged; Checkov gives no verdict (its converter fails on them)",
    "Checkov keeps the policy it analysed for a block in a cache keyed by file and block name, so every later instance of a module gets the verdict of the first instance it could read; Deputy judges each instance on its own policy",
    "A `data \"aws_iam_policy_document\"` statement with a null `effect` allows, as Terraform reads it; Checkov skips it",
    "Unresolved values are judged in both bounds (the least and the most the policy can allow): a risk found in the least is reported even where Checkov, unable to read an unresolved action, gives no verdict",
];

/// Differences of the checks over [`POLICY_RESOURCES`].
pub(crate) const RESOURCE_DIFFERENCES: &[&str] = &[
    "Checkov keeps the policy it analysed for a block in a cache keyed by file and block name, so every later instance of a module gets the verdict of the first instance it could read; Deputy judges each instance on its own policy",
    "Unresolved values are judged in both bounds (the least and the most the policy can allow): a risk found in the least is reported even where Checkov, unable to read an unresolved action, gives no verdict",
];
