//! DPY-AWS-RS-001: Redshift cluster is not encrypted.
//!
//! # What it checks
//! `aws_redshift_cluster` sets `encrypted = true` (CloudFormation `Encrypted`).
//!
//! # Why it matters
//! An unencrypted warehouse exposes its data, snapshots and backups to anyone who obtains a
//! copy of the storage.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_redshift_cluster" "dw" {
//!   cluster_identifier = "dw"
//!   node_type          = "ra3.xlplus"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_redshift_cluster" "dw" {
//!   cluster_identifier = "dw"
//!   node_type          = "ra3.xlplus"
//!   encrypted          = true
//! }
//! ```
//!
//! # Remediation
//! Set `encrypted = true` (optionally with `kms_key_id`).
//!
//! # References
//! - <https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html>

use super::aws::{must_be_true, setting_at, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(RedshiftEncryption {
    code: "DPY-AWS-RS-001",
    checkov: ["CKV_AWS_64"],
    title: "Redshift cluster is not encrypted",
    severity: High,
    reason: "trivy-checks AWS-0084 (Redshift encryption at rest) is High; KICS \"Redshift Not Encrypted\" is High",
    targets: [
        (Terraform, "aws_redshift_cluster"),
        (CloudFormation, "AWS::Redshift::Cluster")
    ],
    description: "`aws_redshift_cluster` sets `encrypted = true` (CloudFormation `Encrypted`).",
    remediation: "Set `encrypted = true` (optionally with `kms_key_id`).",
    references: [
        "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(setting_at(r, "encrypted", "Encrypted")),
        "the cluster is not encrypted",
    )
}
