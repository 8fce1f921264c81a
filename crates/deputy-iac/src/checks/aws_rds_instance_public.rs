//! DPY-AWS-RDS-010: RDS instance is publicly accessible.
//!
//! # What it checks
//! `aws_db_instance` and `aws_rds_cluster_instance` do not set `publicly_accessible = true`.
//! CloudFormation: the same setting in `AWS::RDS::DBInstance` (`PubliclyAccessible`).
//!
//! # Why it matters
//! A publicly accessible database gets a public DNS address; one permissive security group
//! then exposes it to internet-wide credential stuffing and exploits.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine              = "mysql"
//!   publicly_accessible = true
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine              = "mysql"
//!   publicly_accessible = false
//! }
//! ```
//!
//! # Remediation
//! Set `publicly_accessible = false` and reach the database from inside the VPC.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_BestPractices.Security.html>

use super::aws::{must_not_be_true, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(InstancePublic {
    code: "DPY-AWS-RDS-010",
    checkov: ["CKV_AWS_17"],
    title: "RDS instance is publicly accessible",
    severity: High,
    reason: "trivy-checks AWS-0180 (RDS publicly accessible) is High; KICS \"RDS DB Instance Publicly Accessible\" is Critical. High, as trivy: reaching the database also takes a security group that admits the caller and valid credentials",
    targets: [
        (Terraform, "aws_db_instance"),
        (Terraform, "aws_rds_cluster_instance"),
        (CloudFormation, "AWS::RDS::DBInstance")
    ],
    description: "`aws_db_instance` and `aws_rds_cluster_instance` do not set `publicly_accessible = true`. CloudFormation: the same setting in `AWS::RDS::DBInstance` (`PubliclyAccessible`).",
    remediation: "Set `publicly_accessible = false` and reach the database from inside the VPC.",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_BestPractices.Security.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_not_be_true(setting(r, "publicly_accessible", "PubliclyAccessible")),
        "the instance is publicly accessible",
    )
}
