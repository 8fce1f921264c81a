//! DPY-AZURE-PG-005: PostgreSQL server does not enable infrastructure encryption.
//!
//! # What it checks
//! `azurerm_postgresql_server` sets `infrastructure_encryption_enabled = true`.
//!
//! # Why it matters
//! Infrastructure (double) encryption adds a second layer of encryption at rest.
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
//!   infrastructure_encryption_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `infrastructure_encryption_enabled = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/postgresql/single-server/concepts-infrastructure-double-encryption>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgInfraEncryption {
    code: "DPY-AZURE-PG-005",
    checkov: ["CKV_AZURE_130"],
    title: "PostgreSQL server does not enable infrastructure encryption",
    severity: Low,
    reason: "No trivy-checks equivalent found; Low: a second encryption layer on top of the always-on service encryption",
    targets: [(Terraform, "azurerm_postgresql_server")],
    description: "`azurerm_postgresql_server` sets `infrastructure_encryption_enabled = true`.",
    remediation: "Set `infrastructure_encryption_enabled = true`.",
    references: [
        "https://learn.microsoft.com/azure/postgresql/single-server/concepts-infrastructure-double-encryption"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "infrastructure_encryption_enabled",
        Want::True,
        false,
        "`infrastructure_encryption_enabled` is not true",
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
                    r#"{"infrastructure_encryption_enabled":true}"#
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
                    r#"{"infrastructure_encryption_enabled":false}"#
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
                    r#"{"infrastructure_encryption_enabled":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
