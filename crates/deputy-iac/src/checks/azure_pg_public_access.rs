//! DPY-AZURE-PG-007: PostgreSQL server allows public network access.
//!
//! # What it checks
//! `azurerm_postgresql_server` sets `public_network_access_enabled = false` (the provider's default is `true`).
//!
//! # Why it matters
//! A server reachable from public networks is exposed to scanning and credential attacks.
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
//!   public_network_access_enabled = true
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
//!   public_network_access_enabled = false
//! }
//! ```
//!
//! # Remediation
//! Set `public_network_access_enabled = false` and reach the server through a private endpoint.
//!
//! # References
//! - <https://learn.microsoft.com/azure/postgresql/single-server/concepts-data-access-and-security-private-link>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgPublicAccess {
    code: "DPY-AZURE-PG-007",
    checkov: ["CKV_AZURE_68"],
    title: "PostgreSQL server allows public network access",
    severity: Medium,
    reason: "trivy-checks AZU-0022 (no-public-access, databases) is Medium; followed",
    targets: [(Terraform, "azurerm_postgresql_server")],
    description: "`azurerm_postgresql_server` sets `public_network_access_enabled = false` (the provider's default is `true`).",
    remediation: "Set `public_network_access_enabled = false` and reach the server through a private endpoint.",
    references: [
        "https://learn.microsoft.com/azure/postgresql/single-server/concepts-data-access-and-security-private-link"
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
                    "azurerm_postgresql_server",
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
                    "azurerm_postgresql_server",
                    r#"{"public_network_access_enabled":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
