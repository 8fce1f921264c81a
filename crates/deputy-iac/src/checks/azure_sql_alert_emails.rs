//! DPY-AZURE-SQL-008: SQL server security alerts are sent to no email address.
//!
//! # What it checks
//! `azurerm_mssql_server_security_alert_policy` sets `email_addresses`.
//!
//! # Why it matters
//! Security alerts nobody receives are not acted on.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_mssql_server_security_alert_policy" "alerts" {
//!   resource_group_name = "example-rg"
//!   server_name         = "example-sqlserver"
//!   state               = "Enabled"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_mssql_server_security_alert_policy" "alerts" {
//!   resource_group_name = "example-rg"
//!   server_name         = "example-sqlserver"
//!   state               = "Enabled"
//!   email_addresses     = ["security@example.com"]
//! }
//! ```
//!
//! # Remediation
//! Set `email_addresses` to the team that handles security alerts.
//!
//! # References
//! - <https://learn.microsoft.com/azure/azure-sql/database/threat-detection-overview>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SqlAlertEmails {
    code: "DPY-AZURE-SQL-008",
    checkov: ["CKV_AZURE_26"],
    title: "SQL server security alerts are sent to no email address",
    severity: Medium,
    reason: "trivy-checks AZU-0018 (threat-alert-email-set) is Medium; followed",
    targets: [(Terraform, "azurerm_mssql_server_security_alert_policy")],
    description: "`azurerm_mssql_server_security_alert_policy` sets `email_addresses`.",
    remediation: "Set `email_addresses` to the team that handles security alerts.",
    references: ["https://learn.microsoft.com/azure/azure-sql/database/threat-detection-overview"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "email_addresses",
        Want::Any,
        false,
        "`email_addresses` is not set",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn addresses_pass() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_mssql_server_security_alert_policy",
                    r#"{"email_addresses":["security@example.com"]}"#
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
                &resource("azurerm_mssql_server_security_alert_policy", r#"{}"#),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn empty_list_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_mssql_server_security_alert_policy",
                    r#"{"email_addresses":[]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }
}
