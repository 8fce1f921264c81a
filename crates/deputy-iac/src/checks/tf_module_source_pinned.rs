//! DPY-TF-001: Terraform module source is not pinned to a commit hash.
//!
//! # What it checks
//! Every `module` call whose source is not a local path (`./`, `../`) pins a commit hash with
//! `?ref=<hash>` (5 to 40 hexadecimal digits).
//!
//! # Why it matters
//! A branch, tag or registry version can be moved or republished, so the code Terraform runs
//! with your credentials can change without a change in your repository.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! module "vpc" {
//!   source = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.0.0"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! module "vpc" {
//!   source = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=26c38a66f12e7c6c93b6a2ba127ad68981a48671"
//! }
//! ```
//!
//! # Remediation
//! Reference module sources by commit hash (`?ref=<sha>`), and update the hash deliberately.
//!
//! # References
//! - <https://developer.hashicorp.com/terraform/language/modules/sources#selecting-a-revision>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(ModuleSourcePinned {
    code: "DPY-TF-001",
    checkov: ["CKV_TF_1"],
    title: "Terraform module source is not pinned to a commit hash",
    severity: Low,
    reason: "KICS \"Generic Git Module Without Revision\" is Info; trivy-checks has no equivalent. Low rather than Info: this check also flags tags and branches, which can be moved to other code",
    targets: [(Terraform, "module")],
    description: "Every `module` call whose source is not a local path (`./`, `../`) pins a commit hash with `?ref=<hash>` (5 to 40 hexadecimal digits).",
    remediation: "Reference module sources by commit hash (`?ref=<sha>`), and update the hash deliberately.",
    references: [
        "https://developer.hashicorp.com/terraform/language/modules/sources#selecting-a-revision"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let ok = match r.config.get("source") {
        Some(Value::String(s)) if s.starts_with("./") || s.starts_with("../") => {
            return Verdict::Unknown;
        }
        Some(Value::String(s)) => pinned(s),
        Some(Value::Unknown(_)) => Truth::Unknown,
        _ => Truth::False,
    };
    verdict(ok, "the module source is not pinned to a commit hash")
}

/// Whether some `?ref=` in the source is followed by 5 to 40 lowercase hexadecimal digits
/// (a commit hash, possibly abbreviated).
fn pinned(source: &str) -> Truth {
    let found = source.match_indices("?ref=").any(|(i, m)| {
        let rest = &source[i + m.len()..];
        let hex = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            .count();
        hex >= 5
    });
    if found { Truth::True } else { Truth::False }
}
