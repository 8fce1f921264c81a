//! DPY-AWS-RDS-016: RDS instance IAM database authentication is disabled.
//!
//! # What it checks
//! MySQL and PostgreSQL `aws_db_instance`s set `iam_database_authentication_enabled = true`; other
//! engines get no verdict.
//! CloudFormation: the same setting in `AWS::RDS::DBInstance` (`EnableIAMDatabaseAuthentication`, `Engine`).
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
//! resource "aws_db_instance" "db" {
//!   engine = "mysql"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_db_instance" "db" {
//!   engine                              = "mysql"
//!   iam_database_authentication_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `iam_database_authentication_enabled = true`.
//!
//! # References
//! - <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html>

use super::aws::{must_be_true, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(InstanceIamAuth {
    code: "DPY-AWS-RDS-016",
    checkov: ["CKV_AWS_161"],
    title: "RDS instance IAM database authentication is disabled",
    severity: Medium,
    reason: "trivy-checks AWS-0176 (RDS IAM database authentication) is Medium; KICS \"IAM Database Auth Not Enabled\" is Medium",
    targets: [
        (Terraform, "aws_db_instance"),
        (CloudFormation, "AWS::RDS::DBInstance")
    ],
    description: "MySQL and PostgreSQL `aws_db_instance`s set `iam_database_authentication_enabled = true`; other engines get no verdict. CloudFormation: the same setting in `AWS::RDS::DBInstance` (`EnableIAMDatabaseAuthentication`, `Engine`).",
    remediation: "Set `iam_database_authentication_enabled = true`.",
    references: [
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // Only MySQL and PostgreSQL support IAM authentication; an instance that does not say
    // which engine it runs gets no verdict either, as in Checkov.
    if !matches!(setting(r, "engine", "Engine"), Some(Value::String(e)) if e == "mysql" || e == "postgres")
    {
        return Verdict::Unknown;
    }
    verdict(
        must_be_true(setting(
            r,
            "iam_database_authentication_enabled",
            "EnableIAMDatabaseAuthentication",
        )),
        "IAM database authentication is not enabled",
    )
}
