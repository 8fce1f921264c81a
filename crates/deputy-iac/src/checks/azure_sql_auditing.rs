//! DPY-AZURE-SQL-002: SQL server auditing is not enabled.
//!
//! # What it checks
//! `azurerm_sql_server` and `azurerm_mssql_server` declare an `extended_auditing_policy` block, or (`azurerm_mssql_server`) a connected `azurerm_mssql_server_extended_auditing_policy` sets `server_id`.
//!
//! # Why it matters
//! Without auditing, database access and changes leave no trail for investigation.
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
//! Add an `azurerm_mssql_server_extended_auditing_policy` for the server (or an `extended_auditing_policy` block).
//!
//! # References
//! - <https://learn.microsoft.com/azure/azure-sql/database/auditing-overview>

use super::aws::connected;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(SqlAuditing {
    code: "DPY-AZURE-SQL-002",
    checkov: ["CKV_AZURE_23"],
    title: "SQL server auditing is not enabled",
    severity: Medium,
    reason: "trivy-checks AZU-0027 (enable-audit, SQL server auditing) is Medium; followed",
    targets: [
        (Terraform, "azurerm_mssql_server"),
        (Terraform, "azurerm_sql_server")
    ],
    description: "`azurerm_sql_server` and `azurerm_mssql_server` declare an `extended_auditing_policy` block, or (`azurerm_mssql_server`) a connected `azurerm_mssql_server_extended_auditing_policy` sets `server_id`.",
    remediation: "Add an `azurerm_mssql_server_extended_auditing_policy` for the server (or an `extended_auditing_policy` block).",
    references: ["https://learn.microsoft.com/azure/azure-sql/database/auditing-overview"],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    match r.config.get("extended_auditing_policy") {
        Some(Value::Null) | None => {}
        Some(Value::List(l)) if l.is_empty() => {}
        Some(_) => return Verdict::Pass,
    }
    if r.kind == "azurerm_mssql_server"
        && connected(cx, r, "azurerm_mssql_server_extended_auditing_policy")
            .any(|p| !matches!(p.config.get("server_id"), None | Some(Value::Null)))
    {
        return Verdict::Pass;
    }
    Verdict::fail("no auditing policy is configured for the server")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn inline_policy_passes() {
        let server = resource(
            "azurerm_sql_server",
            r#"{"extended_auditing_policy":[{"retention_in_days":6}]}"#,
        );
        assert_eq!(evaluate(&server, &Cx::new(&[])), Verdict::Pass);
    }

    #[test]
    fn connected_policy_passes_and_none_fails() {
        let server = resource("azurerm_mssql_server", "{}");
        let policy = resource(
            "azurerm_mssql_server_extended_auditing_policy",
            r#"{"server_id":{"$unknown":["azurerm_mssql_server.test"]}}"#,
        );
        let all = [server.clone(), policy];
        assert_eq!(evaluate(&server, &Cx::new(&all)), Verdict::Pass);
        let alone = [server.clone()];
        assert!(matches!(
            evaluate(&server, &Cx::new(&alone)),
            Verdict::Fail(_)
        ));
    }
}
