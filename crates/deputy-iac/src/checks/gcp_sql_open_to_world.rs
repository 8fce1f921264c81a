//! DPY-GCP-SQL-002: Cloud SQL instance authorizes the whole internet.
//!
//! # What it checks
//! No `settings.ip_configuration.authorized_networks` entry of a `google_sql_database_instance` has a `value` ending in `/0`.
//!
//! # Why it matters
//! An authorized network of `0.0.0.0/0` lets any address on the internet connect to the instance's public IP and try its credentials.
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
//!       authorized_networks {
//!         name  = "all"
//!         value = "0.0.0.0/0"
//!       }
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
//!       authorized_networks {
//!         name  = "office"
//!         value = "203.0.113.0/24"
//!       }
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Authorize only the networks that need access, or use private IP and the Cloud SQL Auth Proxy.
//!
//! # References
//! - <https://cloud.google.com/sql/docs/postgres/authorize-networks>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(SqlOpenToWorld {
    code: "DPY-GCP-SQL-002",
    checkov: ["CKV_GCP_11"],
    title: "Cloud SQL instance authorizes the whole internet",
    severity: High,
    reason: "trivy-checks AVD-GCP-0017 (google-sql-no-public-access, which flags authorized networks open to the internet) is High; followed",
    targets: [(Terraform, "google_sql_database_instance")],
    description: "No `settings.ip_configuration.authorized_networks` entry of a `google_sql_database_instance` has a `value` ending in `/0`.",
    remediation: "Authorize only the networks that need access, or use private IP and the Cloud SQL Auth Proxy.",
    references: ["https://cloud.google.com/sql/docs/postgres/authorize-networks"],
    differences: [
        "Authorized networks whose values Deputy cannot resolve (a `dynamic` block over another resource's attributes or an unresolved variable) leave the verdict undecided; Checkov passes them, although they could be `0.0.0.0/0`."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let Some(networks) = r
        .config
        .path("settings.ip_configuration.authorized_networks")
    else {
        return Verdict::Pass;
    };
    let mut ok = if networks.is_unknown() {
        Truth::Unknown
    } else {
        Truth::True
    };
    for network in networks.items() {
        match network.get("value") {
            Some(Value::String(v)) if v.ends_with("/0") => {
                return Verdict::fail(format!("authorized network {v} is the whole internet"));
            }
            Some(Value::Unknown(_)) => ok = Truth::Unknown,
            _ => {}
        }
    }
    verdict(ok, "an authorized network is the whole internet")
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
        let open = r#"{"settings":[{"ip_configuration":[{"authorized_networks":[{"value":"0.0.0.0/0"}]}]}]}"#;
        assert_eq!(judge(k, open), "fail");
        let office = r#"{"settings":[{"ip_configuration":[{"authorized_networks":[{"value":"203.0.113.0/24"}]}]}]}"#;
        assert_eq!(judge(k, office), "pass");
        let unknown = r#"{"settings":[{"ip_configuration":[{"authorized_networks":[{"value":{"$unknown":[]}}]}]}]}"#;
        assert_eq!(judge(k, unknown), "unknown");
    }
}
