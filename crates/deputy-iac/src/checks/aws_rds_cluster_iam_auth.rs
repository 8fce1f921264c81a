//! DPY-AWS-RDS-002: RDS cluster IAM database authentication is disabled.
//!
//! # What it checks
//! `aws_rds_cluster` sets `iam_database_authentication_enabled = true`.
//! CloudFormation: the same setting in `AWS::RDS::DBCluster` (`EnableIAMDatabaseAuthentication`).
//!
//! # Why it matters
//! IAM authentication replaces long-lived database passwords with short-lived tokens tied to
//! IAM identities, so access is audited and revoked centrally.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_rds_cluster" "db" {
//!   engine = "aurora-postgresql"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_rds_cluster" "db" {
//!   engine                              = "aurora-postgresql"
//!   iam_database_authentication_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `iam_database_authentication_enabled = true` and grant `rds-db:connect` to the roles
//! that need it.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html>

use super::aws::{must_be_true, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ClusterIamAuth {
    code: "DPY-AWS-RDS-002",
    checkov: ["CKV_AWS_162"],
    title: "RDS cluster IAM database authentication is disabled",
    severity: Medium,
    reason: "trivy-checks AWS-0176 (RDS IAM database authentication) is Medium; KICS \"IAM Database Auth Not Enabled\" is Medium",
    targets: [
        (Terraform, "aws_rds_cluster"),
        (CloudFormation, "AWS::RDS::DBCluster")
    ],
    description: "`aws_rds_cluster` sets `iam_database_authentication_enabled = true`. CloudFormation: the same setting in `AWS::RDS::DBCluster` (`EnableIAMDatabaseAuthentication`).",
    remediation: "Set `iam_database_authentication_enabled = true` and grant `rds-db:connect` to the roles that need it.",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_true(setting(
            r,
            "iam_database_authentication_enabled",
            "EnableIAMDatabaseAuthentication",
        )),
        "IAM database authentication is not enabled",
    )
}
