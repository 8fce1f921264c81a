//! DPY-GCP-SQL-013: Cloud SQL instance does not enable backups.
//!
//! # What it checks
//! A `google_sql_database_instance` sets `settings { backup_configuration { enabled = true } }`. Read replicas (`master_instance_name` set) are not judged.
//!
//! # Why it matters
//! Automated backups make it possible to restore data after corruption, deletion or ransomware.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_sql_database_instance" "db" {
//!   database_version = "POSTGRES_15"
//!   settings {
//!     tier = "db-f1-micro"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_sql_database_instance" "db" {
//!   database_version = "POSTGRES_15"
//!   settings {
//!     tier = "db-f1-micro"
//!     backup_configuration {
//!       enabled = true
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `backup_configuration { enabled = true }` in `settings`.
//!
//! # References
//! - <https://cloud.google.com/sql/docs/postgres/backup-recovery/backups>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SqlBackup {
    code: "DPY-GCP-SQL-013",
    checkov: ["CKV_GCP_14"],
    title: "Cloud SQL instance does not enable backups",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0024 (google-sql-enable-backup) is Medium; followed",
    targets: [(Terraform, "google_sql_database_instance")],
    description: "A `google_sql_database_instance` sets `settings { backup_configuration { enabled = true } }`. Read replicas (`master_instance_name` set) are not judged.",
    remediation: "Set `backup_configuration { enabled = true }` in `settings`.",
    references: ["https://cloud.google.com/sql/docs/postgres/backup-recovery/backups"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    if r.config.get("master_instance_name").is_some() {
        return Verdict::Unknown;
    }
    verdict(
        must_be_true(r.config.path("settings.backup_configuration.enabled")),
        "backups are not enabled",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    fn judge(kind: &str, config: &str) -> &'static str {
        match evaluate(&resource(kind, config), &Cx::new(&[])) {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Unknown => "unknown",
            _ => "other",
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(judge("google_sql_database_instance", r#"{}"#), "fail");
        assert_eq!(
            judge(
                "google_sql_database_instance",
                r#"{"settings":[{"backup_configuration":[{"enabled":true}]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_sql_database_instance",
                r#"{"settings":[{"backup_configuration":[{"enabled":false}]}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_sql_database_instance",
                r#"{"master_instance_name":"primary"}"#
            ),
            "unknown"
        );
        assert_eq!(
            judge(
                "google_sql_database_instance",
                r#"{"settings":[{"backup_configuration":[{"enabled":{"$unknown":[]}}]}]}"#
            ),
            "unknown"
        );
    }
}
