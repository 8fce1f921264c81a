//! DPY-AWS-IAM-007: IAM user has console access.
//!
//! # What it checks
//! No `aws_iam_user_login_profile` refers to the `aws_iam_user`.
//!
//! # Why it matters
//! A login profile gives the user a console password: a long-lived, phishable credential
//! outside the identity provider's MFA and offboarding.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_user" "alice" {
//!   name = "alice"
//! }
//!
//! resource "aws_iam_user_login_profile" "alice" {
//!   user = aws_iam_user.alice.name
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_user" "deploy" {
//!   name = "deploy"
//! }
//! ```
//!
//! # Remediation
//! Remove the login profile; give people console access through IAM Identity Center.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html>

use super::aws::connected;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(UserConsoleAccess {
    code: "DPY-AWS-IAM-007",
    checkov: ["CKV2_AWS_22"],
    title: "IAM user has console access",
    severity: Medium,
    reason: "KICS \"IAM User With Access To Console\" is Medium; trivy-checks has no equivalent",
    targets: [(Terraform, "aws_iam_user")],
    description: "No `aws_iam_user_login_profile` refers to the `aws_iam_user`.",
    remediation: "Remove the login profile; give people console access through IAM Identity Center.",
    references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if connected(cx, r, "aws_iam_user_login_profile")
        .next()
        .is_some()
    {
        Verdict::fail("a login profile gives the user console access")
    } else {
        Verdict::Pass
    }
}
