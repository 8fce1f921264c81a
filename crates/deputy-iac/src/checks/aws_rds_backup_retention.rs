//! DPY-AWS-RDS-017: RDS backups are disabled.
//!
//! # What it checks
//! `aws_rds_cluster` and `aws_db_instance` do not set `backup_retention_period` outside 1–35 days
//! (0 disables backups; the default of 1 day passes).
//!
//! # Why it matters
//! Without automated backups there is no point-in-time recovery after corruption, a bad
//! migration or ransomware.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_rds_cluster" "db" {
//!   engine                  = "postgres"
//!   backup_retention_period = 0
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_rds_cluster" "db" {
//!   engine                  = "postgres"
//!   backup_retention_period = 7
//! }
//! ```
//!
//! # Remediation
//! Set `backup_retention_period` to at least 7 days.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html>

use super::aws::{number_where, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(BackupRetention {
    code: "DPY-AWS-RDS-017",
    checkov: ["CKV_AWS_133"],
    title: "RDS backups are disabled",
    severity: Medium,
    reason: "trivy-checks AWS-0077 (RDS backup retention) is Medium; KICS \"RDS With Backup Disabled\" and \"RDS Cluster With Backup Disabled\" are Medium",
    targets: [
        (Terraform, "aws_rds_cluster"),
        (Terraform, "aws_db_instance")
    ],
    description: "`aws_rds_cluster` and `aws_db_instance` do not set `backup_retention_period` outside 1–35 days (0 disables backups; the default of 1 day passes).",
    remediation: "Set `backup_retention_period` to at least 7 days.",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        backups(r.config.get("backup_retention_period")),
        "automated backups are disabled",
    )
}
/// A retention period of 1 to 35 days, or none given (AWS defaults to 1 day).
fn backups(v: Option<&Value>) -> Truth {
    match v {
        None | Some(Value::Null) => Truth::True,
        v => number_where(v, |n| (1.0..=35.0).contains(&n)),
    }
}
