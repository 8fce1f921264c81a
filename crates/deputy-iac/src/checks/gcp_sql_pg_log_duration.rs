//! DPY-GCP-SQL-010: Cloud SQL PostgreSQL does not log statement durations.
//!
//! # What it checks
//! A PostgreSQL `google_sql_database_instance` (`database_version` containing `POSTGRES`) sets the database flag `log_duration` to `on` in `settings.database_flags`. Instances of other engines pass.
//!
//! # Why it matters
//! Statement durations help find slow or abusive queries.
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
//!       name  = "log_duration"
//!       value = "on"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `database_flags` block setting `log_duration` to `on`.
//!
//! # References
//! - <https://cloud.google.com/sql/docs/postgres/flags>

use super::gcp_common::{OtherEngines, postgres_flag};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgLogDuration {
    code: "DPY-GCP-SQL-010",
    checkov: ["CKV2_GCP_13"],
    title: "Cloud SQL PostgreSQL does not log statement durations",
    severity: Low,
    reason: "trivy-checks has no check for this flag; Low, as trivy-checks rates its other PostgreSQL logging flags Low to Medium and this one only adds detail to audit logs",
    targets: [(Terraform, "google_sql_database_instance")],
    description: "A PostgreSQL `google_sql_database_instance` (`database_version` containing `POSTGRES`) sets the database flag `log_duration` to `on` in `settings.database_flags`. Instances of other engines pass.",
    remediation: "Add a `database_flags` block setting `log_duration` to `on`.",
    references: ["https://cloud.google.com/sql/docs/postgres/flags"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    postgres_flag(&r.config, "log_duration", &["on"], OtherEngines::Pass)
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
        let set = r#"{"database_version":"POSTGRES_15","settings":[{"database_flags":[{"name":"log_duration","value":"on"}]}]}"#;
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
                r#"{"database_version":"POSTGRES_15","settings":[{"database_flags":[{"name":"log_duration","value":"bogus"}]}]}"#
            ),
            "fail"
        );
        assert_eq!(judge(k, r#"{"database_version":"MYSQL_8_0"}"#), "pass");
        assert_eq!(
            judge(k, r#"{"database_version":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
