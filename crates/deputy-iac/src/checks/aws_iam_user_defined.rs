//! DPY-AWS-IAM-006: Access is granted through an IAM user instead of SSO.
//!
//! # What it checks
//! Reports every `aws_iam_user`: people should sign in through IAM Identity Center (SSO) or
//! another identity provider, and workloads should use roles.
//!
//! # Why it matters
//! IAM users carry long-lived passwords and access keys that leak, are rarely rotated and
//! survive the person leaving; federated access is temporary and centrally revoked.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_user" "alice" {
//!   name = "alice"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_ssoadmin_account_assignment" "alice" {
//!   instance_arn       = local.sso_instance_arn
//!   permission_set_arn = aws_ssoadmin_permission_set.dev.arn
//!   principal_id       = local.alice_id
//!   principal_type     = "USER"
//!   target_id          = local.account_id
//!   target_type        = "AWS_ACCOUNT"
//! }
//! ```
//!
//! # Remediation
//! Give people access through IAM Identity Center permission sets and workloads through
//! roles; suppress this check for the few technical users that cannot be avoided.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html>
//! - <https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html>

use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(IamUserDefined {
    code: "DPY-AWS-IAM-006",
    checkov: ["CKV_AWS_273"],
    title: "Access is granted through an IAM user instead of SSO",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; a governance recommendation (AWS prefers federation), so Low",
    targets: [(Terraform, "aws_iam_user")],
    description: "Reports every `aws_iam_user`: people should sign in through IAM Identity Center (SSO) or another identity provider, and workloads should use roles.",
    remediation: "Give people access through IAM Identity Center permission sets and workloads through roles; suppress this check for the few technical users that cannot be avoided.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",
        "https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html"
    ],
    differences: [],
});

fn evaluate(_r: &Resource, _cx: &Cx<'_>) -> Verdict {
    Verdict::fail("an IAM user is defined; use SSO or roles instead")
}
