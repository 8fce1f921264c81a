//! DPY-AZURE-MYSQL-001: MySQL server does not enable geo-redundant backups.
//!
//! # What it checks
//! `azurerm_mysql_server` and `azurerm_mysql_flexible_server` set `geo_redundant_backup_enabled = true`.
//!
//! # Why it matters
//! Geo-redundant backups let the database be restored in another region after a regional outage.
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
//!   geo_redundant_backup_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `geo_redundant_backup_enabled = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/mysql/single-server/concepts-backup>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(MysqlGeoBackup {
    code: "DPY-AZURE-MYSQL-001",
    checkov: ["CKV_AZURE_94"],
    title: "MySQL server does not enable geo-redundant backups",
    severity: Low,
    reason: "No trivy-checks equivalent found; Low: a recovery (availability) setting, nothing is exposed without it",
    targets: [
        (Terraform, "azurerm_mysql_server"),
        (Terraform, "azurerm_mysql_flexible_server")
    ],
    description: "`azurerm_mysql_server` and `azurerm_mysql_flexible_server` set `geo_redundant_backup_enabled = true`.",
    remediation: "Set `geo_redundant_backup_enabled = true`.",
    references: ["https://learn.microsoft.com/azure/mysql/single-server/concepts-backup"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "geo_redundant_backup_enabled",
        Want::True,
        false,
        "`geo_redundant_backup_enabled` is not true",
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
                    r#"{"geo_redundant_backup_enabled":true}"#
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
                    r#"{"geo_redundant_backup_enabled":false}"#
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
                    r#"{"geo_redundant_backup_enabled":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
