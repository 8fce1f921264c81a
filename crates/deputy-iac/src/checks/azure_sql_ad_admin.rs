//! DPY-AZURE-SQL-010: SQL server has no Azure Active Directory administrator.
//!
//! # What it checks
//! An `azurerm_sql_active_directory_administrator` is connected to the `azurerm_sql_server`.
//!
//! # Why it matters
//! Azure AD authentication gives central identity management, MFA and revocation for database access.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_sql_server" "db" {
//!   name                = "example-sqlserver"
//!   resource_group_name = "example-rg"
//!   location            = "westeurope"
//!   version             = "12.0"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_sql_server" "db" {
//!   name                = "example-sqlserver"
//!   resource_group_name = "example-rg"
//!   location            = "westeurope"
//!   version             = "12.0"
//! }
//!
//! resource "azurerm_sql_active_directory_administrator" "db" {
//!   server_name         = azurerm_sql_server.db.name
//!   resource_group_name = "example-rg"
//!   login               = "sqladmin"
//!   tenant_id           = "00000000-0000-0000-0000-000000000000"
//!   object_id           = "00000000-0000-0000-0000-000000000000"
//! }
//! ```
//!
//! # Remediation
//! Add an `azurerm_sql_active_directory_administrator` for the server.
//!
//! # References
//! - <https://learn.microsoft.com/azure/azure-sql/database/authentication-aad-overview>

use super::azure_common_b::has_connected;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SqlAdAdmin {
    code: "DPY-AZURE-SQL-010",
    checkov: ["CKV2_AZURE_7"],
    title: "SQL server has no Azure Active Directory administrator",
    severity: Medium,
    reason: "No trivy-checks equivalent found; Medium: without an Azure AD admin the server relies on SQL logins alone, with no central identity control",
    targets: [(Terraform, "azurerm_sql_server")],
    description: "An `azurerm_sql_active_directory_administrator` is connected to the `azurerm_sql_server`.",
    remediation: "Add an `azurerm_sql_active_directory_administrator` for the server.",
    references: [
        "https://learn.microsoft.com/azure/azure-sql/database/authentication-aad-overview"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if has_connected(cx, r, "azurerm_sql_active_directory_administrator") {
        Verdict::Pass
    } else {
        Verdict::fail("no `azurerm_sql_active_directory_administrator` is connected to the server")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn an_administrator_must_refer_to_the_server() {
        let server = resource("azurerm_sql_server", "{}");
        let admin = resource(
            "azurerm_sql_active_directory_administrator",
            r#"{"server_name":{"$unknown":["azurerm_sql_server.test"]}}"#,
        );
        let with = [server.clone(), admin];
        assert_eq!(evaluate(&server, &Cx::new(&with)), Verdict::Pass);
        let without = [server.clone()];
        assert!(matches!(
            evaluate(&server, &Cx::new(&without)),
            Verdict::Fail(_)
        ));
    }
}
