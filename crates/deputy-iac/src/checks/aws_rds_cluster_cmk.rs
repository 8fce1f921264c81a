//! DPY-AWS-RDS-004: RDS cluster is not encrypted with a customer-managed KMS key.
//!
//! # What it checks
//! `aws_rds_cluster` sets `kms_key_id`.
//!
//! # Why it matters
//! A customer-managed key lets you control and audit who can decrypt the data and its
//! snapshots, and revoke access by disabling the key.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_rds_cluster" "db" {
//!   storage_encrypted = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_rds_cluster" "db" {
//!   storage_encrypted = true
//!   kms_key_id        = aws_kms_key.db.arn
//! }
//! ```
//!
//! # Remediation
//! Set `kms_key_id` to a customer-managed KMS key.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html>

use super::aws::{must_be_set, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ClusterCmk {
    code: "DPY-AWS-RDS-004",
    checkov: ["CKV_AWS_327"],
    title: "RDS cluster is not encrypted with a customer-managed KMS key",
    severity: Low,
    reason: "neither trivy-checks nor KICS has an RDS customer-key check; trivy-checks rates customer managed keys elsewhere Low (AWS-0027 EBS, AWS-0017 log groups). Storage encryption itself is DPY-AWS-RDS-005",
    targets: [(Terraform, "aws_rds_cluster")],
    description: "`aws_rds_cluster` sets `kms_key_id`.",
    remediation: "Set `kms_key_id` to a customer-managed KMS key.",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_set(r.config.get("kms_key_id")),
        "the cluster is not encrypted with a customer-managed key",
    )
}
