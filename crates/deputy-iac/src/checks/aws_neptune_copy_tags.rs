//! DPY-AWS-NEPTUNE-005: Neptune cluster does not copy tags to snapshots.
//!
//! # What it checks
//! `aws_neptune_cluster` sets `copy_tags_to_snapshot = true`.
//!
//! # Why it matters
//! Snapshots that do not carry the cluster's tags escape tag-based access policies,
//! retention rules and cost and data-classification reports.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine = "neptune"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine                = "neptune"
//!   copy_tags_to_snapshot = true
//! }
//! ```
//!
//! # Remediation
//! Set `copy_tags_to_snapshot = true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(NeptuneCopyTags {
    code: "DPY-AWS-NEPTUNE-005",
    checkov: ["CKV_AWS_362"],
    title: "Neptune cluster does not copy tags to snapshots",
    severity: Low,
    reason: "neither trivy-checks (whose Neptune checks are AWS-0075, AWS-0076 and AWS-0128) nor KICS has an equivalent; tags on snapshots carry ownership and data-classification controls, so Low, as DPY-AWS-RDS-003",
    targets: [(Terraform, "aws_neptune_cluster")],
    description: "`aws_neptune_cluster` sets `copy_tags_to_snapshot = true`.",
    remediation: "Set `copy_tags_to_snapshot = true`.",
    references: ["https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("copy_tags_to_snapshot")),
        "tags are not copied to snapshots",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(config: &str) -> &'static str {
        let r = resource("aws_neptune_cluster", config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn tags_must_be_copied() {
        assert_eq!(judge(r#"{"copy_tags_to_snapshot":true}"#), "pass");
        assert_eq!(judge(r#"{"copy_tags_to_snapshot":false}"#), "fail");
        assert_eq!(judge("{}"), "fail");
        assert_eq!(
            judge(r#"{"copy_tags_to_snapshot":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
