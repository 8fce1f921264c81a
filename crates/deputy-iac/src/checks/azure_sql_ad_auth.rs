//! DPY-AZURE-SQL-003: SQL server does not enable Azure AD authentication.
//!
//! # What it checks
//! `azurerm_mssql_server` declares `azuread_administrator` with a non-blank `login_username`.
//!
//! # Why it matters
//! Azure AD authentication gives central identity management, MFA and revocation for database access.
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
//!   azuread_administrator {
//!     login_username = "sqladmin"
//!     object_id      = "00000000-0000-0000-0000-000000000000"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `azuread_administrator` block with a `login_username`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/azure-sql/database/authentication-aad-overview>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(SqlAdAuth {
    code: "DPY-AZURE-SQL-003",
    checkov: ["CKV2_AZURE_27"],
    title: "SQL server does not enable Azure AD authentication",
    severity: Medium,
    reason: "No trivy-checks equivalent found; Medium: without an Azure AD admin the server relies on SQL logins alone, with no central identity control",
    targets: [(Terraform, "azurerm_mssql_server")],
    description: "`azurerm_mssql_server` declares `azuread_administrator` with a non-blank `login_username`.",
    remediation: "Add an `azuread_administrator` block with a `login_username`.",
    references: [
        "https://learn.microsoft.com/azure/azure-sql/database/authentication-aad-overview"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match r.config.path("azuread_administrator.login_username") {
        Some(Value::String(s)) if !s.trim().is_empty() => Verdict::Pass,
        Some(Value::Unknown(u)) if !u.refs.is_empty() => Verdict::Pass,
        Some(Value::Unknown(_)) => Verdict::Unknown,
        _ => Verdict::fail("no `azuread_administrator` with a `login_username`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn admin_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_mssql_server",
                    r#"{"azuread_administrator":[{"login_username":"sqladmin"}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Pass
        );
    }

    #[test]
    fn missing_fails() {
        assert!(matches!(
            evaluate(&resource("azurerm_mssql_server", r#"{}"#), &Cx::new(&[])),
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn blank_login_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_mssql_server",
                    r#"{"azuread_administrator":[{"login_username":" "}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn unresolved_login_is_unknown() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_mssql_server",
                    r#"{"azuread_administrator":[{"login_username":{"$unknown":[]}}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
