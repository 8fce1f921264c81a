//! DPY-AZURE-SQL-009: SQL server security alerts are not sent to account administrators.
//!
//! # What it checks
//! `azurerm_mssql_server_security_alert_policy` sets `email_account_admins = true`.
//!
//! # Why it matters
//! Sending alerts to the subscription's administrators makes sure someone responsible sees them.
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
//!   resource_group_name  = "example-rg"
//!   server_name          = "example-sqlserver"
//!   state                = "Enabled"
//!   email_account_admins = true
//! }
//! ```
//!
//! # Remediation
//! Set `email_account_admins = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/azure-sql/database/threat-detection-overview>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(SqlAlertAdmins {
    code: "DPY-AZURE-SQL-009",
    checkov: ["CKV_AZURE_27"],
    title: "SQL server security alerts are not sent to account administrators",
    severity: Low,
    reason: "trivy-checks AZU-0023 (threat-alert-email-to-owner) is Low; followed",
    targets: [(Terraform, "azurerm_mssql_server_security_alert_policy")],
    description: "`azurerm_mssql_server_security_alert_policy` sets `email_account_admins = true`.",
    remediation: "Set `email_account_admins = true`.",
    references: ["https://learn.microsoft.com/azure/azure-sql/database/threat-detection-overview"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "email_account_admins",
        Want::True,
        false,
        "`email_account_admins` is not true",
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
                    "azurerm_mssql_server_security_alert_policy",
                    r#"{"email_account_admins":true}"#
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
    fn wrong_value_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_mssql_server_security_alert_policy",
                    r#"{"email_account_admins":false}"#
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
                    "azurerm_mssql_server_security_alert_policy",
                    r#"{"email_account_admins":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
