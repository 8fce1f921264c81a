//! DPY-AWS-RDS-001: RDS cluster has no deletion protection.
//!
//! # What it checks
//! `aws_rds_cluster` sets `deletion_protection = true`.
//!
//! # Why it matters
//! A cluster without deletion protection is destroyed by one mistaken `terraform destroy`,
//! replacement or API call, with its automated backups.
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
//!   engine              = "aurora-mysql"
//!   deletion_protection = true
//! }
//! ```
//!
//! # Remediation
//! Set `deletion_protection = true` on production clusters.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DeleteCluster.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ClusterDeletionProtection {
    code: "DPY-AWS-RDS-001",
    checkov: ["CKV_AWS_139"],
    title: "RDS cluster has no deletion protection",
    severity: Medium,
    reason: "trivy-checks AWS-0343 (RDS cluster deletion protection) is Medium; KICS has no equivalent",
    targets: [(Terraform, "aws_rds_cluster")],
    description: "`aws_rds_cluster` sets `deletion_protection = true`.",
    remediation: "Set `deletion_protection = true` on production clusters.",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DeleteCluster.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("deletion_protection")),
        "deletion protection is not enabled",
    )
}
