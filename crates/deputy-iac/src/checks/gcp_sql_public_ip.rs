//! DPY-GCP-SQL-003: Cloud SQL instance has a public IP address.
//!
//! # What it checks
//! A `google_sql_database_instance` does not set `settings.ip_configuration.ipv4_enabled = true`.
//!
//! # Why it matters
//! A public IP makes the instance reachable from the internet, limited only by its authorized networks.
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
//!     ip_configuration {
//!       ipv4_enabled = true
//!     }
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
//!       ipv4_enabled    = false
//!       private_network = google_compute_network.net.id
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `ipv4_enabled = false` and connect through a private network.
//!
//! # References
//! - <https://cloud.google.com/sql/docs/postgres/configure-private-ip>

use super::aws::verdict;
use super::gcp_common::must_not_be;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(SqlPublicIp {
    code: "DPY-GCP-SQL-003",
    checkov: ["CKV_GCP_60"],
    title: "Cloud SQL instance has a public IP address",
    severity: Medium,
    reason: "trivy-checks AVD-GCP-0017 (google-sql-no-public-access, which flags ipv4_enabled) is High; Medium here: a public IP still only admits authorized networks, which CKV_GCP_11 (DPY-GCP-SQL-002) judges",
    targets: [(Terraform, "google_sql_database_instance")],
    description: "A `google_sql_database_instance` does not set `settings.ip_configuration.ipv4_enabled = true`.",
    remediation: "Set `ipv4_enabled = false` and connect through a private network.",
    references: ["https://cloud.google.com/sql/docs/postgres/configure-private-ip"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        must_not_be(
            r.config.path("settings.ip_configuration.ipv4_enabled"),
            Truth::True,
        ),
        "the instance has a public IPv4 address",
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
        assert_eq!(judge(k, "{}"), "pass");
        assert_eq!(
            judge(
                k,
                r#"{"settings":[{"ip_configuration":[{"ipv4_enabled":true}]}]}"#
            ),
            "fail"
        );
        assert_eq!(
            judge(
                k,
                r#"{"settings":[{"ip_configuration":[{"ipv4_enabled":false}]}]}"#
            ),
            "pass"
        );
        assert_eq!(
            judge(
                k,
                r#"{"settings":[{"ip_configuration":[{"ipv4_enabled":{"$unknown":[]}}]}]}"#
            ),
            "unknown"
        );
    }
}
