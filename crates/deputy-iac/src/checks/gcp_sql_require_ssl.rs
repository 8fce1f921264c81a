//! DPY-GCP-SQL-014: Cloud SQL instance does not require SSL for incoming connections.
//!
//! # What it checks
//! A `google_sql_database_instance` sets `settings.ip_configuration.ssl_mode = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"` (or `"ENCRYPTED_ONLY"` for SQL Server), or, without `ssl_mode`, the older `require_ssl = true`.
//!
//! # Why it matters
//! Without required SSL, database credentials and data can travel unencrypted and be intercepted.
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
//!     ip_configuration {
//!       ssl_mode = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `ssl_mode` in `ip_configuration` to `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` (SQL Server: `ENCRYPTED_ONLY`).
//!
//! # References
//! - <https://cloud.google.com/sql/docs/postgres/configure-ssl-instance>

use super::aws::{must_be_true, verdict};
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(SqlRequireSsl {
    code: "DPY-GCP-SQL-014",
    checkov: ["CKV_GCP_6"],
    title: "Cloud SQL instance does not require SSL for incoming connections",
    severity: High,
    reason: "trivy-checks AVD-GCP-0015 (google-sql-encrypt-in-transit-data) is High; followed",
    targets: [(Terraform, "google_sql_database_instance")],
    description: "A `google_sql_database_instance` sets `settings.ip_configuration.ssl_mode = \"TRUSTED_CLIENT_CERTIFICATE_REQUIRED\"` (or `\"ENCRYPTED_ONLY\"` for SQL Server), or, without `ssl_mode`, the older `require_ssl = true`.",
    remediation: "Set `ssl_mode` in `ip_configuration` to `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` (SQL Server: `ENCRYPTED_ONLY`).",
    references: ["https://cloud.google.com/sql/docs/postgres/configure-ssl-instance"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let message = "SSL is not required for incoming connections";
    match r.config.path("settings.ip_configuration.ssl_mode") {
        Some(Value::String(mode)) => {
            let sql_server = matches!(
                r.config.get("database_version"),
                Some(Value::String(v)) if v.contains("SQLSERVER")
            );
            if mode == "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
                || (sql_server && mode == "ENCRYPTED_ONLY")
            {
                Verdict::Pass
            } else if mode == "ENCRYPTED_ONLY"
                && r.config
                    .get("database_version")
                    .is_some_and(Value::is_unknown)
            {
                Verdict::Unknown
            } else {
                Verdict::fail(message)
            }
        }
        Some(Value::Unknown(_)) => Verdict::Unknown,
        Some(_) => Verdict::fail(message),
        None => {
            let ok = must_be_true(r.config.path("settings.ip_configuration.require_ssl"));
            verdict(ok, message)
        }
    }
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
                r#"{"settings":[{"ip_configuration":[{"ssl_mode":"TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_sql_database_instance",
                r#"{"settings":[{"ip_configuration":[{"ssl_mode":"ENCRYPTED_ONLY"}]}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                "google_sql_database_instance",
                r#"{"database_version":"SQLSERVER_2022_STANDARD","settings":[{"ip_configuration":[{"ssl_mode":"ENCRYPTED_ONLY"}]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_sql_database_instance",
                r#"{"settings":[{"ip_configuration":[{"require_ssl":true}]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                "google_sql_database_instance",
                r#"{"settings":[{"ip_configuration":[{"ssl_mode":{"$unknown":[]}}]}]}"#
            ),
            "unknown"
        );
    }
}
