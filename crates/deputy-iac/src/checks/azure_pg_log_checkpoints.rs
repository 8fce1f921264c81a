//! DPY-AZURE-PG-001: PostgreSQL server parameter `log_checkpoints` is turned off.
//!
//! # What it checks
//! An `azurerm_postgresql_configuration` named `log_checkpoints` does not set `value = "off"`.
//!
//! # Why it matters
//! Checkpoint logs help diagnose performance problems and reconstruct what happened on the server.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_postgresql_configuration" "param" {
//!   name                = "log_checkpoints"
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
//!   name                = "log_checkpoints"
//!   resource_group_name = "example-rg"
//!   server_name         = "example-psql"
//!   value               = "on"
//! }
//! ```
//!
//! # Remediation
//! Set the `log_checkpoints` parameter to `on`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/postgresql/single-server/concepts-server-logs>

use super::azure_common_b::configuration_not_off;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(PgLogCheckpoints {
    code: "DPY-AZURE-PG-001",
    checkov: ["CKV_AZURE_30"],
    title: "PostgreSQL server parameter `log_checkpoints` is turned off",
    severity: Medium,
    reason: "trivy-checks AZU-0024 (postgres-configuration-log-checkpoints) is Medium; followed",
    targets: [(Terraform, "azurerm_postgresql_configuration")],
    description: "An `azurerm_postgresql_configuration` named `log_checkpoints` does not set `value = \"off\"`.",
    remediation: "Set the `log_checkpoints` parameter to `on`.",
    references: ["https://learn.microsoft.com/azure/postgresql/single-server/concepts-server-logs"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    configuration_not_off(r, "log_checkpoints")
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
                    r#"{"name":"log_checkpoints","value":"on"}"#
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
                    r#"{"name":"log_checkpoints","value":"off"}"#
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
                    r#"{"name":"log_checkpoints","value":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
