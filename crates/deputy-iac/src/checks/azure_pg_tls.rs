//! DPY-AZURE-PG-006: PostgreSQL server does not require TLS 1.2.
//!
//! # What it checks
//! `azurerm_postgresql_server` sets `ssl_minimal_tls_version_enforced = "TLS1_2"`.
//!
//! # Why it matters
//! TLS 1.0 and 1.1 have known weaknesses and are deprecated.
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
//!   ssl_minimal_tls_version_enforced = "TLS1_0"
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
//!   ssl_minimal_tls_version_enforced = "TLS1_2"
//! }
//! ```
//!
//! # Remediation
//! Set `ssl_minimal_tls_version_enforced = "TLS1_2"`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/postgresql/single-server/concepts-ssl-connection-security>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgTlsVersion {
    code: "DPY-AZURE-PG-006",
    checkov: ["CKV_AZURE_147"],
    title: "PostgreSQL server does not require TLS 1.2",
    severity: Medium,
    reason: "trivy-checks AZU-0026 (secure-tls-policy, databases) is Medium; followed",
    targets: [(Terraform, "azurerm_postgresql_server")],
    description: "`azurerm_postgresql_server` sets `ssl_minimal_tls_version_enforced = \"TLS1_2\"`.",
    remediation: "Set `ssl_minimal_tls_version_enforced = \"TLS1_2\"`.",
    references: [
        "https://learn.microsoft.com/azure/postgresql/single-server/concepts-ssl-connection-security"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "ssl_minimal_tls_version_enforced",
        Want::OneOf(&["TLS1_2"]),
        false,
        "`ssl_minimal_tls_version_enforced` is not `TLS1_2`",
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
                    r#"{"ssl_minimal_tls_version_enforced":"TLS1_2"}"#
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
                    r#"{"ssl_minimal_tls_version_enforced":"TLS1_0"}"#
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
                    r#"{"ssl_minimal_tls_version_enforced":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
