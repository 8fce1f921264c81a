//! DPY-GCP-SQL-001: Cloud SQL instance does not run the latest major version.
//!
//! # What it checks
//! A `google_sql_database_instance` sets `database_version` to the latest major version of its engine: `POSTGRES_18`, `MYSQL_8_0`, `MYSQL_8_4`, or a `SQLSERVER_2022_*` edition.
//!
//! # Why it matters
//! Newer major versions receive security fixes longest and carry security features older ones lack.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "google_sql_database_instance" "db" {
//!   database_version = "MYSQL_5_7"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "google_sql_database_instance" "db" {
//!   database_version = "MYSQL_8_0"
//! }
//! ```
//!
//! # Remediation
//! Upgrade `database_version` to the latest major version of the engine.
//!
//! # References
//! - <https://cloud.google.com/sql/docs/db-versions>

use super::aws::{must_be_one_of, verdict};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SqlMajorVersion {
    code: "DPY-GCP-SQL-001",
    checkov: ["CKV_GCP_79"],
    title: "Cloud SQL instance does not run the latest major version",
    severity: Low,
    reason: "trivy-checks has no version check for Cloud SQL; Low: an older supported version is a maintenance concern, not an exposure",
    targets: [(Terraform, "google_sql_database_instance")],
    description: "A `google_sql_database_instance` sets `database_version` to the latest major version of its engine: `POSTGRES_18`, `MYSQL_8_0`, `MYSQL_8_4`, or a `SQLSERVER_2022_*` edition.",
    remediation: "Upgrade `database_version` to the latest major version of the engine.",
    references: ["https://cloud.google.com/sql/docs/db-versions"],
    differences: [],
});

/// The latest major version of each engine, as Checkov lists them.
const LATEST: [&str; 7] = [
    "POSTGRES_18",
    "MYSQL_8_0",
    "MYSQL_8_4",
    "SQLSERVER_2022_STANDARD",
    "SQLSERVER_2022_WEB",
    "SQLSERVER_2022_ENTERPRISE",
    "SQLSERVER_2022_EXPRESS",
];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_be_one_of(r.config.get("database_version"), &LATEST),
        "database_version is not the latest major version",
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
        assert_eq!(judge(k, r#"{"database_version":"MYSQL_5_7"}"#), "fail");
        assert_eq!(judge(k, r#"{"database_version":"POSTGRES_18"}"#), "pass");
        assert_eq!(judge(k, "{}"), "fail");
        assert_eq!(
            judge(k, r#"{"database_version":{"$unknown":[]}}"#),
            "unknown"
        );
    }
}
