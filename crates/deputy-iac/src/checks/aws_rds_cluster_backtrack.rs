//! DPY-AWS-RDS-007: Aurora MySQL cluster has no backtracking.
//!
//! # What it checks
//! Aurora MySQL `aws_rds_cluster`s (`aurora`, `aurora-mysql`, or no engine given) set a non-zero
//! `backtrack_window`; other engines get no verdict.
//!
//! # Why it matters
//! Backtracking rewinds the cluster to a point in time in minutes, without a restore, after a
//! bad migration or a destructive statement.
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
//!   engine           = "aurora-mysql"
//!   backtrack_window = 86400
//! }
//! ```
//!
//! # Remediation
//! Set `backtrack_window` (in seconds, up to 72 hours).
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html>

use super::aws::{number_where, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(ClusterBacktrack {
    code: "DPY-AWS-RDS-007",
    checkov: ["CKV_AWS_326"],
    title: "Aurora MySQL cluster has no backtracking",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; backtracking is a recovery convenience, not an exposure, so Low",
    targets: [(Terraform, "aws_rds_cluster")],
    description: "Aurora MySQL `aws_rds_cluster`s (`aurora`, `aurora-mysql`, or no engine given) set a non-zero `backtrack_window`; other engines get no verdict.",
    remediation: "Set `backtrack_window` (in seconds, up to 72 hours).",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // The setting exists only for aurora, aurora-mysql; other engines get no verdict.
    if let Some(Value::String(engine)) = r.config.get("engine")
        && !["aurora", "aurora-mysql"].contains(&engine.as_str())
    {
        return Verdict::Unknown;
    }
    verdict(
        number_where(r.config.get("backtrack_window"), |n| n != 0.0),
        "backtracking is not enabled",
    )
}
