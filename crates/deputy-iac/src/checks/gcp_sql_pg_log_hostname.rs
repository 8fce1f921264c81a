//! DPY-GCP-SQL-011: Cloud SQL PostgreSQL does not log client hostnames.
//!
//! # What it checks
//! A PostgreSQL `google_sql_database_instance` (`database_version` containing `POSTGRES`) sets the database flag `log_hostname` to `on` in `settings.database_flags`. Instances of other engines are not judged.
//!
//! # Why it matters
//! Logging hostnames as well as IP addresses makes connection logs easier to attribute.
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
//!       name  = "log_hostname"
//!       value = "on"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `database_flags` block setting `log_hostname` to `on`.
//!
//! # References
//! - <https://cloud.google.com/sql/docs/postgres/flags>

use super::gcp_common::{OtherEngines, postgres_flag};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgLogHostname {
    code: "DPY-GCP-SQL-011",
    checkov: ["CKV_GCP_108"],
    title: "Cloud SQL PostgreSQL does not log client hostnames",
    severity: Low,
    reason: "trivy-checks has no check for this flag; Low, as trivy-checks rates its other PostgreSQL logging flags Low to Medium and this one only adds detail to audit logs",
    targets: [(Terraform, "google_sql_database_instance")],
    description: "A PostgreSQL `google_sql_database_instance` (`database_version` containing `POSTGRES`) sets the database flag `log_hostname` to `on` in `settings.database_flags`. Instances of other engines are not judged.",
    remediation: "Add a `database_flags` block setting `log_hostname` to `on`.",
    references: ["https://cloud.google.com/sql/docs/postgres/flags"],
    differences: [
        "`database_flags` given by an unresolved variable leaves the verdict undecided; Checkov fails it, although the variable could set the flag."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    postgres_flag(&r.config, "log_hostname", &["on"], OtherEngines::Skip)
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
        let set = r#"{"database_version":"POSTGRES_15","settings":[{"database_flags":[{"name":"log_hostname","value":"on"}]}]}"#;
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
                r#"{"database_version":"POSTGRES_15","settings":[{"database_flags":[{"name":"log_hostname","value":"bogus"}]}]}"#
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
