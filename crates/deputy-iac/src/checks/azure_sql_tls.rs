//! DPY-AZURE-SQL-006: SQL server does not require TLS 1.2.
//!
//! # What it checks
//! `azurerm_mssql_server` sets `minimum_tls_version = "1.2"`.
//!
//! # Why it matters
//! TLS 1.0 and 1.1 have known weaknesses and are deprecated.
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
//!   minimum_tls_version = "1.0"
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
//!   minimum_tls_version = "1.2"
//! }
//! ```
//!
//! # Remediation
//! Set `minimum_tls_version = "1.2"`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SqlTlsVersion {
    code: "DPY-AZURE-SQL-006",
    checkov: ["CKV_AZURE_52"],
    title: "SQL server does not require TLS 1.2",
    severity: Medium,
    reason: "trivy-checks AZU-0026 (secure-tls-policy, databases) is Medium; followed",
    targets: [(Terraform, "azurerm_mssql_server")],
    description: "`azurerm_mssql_server` sets `minimum_tls_version = \"1.2\"`.",
    remediation: "Set `minimum_tls_version = \"1.2\"`.",
    references: ["https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "minimum_tls_version",
        Want::OneOf(&["1.2"]),
        false,
        "`minimum_tls_version` is not `1.2`",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn set_as_required_passes() {
        assert_eq!(
            evaluate(
                &resource("azurerm_mssql_server", r#"{"minimum_tls_version":"1.2"}"#),
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
    fn wrong_value_fails() {
        assert!(matches!(
            evaluate(
                &resource("azurerm_mssql_server", r#"{"minimum_tls_version":"1.0"}"#),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn unresolved_is_unknown() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_mssql_server",
                    r#"{"minimum_tls_version":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
