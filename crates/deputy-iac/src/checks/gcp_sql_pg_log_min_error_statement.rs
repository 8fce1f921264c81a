//! DPY-GCP-SQL-005: Cloud SQL PostgreSQL does not log statements that cause errors.
//!
//! # What it checks
//! A PostgreSQL `google_sql_database_instance` (`database_version` containing `POSTGRES`) sets the database flag `log_min_error_statement` to `debug5` or `debug4` or `debug3` or `debug2` or `debug1` or `info` or `notice` or `warning` or `error` in `settings.database_flags`. Instances of other engines are not judged.
//!
//! # Why it matters
//! Statements that cause errors are logged only at the configured severity or lower; without them failed attacks such as SQL injection probes go unrecorded.
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
//!       name  = "log_min_error_statement"
//!       value = "error"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `database_flags` block setting `log_min_error_statement` to `error`.
//!
//! # References
//! - <https://cloud.google.com/sql/docs/postgres/flags>

use super::gcp_common::{OtherEngines, postgres_flag};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgLogMinErrorStatement {
    code: "DPY-GCP-SQL-005",
    checkov: ["CKV_GCP_109"],
    title: "Cloud SQL PostgreSQL does not log statements that cause errors",
    severity: Low,
    reason: "trivy-checks AVD-GCP-0018 (google-sql-pg-log-errors) is Low; followed",
    targets: [(Terraform, "google_sql_database_instance")],
    description: "A PostgreSQL `google_sql_database_instance` (`database_version` containing `POSTGRES`) sets the database flag `log_min_error_statement` to `debug5` or `debug4` or `debug3` or `debug2` or `debug1` or `info` or `notice` or `warning` or `error` in `settings.database_flags`. Instances of other engines are not judged.",
    remediation: "Add a `database_flags` block setting `log_min_error_statement` to `error`.",
    references: ["https://cloud.google.com/sql/docs/postgres/flags"],
    differences: [
        "`database_flags` given by an unresolved variable leaves the verdict undecided; Checkov fails it, although the variable could set the flag."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    postgres_flag(
        &r.config,
        "log_min_error_statement",
        &[
            "debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning", "error",
        ],
        OtherEngines::Skip,
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
        let k = "google_sql_database_instance";
        let set = r#"{"database_version":"POSTGRES_15","settings":[{"database_flags":[{"name":"log_min_error_statement","value":"error"}]}]}"#;
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
                r#"{"database_version":"POSTGRES_15","settings":[{"database_flags":[{"name":"log_min_error_statement","value":"bogus"}]}]}"#
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
