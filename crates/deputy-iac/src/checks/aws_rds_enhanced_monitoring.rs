//! DPY-AWS-RDS-013: RDS instance has no enhanced monitoring.
//!
//! # What it checks
//! `aws_db_instance` and `aws_rds_cluster_instance` set `monitoring_interval` to 1, 5, 10, 15, 30
//! or 60 seconds.
//! CloudFormation: the same setting in `AWS::RDS::DBInstance` (`MonitoringInterval`).
//!
//! # Why it matters
//! Enhanced monitoring shows operating-system metrics per process, which show resource
//! exhaustion and abuse that database metrics miss.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine = "postgres"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine              = "postgres"
//!   monitoring_interval = 60
//!   monitoring_role_arn = aws_iam_role.rds_monitoring.arn
//! }
//! ```
//!
//! # Remediation
//! Set `monitoring_interval` and a `monitoring_role_arn`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html>

use super::aws::{number_where, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(EnhancedMonitoring {
    code: "DPY-AWS-RDS-013",
    checkov: ["CKV_AWS_118"],
    title: "RDS instance has no enhanced monitoring",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; enhanced monitoring is an observability measure, so Low",
    targets: [
        (Terraform, "aws_db_instance"),
        (Terraform, "aws_rds_cluster_instance"),
        (CloudFormation, "AWS::RDS::DBInstance")
    ],
    description: "`aws_db_instance` and `aws_rds_cluster_instance` set `monitoring_interval` to 1, 5, 10, 15, 30 or 60 seconds. CloudFormation: the same setting in `AWS::RDS::DBInstance` (`MonitoringInterval`).",
    remediation: "Set `monitoring_interval` and a `monitoring_role_arn`.",
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html"],
    differences: [
        "A `monitoring_interval` written as a string (`\"5\"`) is read as the number Terraform converts it to; Checkov fails it"
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        number_where(
            setting(r, "monitoring_interval", "MonitoringInterval"),
            |n| [1.0, 5.0, 10.0, 15.0, 30.0, 60.0].contains(&n),
        ),
        "enhanced monitoring is not enabled",
    )
}
