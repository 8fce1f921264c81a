//! DPY-AZURE-MYSQL-007: MySQL server does not require TLS 1.2.
//!
//! # What it checks
//! `azurerm_mysql_server` sets `ssl_minimal_tls_version_enforced = "TLS1_2"`.
//!
//! # Why it matters
//! TLS 1.0 and 1.1 have known weaknesses and are deprecated.
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
//!   ssl_minimal_tls_version_enforced = "TLS1_0"
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
//!   ssl_minimal_tls_version_enforced = "TLS1_2"
//! }
//! ```
//!
//! # Remediation
//! Set `ssl_minimal_tls_version_enforced = "TLS1_2"`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/mysql/single-server/how-to-tls-configurations>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(MysqlTlsVersion {
    code: "DPY-AZURE-MYSQL-007",
    checkov: ["CKV_AZURE_54"],
    title: "MySQL server does not require TLS 1.2",
    severity: Medium,
    reason: "trivy-checks AZU-0026 (secure-tls-policy, databases) is Medium; followed",
    targets: [(Terraform, "azurerm_mysql_server")],
    description: "`azurerm_mysql_server` sets `ssl_minimal_tls_version_enforced = \"TLS1_2\"`.",
    remediation: "Set `ssl_minimal_tls_version_enforced = \"TLS1_2\"`.",
    references: ["https://learn.microsoft.com/azure/mysql/single-server/how-to-tls-configurations"],
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
                    "azurerm_mysql_server",
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
                    "azurerm_mysql_server",
                    r#"{"ssl_minimal_tls_version_enforced":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
