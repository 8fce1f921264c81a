//! DPY-AWS-IAM-003: IAM policy document grants full administrator rights ("*" on "*").
//!
//! # What it checks
//! `data "aws_iam_policy_document"` blocks have no `Allow` statement (the default effect) whose
//! `actions` and `resources` both include `*`.
//!
//! # Why it matters
//! A document granting `*` on `*` becomes an administrator policy wherever it is attached: the
//! holder can do anything in the account, including granting themselves more.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! data "aws_iam_policy_document" "ops" {
//!   statement {
//!     actions   = ["*"]
//!     resources = ["*"]
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! data "aws_iam_policy_document" "ops" {
//!   statement {
//!     actions   = ["ec2:DescribeInstances"]
//!     resources = ["*"]
//!   }
//! }
//! ```
//!
//! # Remediation
//! Grant only the actions and resources the principal needs; keep administrator access to a
//! few break-glass roles protected by MFA.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document>

use super::aws::policy::{Document, allows_admin};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(DocumentFullAdmin {
    code: "DPY-AWS-IAM-003",
    checkov: ["CKV_AWS_1"],
    title: "IAM policy document grants full administrator rights (\"*\" on \"*\")",
    severity: High,
    reason: "KICS \"IAM Policy Grants Full Permissions\" ('*' on '*') is High and \"IAM Policies With Full Privileges\" Medium; trivy-checks AWS-0057 (policy wildcards, High) is deprecated. High, as the first KICS query, which matches this check: the grant is the whole account",
    targets: [(Terraform, "data.aws_iam_policy_document")],
    description: "`data \"aws_iam_policy_document\"` blocks have no `Allow` statement (the default effect) whose `actions` and `resources` both include `*`.",
    remediation: "Grant only the actions and resources the principal needs; keep administrator access to a few break-glass roles protected by MFA.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match Document::from_data(&r.config).any(allows_admin) {
        Truth::True => Verdict::fail("a statement allows `*` actions on `*` resources"),
        Truth::False => Verdict::Pass,
        Truth::Unknown => Verdict::Unknown,
    }
}
