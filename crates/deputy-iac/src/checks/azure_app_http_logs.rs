//! DPY-AZURE-APP-005: App Service does not enable HTTP logging.
//!
//! # What it checks
//! `azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) configures `logs { http_logs { … } }`.
//!
//! # Why it matters
//! HTTP logs record the requests the app served, which incident investigation needs.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_app_service" "app" {
//!   name                = "example-app"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   app_service_plan_id = "example-plan-id"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_app_service" "app" {
//!   name                = "example-app"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   app_service_plan_id = "example-plan-id"
//!   logs {
//!     http_logs {
//!       file_system {
//!         retention_in_days = 7
//!         retention_in_mb   = 35
//!       }
//!     }
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `http_logs` block to `logs`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AppHttpLogs {
    code: "DPY-AZURE-APP-005",
    checkov: ["CKV_AZURE_63"],
    title: "App Service does not enable HTTP logging",
    severity: Low,
    reason: "No trivy-checks or KICS equivalent found; Low: a missing access log weakens investigation, it exposes nothing",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) configures `logs { http_logs { … } }`.",
    remediation: "Add an `http_logs` block to `logs`.",
    references: ["https://learn.microsoft.com/azure/app-service/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "logs.http_logs",
        Want::Any,
        false,
        "HTTP logging is not configured",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn configured_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"logs":[{"http_logs":[{"file_system":[{"retention_in_days":7}]}]}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Pass
        );
    }

    #[test]
    fn missing_fails() {
        assert!(matches!(
            evaluate(&resource("azurerm_app_service", r#"{}"#), &Cx::new(&[])),
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn logs_without_http_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"logs":[{"detailed_error_messages_enabled":true}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }
}
