//! DPY-AWS-IAM-004: IAM policy is attached directly to a user.
//!
//! # What it checks
//! No `aws_iam_user_policy` or `aws_iam_user_policy_attachment` exists, and `aws_iam_policy_attachment`
//! names no `users`; CloudFormation `AWS::IAM::Policy` names no `Users`.
//!
//! # Why it matters
//! Permissions granted user by user drift apart and are hard to review or revoke; granting
//! them through groups or roles keeps access consistent and auditable.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_user_policy_attachment" "alice" {
//!   user       = aws_iam_user.alice.name
//!   policy_arn = aws_iam_policy.deploy.arn
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_group_policy_attachment" "deployers" {
//!   group      = aws_iam_group.deployers.name
//!   policy_arn = aws_iam_policy.deploy.arn
//! }
//! ```
//!
//! # Remediation
//! Attach policies to groups (or roles assumed through SSO) and add users to the groups.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(PolicyOnUser {
    code: "DPY-AWS-IAM-004",
    checkov: ["CKV_AWS_40"],
    title: "IAM policy is attached directly to a user",
    severity: Low,
    reason: "trivy-checks AWS-0143 (no user-attached policies) is Low; KICS \"IAM Policies Attached To User\" is Medium. Low, as trivy: it is a management practice, and the permissions themselves are judged by other checks",
    targets: [
        (Terraform, "aws_iam_user_policy_attachment"),
        (Terraform, "aws_iam_user_policy"),
        (Terraform, "aws_iam_policy_attachment"),
        (CloudFormation, "AWS::IAM::Policy")
    ],
    description: "No `aws_iam_user_policy` or `aws_iam_user_policy_attachment` exists, and `aws_iam_policy_attachment` names no `users`; CloudFormation `AWS::IAM::Policy` names no `Users`.",
    remediation: "Attach policies to groups (or roles assumed through SSO) and add users to the groups.",
    references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"],
    differences: [
        "A user given by reference (`user = aws_iam_user.u.name`) is a user whatever its name resolves to, so Deputy reports it; Checkov gives no verdict for unresolved values"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let value = match r.kind.as_str() {
        "AWS::IAM::Policy" => r.config.path("Properties.Users"),
        "aws_iam_policy_attachment" => r.config.get("users"),
        _ => r.config.get("user"),
    };
    match value {
        None | Some(Value::Null) => Verdict::Pass,
        Some(Value::List(l)) if l.is_empty() => Verdict::Pass,
        Some(_) => Verdict::fail("the policy is attached directly to a user"),
    }
}
