//! DPY-AWS-RDS-003: RDS cluster does not copy tags to snapshots.
//!
//! # What it checks
//! `aws_rds_cluster` sets `copy_tags_to_snapshot = true`.
//!
//! # Why it matters
//! Snapshots without the cluster's tags escape tag-based access policies, retention rules and
//! cost and data-classification reports.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_rds_cluster" "db" {
//!   engine = "aurora-mysql"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_rds_cluster" "db" {
//!   engine                = "aurora-mysql"
//!   copy_tags_to_snapshot = true
//! }
//! ```
//!
//! # Remediation
//! Set `copy_tags_to_snapshot = true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_Tagging.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ClusterCopyTags {
    code: "DPY-AWS-RDS-003",
    checkov: ["CKV_AWS_313"],
    title: "RDS cluster does not copy tags to snapshots",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; tags on snapshots carry ownership and data-classification controls, so Low",
    targets: [(Terraform, "aws_rds_cluster")],
    description: "`aws_rds_cluster` sets `copy_tags_to_snapshot = true`.",
    remediation: "Set `copy_tags_to_snapshot = true`.",
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_Tagging.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("copy_tags_to_snapshot")),
        "tags are not copied to snapshots",
    )
}
