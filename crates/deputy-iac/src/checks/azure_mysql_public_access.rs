//! DPY-AZURE-MYSQL-003: MySQL server allows public network access.
//!
//! # What it checks
//! `azurerm_mysql_server` sets `public_network_access_enabled = false` (the provider's default is `true`).
//!
//! # Why it matters
//! A server reachable from public networks is exposed to scanning and credential attacks.
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
//!   public_network_access_enabled = true
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
//!   public_network_access_enabled = false
//! }
//! ```
//!
//! # Remediation
//! Set `public_network_access_enabled = false` and reach the server through a private endpoint.
//!
//! # References
//! - <https://learn.microsoft.com/azure/mysql/single-server/concepts-data-access-security-private-link>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(MysqlPublicAccess {
    code: "DPY-AZURE-MYSQL-003",
    checkov: ["CKV_AZURE_53"],
    title: "MySQL server allows public network access",
    severity: Medium,
    reason: "trivy-checks AZU-0022 (no-public-access, databases) is Medium; followed",
    targets: [(Terraform, "azurerm_mysql_server")],
    description: "`azurerm_mysql_server` sets `public_network_access_enabled = false` (the provider's default is `true`).",
    remediation: "Set `public_network_access_enabled = false` and reach the server through a private endpoint.",
    references: [
        "https://learn.microsoft.com/azure/mysql/single-server/concepts-data-access-security-private-link"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "public_network_access_enabled",
        Want::False,
        false,
        "`public_network_access_enabled` is not false",
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
                    r#"{"public_network_access_enabled":false}"#
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
                    r#"{"public_network_access_enabled":true}"#
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
                    r#"{"public_network_access_enabled":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
