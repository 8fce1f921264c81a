//! DPY-AWS-RDS-008: RDS cluster exports no logs to CloudWatch.
//!
//! # What it checks
//! `aws_rds_cluster` lists at least one log type in `enabled_cloudwatch_logs_exports`.
//!
//! # Why it matters
//! Database logs in CloudWatch are retained beyond the instance and can be searched and alarmed
//! on during an incident.
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
//! resource "aws_rds_cluster" "db" {
//!   engine                          = "aurora-postgresql"
//!   enabled_cloudwatch_logs_exports = ["postgresql"]
//! }
//! ```
//!
//! # Remediation
//! Export the engine's logs with `enabled_cloudwatch_logs_exports`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_LogAccess.html>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ClusterLogging {
    code: "DPY-AWS-RDS-008",
    checkov: ["CKV_AWS_324"],
    title: "RDS cluster exports no logs to CloudWatch",
    severity: Medium,
    reason: "KICS \"RDS Without Logging\" is Medium; trivy-checks has no RDS logging check and rates log exports of other databases (AWS-0020 DocumentDB, AWS-0075 Neptune) Medium",
    targets: [(Terraform, "aws_rds_cluster")],
    description: "`aws_rds_cluster` lists at least one log type in `enabled_cloudwatch_logs_exports`.",
    remediation: "Export the engine's logs with `enabled_cloudwatch_logs_exports`.",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_LogAccess.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("enabled_cloudwatch_logs_exports")),
        "no logs are exported to CloudWatch",
    )
}
