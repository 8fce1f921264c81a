//! DPY-AZURE-SQL-001: SQL server keeps audit logs for less than 90 days.
//!
//! # What it checks
//! `azurerm_sql_server` and `azurerm_mssql_server` set `extended_auditing_policy { retention_in_days }` to 90 or more, or (`azurerm_mssql_server`) a connected `azurerm_mssql_server_extended_auditing_policy` does.
//!
//! # Why it matters
//! Audit logs kept for a short time are gone before many incidents are discovered.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_mssql_server" "db" {
//!   name                = "example-sqlserver"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   version             = "12.0"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_mssql_server" "db" {
//!   name                = "example-sqlserver"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   version             = "12.0"
//! }
//!
//! resource "azurerm_mssql_server_extended_auditing_policy" "db" {
//!   server_id         = azurerm_mssql_server.db.id
//!   storage_endpoint  = "https://examplestorage.blob.core.windows.net/"
//!   retention_in_days = 90
//! }
//! ```
//!
//! # Remediation
//! Set `retention_in_days` to 90 or more on the server's auditing policy.
//!
//! # References
//! - <https://learn.microsoft.com/azure/azure-sql/database/auditing-overview>

use super::aws::connected;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(SqlAuditRetention {
    code: "DPY-AZURE-SQL-001",
    checkov: ["CKV_AZURE_24"],
    title: "SQL server keeps audit logs for less than 90 days",
    severity: Medium,
    reason: "trivy-checks AZU-0025 (retention-period-set, SQL auditing retention) is Medium; followed",
    targets: [
        (Terraform, "azurerm_mssql_server"),
        (Terraform, "azurerm_sql_server")
    ],
    description: "`azurerm_sql_server` and `azurerm_mssql_server` set `extended_auditing_policy { retention_in_days }` to 90 or more, or (`azurerm_mssql_server`) a connected `azurerm_mssql_server_extended_auditing_policy` does.",
    remediation: "Set `retention_in_days` to 90 or more on the server's auditing policy.",
    references: ["https://learn.microsoft.com/azure/azure-sql/database/auditing-overview"],
    differences: [],
});

/// Whether a policy's `retention_in_days` is at least 90; `None` when unresolved.
fn long_enough(policy: &Value) -> Option<bool> {
    match policy.get("retention_in_days") {
        Some(Value::Unknown(_)) => None,
        Some(v) => Some(v.as_f64().is_some_and(|n| n >= 90.0)),
        None => Some(false),
    }
}

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    let mut unknown = false;
    let mut policies: Vec<&Value> = r
        .config
        .get("extended_auditing_policy")
        .map(|p| p.items().collect())
        .unwrap_or_default();
    if r.kind == "azurerm_mssql_server" {
        policies.extend(
            connected(cx, r, "azurerm_mssql_server_extended_auditing_policy").map(|p| &p.config),
        );
    }
    for policy in policies {
        match long_enough(policy) {
            Some(true) => return Verdict::Pass,
            Some(false) => {}
            None => unknown = true,
        }
    }
    if unknown {
        Verdict::Unknown
    } else {
        Verdict::fail("no auditing policy keeps logs for 90 days or more")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn inline_policy_of_90_days_passes() {
        let server = resource(
            "azurerm_mssql_server",
            r#"{"extended_auditing_policy":[{"retention_in_days":90}]}"#,
        );
        assert_eq!(evaluate(&server, &Cx::new(&[])), Verdict::Pass);
    }

    #[test]
    fn short_or_missing_policy_fails() {
        let short = resource(
            "azurerm_sql_server",
            r#"{"extended_auditing_policy":[{"retention_in_days":6}]}"#,
        );
        assert!(matches!(evaluate(&short, &Cx::new(&[])), Verdict::Fail(_)));
        let none = resource("azurerm_mssql_server", "{}");
        assert!(matches!(evaluate(&none, &Cx::new(&[])), Verdict::Fail(_)));
    }

    #[test]
    fn connected_policy_counts() {
        let server = resource("azurerm_mssql_server", "{}");
        let policy = resource(
            "azurerm_mssql_server_extended_auditing_policy",
            r#"{"server_id":{"$unknown":["azurerm_mssql_server.test"]},"retention_in_days":90}"#,
        );
        let all = [server.clone(), policy];
        assert_eq!(evaluate(&server, &Cx::new(&all)), Verdict::Pass);
    }

    #[test]
    fn unresolved_retention_is_unknown() {
        let server = resource(
            "azurerm_mssql_server",
            r#"{"extended_auditing_policy":[{"retention_in_days":{"$unknown":[]}}]}"#,
        );
        assert_eq!(evaluate(&server, &Cx::new(&[])), Verdict::Unknown);
    }
}
