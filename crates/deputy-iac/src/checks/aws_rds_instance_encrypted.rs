//! DPY-AWS-RDS-009: RDS instance storage is not encrypted.
//!
//! # What it checks
//! `aws_db_instance` sets `storage_encrypted = true`.
//!
//! # Why it matters
//! Unencrypted storage exposes the data, its backups and snapshots to anyone who obtains a
//! copy.
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
//!   engine            = "postgres"
//!   storage_encrypted = true
//! }
//! ```
//!
//! # Remediation
//! Set `storage_encrypted = true` (encryption cannot be added later without a restore).
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(InstanceEncrypted {
    code: "DPY-AWS-RDS-009",
    checkov: ["CKV_AWS_16"],
    title: "RDS instance storage is not encrypted",
    severity: High,
    reason: "trivy-checks rates unencrypted RDS instance storage High",
    targets: [
        (Terraform, "aws_db_instance")
    ],
    description: "`aws_db_instance` sets `storage_encrypted = true`.",
    remediation: "Set `storage_encrypted = true` (encryption cannot be added later without a restore).",
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(must_be_true(r.config.get("storage_encrypted")), "the instance's storage is not encrypted")
}
