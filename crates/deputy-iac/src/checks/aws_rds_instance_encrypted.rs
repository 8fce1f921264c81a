//! DPY-AWS-RDS-009: RDS instance storage is not encrypted.
//!
//! # What it checks
//! `aws_db_instance` sets `storage_encrypted = true`.
//! CloudFormation: the same setting in `AWS::RDS::DBInstance` (`StorageEncrypted`).
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

use super::aws::{must_be_true, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Value};

check!(InstanceEncrypted {
    code: "DPY-AWS-RDS-009",
    checkov: ["CKV_AWS_16"],
    title: "RDS instance storage is not encrypted",
    severity: High,
    reason: "trivy-checks AWS-0080 (RDS instance encryption) is High; KICS \"DB Instance Storage Not Encrypted\" is High",
    targets: [
        (Terraform, "aws_db_instance"),
        (CloudFormation, "AWS::RDS::DBInstance")
    ],
    description: "`aws_db_instance` sets `storage_encrypted = true`. CloudFormation: the same setting in `AWS::RDS::DBInstance` (`StorageEncrypted`).",
    remediation: "Set `storage_encrypted = true` (encryption cannot be added later without a restore).",
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"],
    differences: [
        "`storage_encrypted = False` (capitalized) is not a Terraform boolean (Terraform rejects it as an invalid reference) and gives no verdict; Checkov's parser reads it as false"
    ],
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
        must_be_true(setting(r, "storage_encrypted", "StorageEncrypted")),
        "the instance's storage is not encrypted",
    )
}
