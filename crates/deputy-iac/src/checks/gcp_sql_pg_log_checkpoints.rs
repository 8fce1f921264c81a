//! DPY-GCP-SQL-006: Cloud SQL PostgreSQL does not log checkpoints.
//!
//! # What it checks
//! A PostgreSQL `google_sql_database_instance` (`database_version` containing `POSTGRES`) sets the database flag `log_checkpoints` to `on` in `settings.database_flags`. Instances of other engines are not judged.
//!
//! # Why it matters
//! Checkpoint logs help diagnose performance problems and unexpected restarts.
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
//!     database_flags {
//!       name  = "log_checkpoints"
//!       value = "on"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `database_flags` block setting `log_checkpoints` to `on`.
//!
//! # References
//! - <https://cloud.google.com/sql/docs/postgres/flags>

use super::gcp_common::{OtherEngines, postgres_flag};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgLogCheckpoints {
    code: "DPY-GCP-SQL-006",
    checkov: ["CKV_GCP_51"],
    title: "Cloud SQL PostgreSQL does not log checkpoints",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0025 (google-sql-pg-log-checkpoints) is Medium; followed",
    targets: [(Terraform, "google_sql_database_instance")],
    description: "A PostgreSQL `google_sql_database_instance` (`database_version` containing `POSTGRES`) sets the database flag `log_checkpoints` to `on` in `settings.database_flags`. Instances of other engines are not judged.",
    remediation: "Add a `database_flags` block setting `log_checkpoints` to `on`.",
    references: ["https://cloud.google.com/sql/docs/postgres/flags"],
    differences: [
        "`database_flags` given by an unresolved variable leaves the verdict undecided; Checkov fails it, although the variable could set the flag."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    postgres_flag(&r.config, "log_checkpoints", &["on"], OtherEngines::Skip)
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
        let k = "google_sql_database_instance";
        let set = r#"{"database_version":"POSTGRES_15","settings":[{"database_flags":[{"name":"log_checkpoints","value":"on"}]}]}"#;
        assert_eq!(judge(k, set), "pass");
        assert_eq!(
            judge(
                k,
                r#"{"database_version":"POSTGRES_15","settings":[{"tier":"db-f1-micro"}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                k,
                r#"{"database_version":"POSTGRES_15","settings":[{"database_flags":[{"name":"log_checkpoints","value":"bogus"}]}]}"#
            ),
            "fail"
        );
        assert_eq!(judge(k, r#"{"database_version":"MYSQL_8_0"}"#), "unknown");
        assert_eq!(
            judge(k, r#"{"database_version":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
