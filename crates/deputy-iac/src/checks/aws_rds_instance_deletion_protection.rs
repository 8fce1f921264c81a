//! DPY-AWS-RDS-011: RDS instance has no deletion protection.
//!
//! # What it checks
//! `aws_db_instance` sets `deletion_protection = true`.
//!
//! # Why it matters
//! An instance without deletion protection is destroyed by one mistaken `terraform destroy`
//! or API call.
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
//!   deletion_protection = true
//! }
//! ```
//!
//! # Remediation
//! Set `deletion_protection = true` on production instances.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(InstanceDeletionProtection {
    code: "DPY-AWS-RDS-011",
    checkov: ["CKV_AWS_293"],
    title: "RDS instance has no deletion protection",
    severity: Medium,
    reason: "trivy-checks AWS-0177 (RDS deletion protection) is Medium; KICS has no equivalent",
    targets: [(Terraform, "aws_db_instance")],
    description: "`aws_db_instance` sets `deletion_protection = true`.",
    remediation: "Set `deletion_protection = true` on production instances.",
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(r.config.get("deletion_protection")),
        "deletion protection is not enabled",
    )
}
