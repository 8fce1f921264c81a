//! DPY-AWS-RDS-005: Aurora cluster storage is not encrypted.
//!
//! # What it checks
//! `aws_rds_cluster` sets `storage_encrypted = true`, unless `engine_mode = "serverless"` (always
//! encrypted).
//! CloudFormation: the same setting in `AWS::RDS::DBCluster` (`StorageEncrypted`, `EngineMode`).
//!
//! # Why it matters
//! Unencrypted storage exposes the data, its backups and snapshots to anyone who obtains a
//! copy, outside the database's access controls.
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
//!   engine            = "aurora-mysql"
//!   storage_encrypted = true
//! }
//! ```
//!
//! # Remediation
//! Set `storage_encrypted = true` (encryption cannot be added later without a restore).
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html>

use super::aws::{must_be_true, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Framework, Resource, Value};

check!(ClusterStorageEncrypted {
    code: "DPY-AWS-RDS-005",
    checkov: ["CKV_AWS_96"],
    title: "Aurora cluster storage is not encrypted",
    severity: High,
    reason: "trivy-checks AWS-0079 (RDS cluster encryption) is High; KICS \"RDS Storage Not Encrypted\" and \"Aurora With Disabled at Rest Encryption\" are High",
    targets: [
        (Terraform, "aws_rds_cluster"),
        (CloudFormation, "AWS::RDS::DBCluster")
    ],
    description: "`aws_rds_cluster` sets `storage_encrypted = true`, unless `engine_mode = \"serverless\"` (always encrypted). CloudFormation: the same setting in `AWS::RDS::DBCluster` (`StorageEncrypted`, `EngineMode`).",
    remediation: "Set `storage_encrypted = true` (encryption cannot be added later without a restore).",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // A CloudFormation cluster restored from a snapshot or cloned from another cluster
    // inherits its encryption, which the template does not show.
    if r.framework == Framework::CloudFormation
        && ["SnapshotIdentifier", "SourceDBClusterIdentifier"]
            .iter()
            .any(|k| r.config.get("Properties").and_then(|p| p.get(k)).is_some())
    {
        return Verdict::Unknown;
    }
    // Aurora Serverless v1 clusters are always encrypted.
    if matches!(setting(r, "engine_mode", "EngineMode"), Some(Value::String(m)) if m == "serverless")
    {
        return Verdict::Pass;
    }
    verdict(
        must_be_true(setting(r, "storage_encrypted", "StorageEncrypted")),
        "the cluster's storage is not encrypted",
    )
}
