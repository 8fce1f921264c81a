//! DPY-AWS-IAM-028: IAM group membership names no IAM user or group of the configuration.
//!
//! # What it checks
//! Every `aws_iam_group_membership` refers to an `aws_iam_user` (in `users`) and to an
//! `aws_iam_group` (in `group`) declared in the same configuration, so the users it adds
//! to the group are managed there too.
//!
//! # Why it matters
//! Permissions should reach users through groups. A membership that names no managed user
//! (an empty list, or names typed as text) leaves users outside any group, holding their
//! permissions directly or not at all, and the membership cannot be reviewed with them.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_group_membership" "ops" {
//!   name  = "ops"
//!   users = []
//!   group = aws_iam_group.ops.name
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_iam_group_membership" "ops" {
//!   name  = "ops"
//!   users = [aws_iam_user.alice.name]
//!   group = aws_iam_group.ops.name
//! }
//! ```
//!
//! # Remediation
//! Reference the `aws_iam_user` and `aws_iam_group` resources in the membership, and grant
//! permissions through the group.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html>
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_group_membership>

use super::aws::refers_to_kind;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GroupMembershipUser {
    code: "DPY-AWS-IAM-028",
    checkov: ["CKV2_AWS_21"],
    title: "IAM group membership names no IAM user or group of the configuration",
    severity: Low,
    reason: "CIS AWS 1.15 (permissions through groups) is a hygiene control; trivy-checks and KICS have no equivalent",
    targets: [(Terraform, "aws_iam_group_membership")],
    description: "Every `aws_iam_group_membership` refers to an `aws_iam_user` (in `users`) and to an `aws_iam_group` (in `group`) declared in the same configuration, so the users it adds to the group are managed there too.",
    remediation: "Reference the `aws_iam_user` and `aws_iam_group` resources in the membership, and grant permissions through the group.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_group_membership"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if !refers_to_kind(cx, r, "users", "aws_iam_user") {
        Verdict::fail("`users` refers to no `aws_iam_user` of the configuration")
    } else if !refers_to_kind(cx, r, "group", "aws_iam_group") {
        Verdict::fail("`group` refers to no `aws_iam_group` of the configuration")
    } else {
        Verdict::Pass
    }
}
