//! DPY-AWS-NEPTUNE-006: Neptune cluster keeps automated backups for less than 7 days.
//!
//! # What it checks
//! `aws_neptune_cluster` sets `backup_retention_period` to at least 7;
//! `AWS::Neptune::DBCluster` sets `BackupRetentionPeriod` to at least 7. Unset means the
//! default of 1 day, which fails.
//!
//! # Why it matters
//! The retention period bounds how far back the cluster can be restored. With the default
//! single day, corruption or a destructive change noticed after a weekend can no longer be
//! undone from automated backups.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine = "neptune"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "aws_neptune_cluster" "graph" {
//!   engine                  = "neptune"
//!   backup_retention_period = 7
//! }
//! ```
//!
//! # Remediation
//! Set `backup_retention_period` (`BackupRetentionPeriod`) to 7 days or more (at most 35).
//!
//! # References
//! - <https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview-backups.html>

use super::aws::{number_where, setting, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(NeptuneBackupRetention {
    code: "DPY-AWS-NEPTUNE-006",
    checkov: ["CKV_AWS_361"],
    title: "Neptune cluster keeps automated backups for less than 7 days",
    severity: Medium,
    reason: "neither trivy-checks (whose Neptune checks are AWS-0075, AWS-0076 and AWS-0128) nor KICS has a Neptune equivalent; trivy-checks AWS-0077 (RDS backup retention longer than the default 1 day) and KICS \"RDS Cluster With Backup Disabled\" are Medium, followed for this database of the same family",
    targets: [
        (Terraform, "aws_neptune_cluster"),
        (CloudFormation, "AWS::Neptune::DBCluster")
    ],
    description: "`aws_neptune_cluster` sets `backup_retention_period` to at least 7; `AWS::Neptune::DBCluster` sets `BackupRetentionPeriod` to at least 7. Unset means the default of 1 day, which fails.",
    remediation: "Set `backup_retention_period` (`BackupRetentionPeriod`) to 7 days or more (at most 35).",
    references: [
        "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview-backups.html"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        adequate(setting(
            r,
            "backup_retention_period",
            "BackupRetentionPeriod",
        )),
        "automated backups are kept for less than 7 days",
    )
}

/// A retention of 7 days or more; unset is the default of 1 day.
fn adequate(v: Option<&Value>) -> Truth {
    match v {
        None | Some(Value::Null) => Truth::False,
        v => number_where(v, |n| n >= 7.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(kind: &str, config: &str) -> &'static str {
        let r = resource(kind, config);
        match evaluate(&r, &Cx::new(std::slice::from_ref(&r))) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn retention_must_be_a_week_or_more() {
        let tf = "aws_neptune_cluster";
        assert_eq!(judge(tf, r#"{"backup_retention_period":7}"#), "pass");
        assert_eq!(judge(tf, r#"{"backup_retention_period":35}"#), "pass");
        assert_eq!(judge(tf, r#"{"backup_retention_period":3}"#), "fail");
        assert_eq!(judge(tf, "{}"), "fail");
        assert_eq!(
            judge(tf, r#"{"backup_retention_period":{"$unknown":[]}}"#),
            "unknown"
        );
        let cfn = "AWS::Neptune::DBCluster";
        assert_eq!(
            judge(cfn, r#"{"Properties":{"BackupRetentionPeriod":7}}"#),
            "pass"
        );
        assert_eq!(judge(cfn, r#"{"Properties":{}}"#), "fail");
    }
}
