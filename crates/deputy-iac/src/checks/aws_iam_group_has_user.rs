//! DPY-AWS-IAM-029: IAM group membership adds no IAM user to its group.
//!
//! # What it checks
//! Every `aws_iam_group_membership` sets `users`, refers there to at least one
//! `aws_iam_user` of the configuration, and refers in `group` to an `aws_iam_group` of the
//! configuration.
//!
//! # Why it matters
//! A group without members grants nothing to anyone: its policies are dead weight that
//! still has to be reviewed, and users meant to be in it hold their permissions some
//! other way.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_iam_group_membership" "ops" {
//!   name  = "ops"
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
//! Add the group's users to the membership by reference, or remove the unused group.
//!
//! # References
//! - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html>
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_group_membership>

use super::aws::refers_to_kind;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(GroupHasUser {
    code: "DPY-AWS-IAM-029",
    checkov: ["CKV2_AWS_14"],
    title: "IAM group membership adds no IAM user to its group",
    severity: Low,
    reason: "an empty group grants nothing; a hygiene finding, which trivy-checks and KICS do not rate",
    targets: [(Terraform, "aws_iam_group_membership")],
    description: "Every `aws_iam_group_membership` sets `users`, refers there to at least one `aws_iam_user` of the configuration, and refers in `group` to an `aws_iam_group` of the configuration.",
    remediation: "Add the group's users to the membership by reference, or remove the unused group.",
    references: [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_group_membership"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if r.config.get("users").is_none() {
        Verdict::fail("`users` is not set")
    } else if !refers_to_kind(cx, r, "users", "aws_iam_user") {
        Verdict::fail("`users` refers to no `aws_iam_user` of the configuration")
    } else if !refers_to_kind(cx, r, "group", "aws_iam_group") {
        Verdict::fail("`group` refers to no `aws_iam_group` of the configuration")
    } else {
        Verdict::Pass
    }
}
