//! DPY-AWS-RDS-012: RDS instance is not Multi-AZ.
//!
//! # What it checks
//! `aws_db_instance` sets `multi_az = true`.
//! CloudFormation: the same setting in `AWS::RDS::DBInstance` (`MultiAZ`).
//!
//! # Why it matters
//! A single-AZ instance is down for the length of an availability-zone outage or host failure.
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
//!   engine   = "postgres"
//!   multi_az = true
//! }
//! ```
//!
//! # Remediation
//! Set `multi_az = true` for production databases.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html>

use super::aws::{must_be_true, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Value};

check!(InstanceMultiAz {
    code: "DPY-AWS-RDS-012",
    checkov: ["CKV_AWS_157"],
    title: "RDS instance is not Multi-AZ",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an equivalent; Multi-AZ is an availability measure, so Low",
    targets: [
        (Terraform, "aws_db_instance"),
        (CloudFormation, "AWS::RDS::DBInstance")
    ],
    description: "`aws_db_instance` sets `multi_az = true`. CloudFormation: the same setting in `AWS::RDS::DBInstance` (`MultiAZ`).",
    remediation: "Set `multi_az = true` for production databases.",
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // Aurora instances take their encryption and replication from the cluster; Checkov
    // gives CloudFormation ones no verdict.
    if r.framework == Framework::CloudFormation
        && matches!(r.config.path("Properties.Engine"), Some(Value::String(e)) if e.contains("aurora"))
    {
        return Verdict::Unknown;
    }
    verdict(
        must_be_true(setting(r, "multi_az", "MultiAZ")),
        "the instance is not Multi-AZ",
    )
}
