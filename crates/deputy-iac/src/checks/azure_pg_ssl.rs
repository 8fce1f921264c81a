//! DPY-AZURE-PG-009: PostgreSQL server does not enforce SSL connections.
//!
//! # What it checks
//! `azurerm_postgresql_server` sets `ssl_enforcement_enabled = true`.
//!
//! # Why it matters
//! Without SSL enforcement clients may connect unencrypted and expose credentials and data in transit.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_postgresql_server" "db" {
//!   name                = "example-psql"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   sku_name            = "GP_Gen5_4"
//!   version             = "11"
//!   ssl_enforcement_enabled = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_postgresql_server" "db" {
//!   name                = "example-psql"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   sku_name            = "GP_Gen5_4"
//!   version             = "11"
//!   ssl_enforcement_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `ssl_enforcement_enabled = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/postgresql/single-server/concepts-ssl-connection-security>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgSslEnforced {
    code: "DPY-AZURE-PG-009",
    checkov: ["CKV_AZURE_29"],
    title: "PostgreSQL server does not enforce SSL connections",
    severity: Medium,
    reason: "trivy-checks AZU-0020 (enable-ssl-enforcement) is Medium; followed",
    targets: [(Terraform, "azurerm_postgresql_server")],
    description: "`azurerm_postgresql_server` sets `ssl_enforcement_enabled = true`.",
    remediation: "Set `ssl_enforcement_enabled = true`.",
    references: [
        "https://learn.microsoft.com/azure/postgresql/single-server/concepts-ssl-connection-security"
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
                    "azurerm_postgresql_server",
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
            evaluate(
                &resource("azurerm_postgresql_server", r#"{}"#),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn wrong_value_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_postgresql_server",
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
                    "azurerm_postgresql_server",
                    r#"{"ssl_enforcement_enabled":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
