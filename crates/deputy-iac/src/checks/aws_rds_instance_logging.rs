//! DPY-AWS-RDS-015: RDS instance exports no logs to CloudWatch.
//!
//! # What it checks
//! `aws_db_instance` lists at least one log type in `enabled_cloudwatch_logs_exports`.
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
//! resource "aws_db_instance" "db" {
//!   engine = "postgres"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine                          = "postgres"
//!   enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
//! }
//! ```
//!
//! # Remediation
//! Export the engine's logs with `enabled_cloudwatch_logs_exports`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(InstanceLogging {
    code: "DPY-AWS-RDS-015",
    checkov: ["CKV_AWS_129"],
    title: "RDS instance exports no logs to CloudWatch",
    severity: Medium,
    reason: "KICS \"RDS Without Logging\" is Medium; trivy-checks has no RDS logging check and rates log exports of other databases (AWS-0020 DocumentDB, AWS-0075 Neptune) Medium",
    targets: [(Terraform, "aws_db_instance")],
    description: "`aws_db_instance` lists at least one log type in `enabled_cloudwatch_logs_exports`.",
    remediation: "Export the engine's logs with `enabled_cloudwatch_logs_exports`.",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("enabled_cloudwatch_logs_exports")),
        "no logs are exported to CloudWatch",
    )
}
