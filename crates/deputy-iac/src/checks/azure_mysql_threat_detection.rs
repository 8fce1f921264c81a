//! DPY-AZURE-MYSQL-002: MySQL server does not enable threat detection.
//!
//! # What it checks
//! `azurerm_mysql_server` sets `threat_detection_policy { enabled = true }`.
//!
//! # Why it matters
//! Threat detection alerts on anomalous access such as SQL injection or brute-force attempts.
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
//!   threat_detection_policy {
//!     enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable `threat_detection_policy`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/mysql/single-server/concepts-security>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(MysqlThreatDetection {
    code: "DPY-AZURE-MYSQL-002",
    checkov: ["CKV_AZURE_127"],
    title: "MySQL server does not enable threat detection",
    severity: Medium,
    reason: "trivy-checks AZU-0028 (all-threat-alerts-enabled, database threat alerts) is Medium; followed",
    targets: [(Terraform, "azurerm_mysql_server")],
    description: "`azurerm_mysql_server` sets `threat_detection_policy { enabled = true }`.",
    remediation: "Enable `threat_detection_policy`.",
    references: ["https://learn.microsoft.com/azure/mysql/single-server/concepts-security"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "threat_detection_policy.enabled",
        Want::True,
        false,
        "`threat_detection_policy.enabled` is not true",
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
                    r#"{"threat_detection_policy":[{"enabled":true}]}"#
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
                    r#"{"threat_detection_policy":[{"enabled":false}]}"#
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
                    r#"{"threat_detection_policy":[{"enabled":{"$unknown":[]}}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
