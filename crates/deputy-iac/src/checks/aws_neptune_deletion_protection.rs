//! DPY-AWS-NEPTUNE-007: Neptune cluster has no deletion protection.
//!
//! # What it checks
//! `aws_neptune_cluster` sets `deletion_protection = true`.
//!
//! # Why it matters
//! A cluster without deletion protection is destroyed by one mistaken `terraform destroy`,
//! replacement or API call, and its automated backups go with it.
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
//!   engine              = "neptune"
//!   deletion_protection = true
//! }
//! ```
//!
//! # Remediation
//! Set `deletion_protection = true` on clusters that hold data you need.
//!
//! # References
//! - <https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(NeptuneDeletionProtection {
    code: "DPY-AWS-NEPTUNE-007",
    checkov: ["CKV2_AWS_58"],
    title: "Neptune cluster has no deletion protection",
    severity: Medium,
    reason: "neither trivy-checks (whose Neptune checks are AWS-0075, AWS-0076 and AWS-0128) nor KICS has a Neptune equivalent; trivy-checks AWS-0343 (RDS cluster deletion protection) is Medium, followed as for DPY-AWS-RDS-001",
    targets: [(Terraform, "aws_neptune_cluster")],
    description: "`aws_neptune_cluster` sets `deletion_protection = true`.",
    remediation: "Set `deletion_protection = true` on clusters that hold data you need.",
    references: [
        "https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("deletion_protection")),
        "deletion protection is not enabled",
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
    fn deletion_protection_must_be_on() {
        assert_eq!(judge(r#"{"deletion_protection":true}"#), "pass");
        assert_eq!(judge(r#"{"deletion_protection":"TRUE"}"#), "pass");
        assert_eq!(judge(r#"{"deletion_protection":false}"#), "fail");
        assert_eq!(judge("{}"), "fail");
        assert_eq!(
            judge(r#"{"deletion_protection":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
