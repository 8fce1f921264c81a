//! DPY-AZURE-PG-002: PostgreSQL server parameter `connection_throttling` is turned off.
//!
//! # What it checks
//! An `azurerm_postgresql_configuration` named `connection_throttling` does not set `value = "off"`.
//!
//! # Why it matters
//! Connection throttling slows down floods of failed logins, limiting brute-force and denial-of-service attempts.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_postgresql_configuration" "param" {
//!   name                = "connection_throttling"
//!   resource_group_name = "example-rg"
//!   server_name         = "example-psql"
//!   value               = "off"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_postgresql_configuration" "param" {
//!   name                = "connection_throttling"
//!   resource_group_name = "example-rg"
//!   server_name         = "example-psql"
//!   value               = "on"
//! }
//! ```
//!
//! # Remediation
//! Set the `connection_throttling` parameter to `on`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/postgresql/single-server/concepts-server-parameters>

use super::azure_common_b::configuration_not_off;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgConnectionThrottling {
    code: "DPY-AZURE-PG-002",
    checkov: ["CKV_AZURE_32"],
    title: "PostgreSQL server parameter `connection_throttling` is turned off",
    severity: Medium,
    reason: "trivy-checks AZU-0021 (postgres-configuration-connection-throttling) is Medium; followed",
    targets: [(Terraform, "azurerm_postgresql_configuration")],
    description: "An `azurerm_postgresql_configuration` named `connection_throttling` does not set `value = \"off\"`.",
    remediation: "Set the `connection_throttling` parameter to `on`.",
    references: [
        "https://learn.microsoft.com/azure/postgresql/single-server/concepts-server-parameters"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    configuration_not_off(r, "connection_throttling")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn on_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_postgresql_configuration",
                    r#"{"name":"connection_throttling","value":"on"}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Pass
        );
    }

    #[test]
    fn off_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_postgresql_configuration",
                    r#"{"name":"connection_throttling","value":"off"}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn other_parameter_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_postgresql_configuration",
                    r#"{"name":"log_retention_days","value":"off"}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Pass
        );
    }

    #[test]
    fn unresolved_value_is_unknown() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_postgresql_configuration",
                    r#"{"name":"connection_throttling","value":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
