//! DPY-AWS-RDS-006: RDS cluster does not export audit logs.
//!
//! # What it checks
//! MySQL-compatible `aws_rds_cluster`s (`aurora`, `aurora-mysql`, `mysql`, or no engine given) list
//! `audit` in `enabled_cloudwatch_logs_exports`; other engines get no verdict.
//!
//! # Why it matters
//! Audit logs record who connected and what they ran; without them a breach or insider misuse
//! cannot be reconstructed.
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
//!   engine                          = "aurora-mysql"
//!   enabled_cloudwatch_logs_exports = ["audit", "error"]
//! }
//! ```
//!
//! # Remediation
//! Add `audit` to `enabled_cloudwatch_logs_exports` (and enable the audit plugin in the
//! cluster parameter group).
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Auditing.html>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(ClusterAuditLogging {
    code: "DPY-AWS-RDS-006",
    checkov: ["CKV_AWS_325"],
    title: "RDS cluster does not export audit logs",
    severity: Medium,
    reason: "KICS \"RDS Without Logging\" is Medium; trivy-checks has no RDS logging check and rates log exports of other databases (AWS-0020 DocumentDB, AWS-0075 Neptune) Medium",
    targets: [(Terraform, "aws_rds_cluster")],
    description: "MySQL-compatible `aws_rds_cluster`s (`aurora`, `aurora-mysql`, `mysql`, or no engine given) list `audit` in `enabled_cloudwatch_logs_exports`; other engines get no verdict.",
    remediation: "Add `audit` to `enabled_cloudwatch_logs_exports` (and enable the audit plugin in the cluster parameter group).",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Auditing.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // The setting exists only for aurora, aurora-mysql, mysql; other engines get no verdict.
    if let Some(Value::String(engine)) = r.config.get("engine")
        && !["aurora", "aurora-mysql", "mysql"].contains(&engine.as_str())
    {
        return Verdict::Unknown;
    }
    verdict(
        has_audit(r.config.get("enabled_cloudwatch_logs_exports")),
        "audit logs are not exported",
    )
}
/// Whether the exported log types include `audit`.
fn has_audit(exports: Option<&Value>) -> Truth {
    match exports {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) => {
            let mut answer = Truth::False;
            for item in v.items() {
                match item {
                    Value::String(s) if s == "audit" => return Truth::True,
                    Value::Unknown(_) => answer = Truth::Unknown,
                    _ => {}
                }
            }
            answer
        }
    }
}
