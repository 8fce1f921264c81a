//! DPY-AWS-RDS-018: RDS cluster is not in an AWS Backup plan.
//!
//! # What it checks
//! An `aws_backup_selection` refers to the `aws_rds_cluster` (for example in its `resources`).
//!
//! # Why it matters
//! AWS Backup keeps copies beyond the cluster's retention window, in a vault that can be
//! locked and copied to another account, so a deleted or compromised cluster can be recovered.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_rds_cluster" "db" {
//!   engine = "aurora-postgresql"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_backup_selection" "db" {
//!   name         = "db"
//!   plan_id      = aws_backup_plan.daily.id
//!   iam_role_arn = aws_iam_role.backup.arn
//!   resources    = [aws_rds_cluster.db.arn]
//! }
//! ```
//!
//! # Remediation
//! Add the cluster to an `aws_backup_selection` of a backup plan.
//!
//! # References
//! - <https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html>

use super::aws::connected;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ClusterBackupPlan {
    code: "DPY-AWS-RDS-018",
    checkov: ["CKV2_AWS_8"],
    title: "RDS cluster is not in an AWS Backup plan",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; RDS keeps its own automated backups, so Low",
    targets: [(Terraform, "aws_rds_cluster")],
    description: "An `aws_backup_selection` refers to the `aws_rds_cluster` (for example in its `resources`).",
    remediation: "Add the cluster to an `aws_backup_selection` of a backup plan.",
    references: ["https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if connected(cx, r, "aws_backup_selection").next().is_some() {
        Verdict::Pass
    } else {
        Verdict::fail("no AWS Backup selection includes the cluster")
    }
}
