//! DPY-AZURE-MYSQL-006: MySQL server does not enforce SSL connections.
//!
//! # What it checks
//! `azurerm_mysql_server` sets `ssl_enforcement_enabled = true`.
//!
//! # Why it matters
//! Without SSL enforcement clients may connect unencrypted and expose credentials and data in transit.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_mysql_server" "db" {
//!   name                = "example-mysql"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   sku_name            = "GP_Gen5_2"
//!   version             = "8.0"
//!   ssl_enforcement_enabled = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_mysql_server" "db" {
//!   name                = "example-mysql"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   sku_name            = "GP_Gen5_2"
//!   version             = "8.0"
//!   ssl_enforcement_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `ssl_enforcement_enabled = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/mysql/single-server/concepts-ssl-connection-security>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(MysqlSslEnforced {
    code: "DPY-AZURE-MYSQL-006",
    checkov: ["CKV_AZURE_28"],
    title: "MySQL server does not enforce SSL connections",
    severity: Medium,
    reason: "trivy-checks AZU-0020 (enable-ssl-enforcement) is Medium; followed",
    targets: [(Terraform, "azurerm_mysql_server")],
    description: "`azurerm_mysql_server` sets `ssl_enforcement_enabled = true`.",
    remediation: "Set `ssl_enforcement_enabled = true`.",
    references: [
        "https://learn.microsoft.com/azure/mysql/single-server/concepts-ssl-connection-security"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "ssl_enforcement_enabled",
        Want::True,
        false,
        "`ssl_enforcement_enabled` is not true",
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
                &resource(
                    "azurerm_mysql_server",
                    r#"{"ssl_enforcement_enabled":true}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Pass
        );
    }

    #[test]
    fn missing_fails() {
        assert!(matches!(
            evaluate(&resource("azurerm_mysql_server", r#"{}"#), &Cx::new(&[])),
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn wrong_value_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_mysql_server",
                    r#"{"ssl_enforcement_enabled":false}"#
                ),
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
                    "azurerm_mysql_server",
                    r#"{"ssl_enforcement_enabled":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
