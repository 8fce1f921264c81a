//! DPY-AZURE-SQL-007: SQL server security alert policy disables threat detection types.
//!
//! # What it checks
//! `azurerm_mssql_server_security_alert_policy` does not list any alert type in `disabled_alerts`.
//!
//! # Why it matters
//! Every disabled alert type is a class of attack (SQL injection, anomalous access, exfiltration) nobody is told about.
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
//!   disabled_alerts     = ["Sql_Injection"]
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
//! }
//! ```
//!
//! # Remediation
//! Remove the entries of `disabled_alerts`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/azure-sql/database/threat-detection-overview>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(SqlThreatTypes {
    code: "DPY-AZURE-SQL-007",
    checkov: ["CKV_AZURE_25"],
    title: "SQL server security alert policy disables threat detection types",
    severity: Medium,
    reason: "trivy-checks AZU-0028 (all-threat-alerts-enabled) is Medium; followed",
    targets: [(Terraform, "azurerm_mssql_server_security_alert_policy")],
    description: "`azurerm_mssql_server_security_alert_policy` does not list any alert type in `disabled_alerts`.",
    remediation: "Remove the entries of `disabled_alerts`.",
    references: ["https://learn.microsoft.com/azure/azure-sql/database/threat-detection-overview"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let Some(alerts) = r.config.get("disabled_alerts") else {
        return Verdict::Pass;
    };
    let mut unknown = false;
    for alert in alerts.items() {
        match alert {
            Value::Unknown(_) => unknown = true,
            Value::String(s) if s.is_empty() => {}
            Value::Null | Value::Bool(false) => {}
            Value::List(l) if l.is_empty() => {}
            _ => return Verdict::fail("`disabled_alerts` disables alert types"),
        }
    }
    if unknown {
        Verdict::Unknown
    } else {
        Verdict::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn no_disabled_alerts_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_mssql_server_security_alert_policy",
                    r#"{"state":"Enabled"}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Pass
        );
    }

    #[test]
    fn empty_list_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_mssql_server_security_alert_policy",
                    r#"{"disabled_alerts":[]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Pass
        );
    }

    #[test]
    fn disabled_alert_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_mssql_server_security_alert_policy",
                    r#"{"disabled_alerts":["Sql_Injection"]}"#
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
                    r#"{"disabled_alerts":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
