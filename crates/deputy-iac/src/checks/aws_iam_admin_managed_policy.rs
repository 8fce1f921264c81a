//! DPY-AWS-IAM-005: AWS AdministratorAccess policy is attached.
//!
//! # What it checks
//! No role (`managed_policy_arns`), policy attachment (`policy_arn`) or SSO permission-set
//! attachment (`managed_policy_arn`) uses `arn:aws:iam::aws:policy/AdministratorAccess`.
//!
//! # Why it matters
//! AdministratorAccess allows every action on every resource; whoever can use the role,
//! user or group controls the account, including its logs and its other identities.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_role_policy_attachment" "ci" {
//!   role       = aws_iam_role.ci.name
//!   policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_role_policy_attachment" "ci" {
//!   role       = aws_iam_role.ci.name
//!   policy_arn = aws_iam_policy.ci_deploy.arn
//! }
//! ```
//!
//! # Remediation
//! Attach a policy scoped to the actions and resources the principal needs; keep
//! AdministratorAccess for break-glass roles with MFA.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html>
//! - <https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(AdminManagedPolicy {
    code: "DPY-AWS-IAM-005",
    checkov: ["CKV_AWS_274"],
    title: "AWS AdministratorAccess policy is attached",
    severity: High,
    reason: "KICS \"IAM Policy Grants Full Permissions\" ('*' on '*') is High, and AdministratorAccess is exactly that; trivy-checks' policy wildcard check (AWS-0057, High) is deprecated",
    targets: [
        (Terraform, "aws_iam_role"),
        (Terraform, "aws_iam_policy_attachment"),
        (Terraform, "aws_iam_role_policy_attachment"),
        (Terraform, "aws_iam_user_policy_attachment"),
        (Terraform, "aws_iam_group_policy_attachment"),
        (Terraform, "aws_ssoadmin_managed_policy_attachment")
    ],
    description: "No role (`managed_policy_arns`), policy attachment (`policy_arn`) or SSO permission-set attachment (`managed_policy_arn`) uses `arn:aws:iam::aws:policy/AdministratorAccess`.",
    remediation: "Attach a policy scoped to the actions and resources the principal needs; keep AdministratorAccess for break-glass roles with MFA.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",
        "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html"
    ],
    differences: [
        "Attachments created with `for_each` over a map of policy ARNs are judged per instance once the map resolves; Checkov leaves such values unresolved and passes them"
    ],
});

const ADMIN: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let key = match r.kind.as_str() {
        "aws_iam_role" => "managed_policy_arns",
        "aws_ssoadmin_managed_policy_attachment" => "managed_policy_arn",
        _ => "policy_arn",
    };
    let ok = match r.config.get(key) {
        None | Some(Value::Null) => Truth::True,
        Some(v) => {
            let mut ok = Truth::True;
            for arn in v.items() {
                match arn {
                    Value::String(s) if s == ADMIN => {
                        ok = Truth::False;
                        break;
                    }
                    Value::Unknown(_) => ok = Truth::Unknown,
                    _ => {}
                }
            }
            ok
        }
    };
    verdict(ok, "the AWS AdministratorAccess policy is attached")
}
