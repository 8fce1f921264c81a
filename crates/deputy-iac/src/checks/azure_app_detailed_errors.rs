//! DPY-AZURE-APP-002: App Service does not log detailed error messages.
//!
//! # What it checks
//! `azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `logs { detailed_error_messages_enabled = true }`. Linux and Windows web apps use `logs.detailed_error_messages`.
//!
//! # Why it matters
//! Detailed error logs help diagnose failures and investigate incidents.
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
//!     detailed_error_messages_enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `detailed_error_messages_enabled = true` in the `logs` block.
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AppDetailedErrors {
    code: "DPY-AZURE-APP-002",
    checkov: ["CKV_AZURE_65"],
    title: "App Service does not log detailed error messages",
    severity: Low,
    reason: "No trivy-checks or KICS equivalent found; Low: a missing diagnostic log weakens investigation, it exposes nothing",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `logs { detailed_error_messages_enabled = true }`. Linux and Windows web apps use `logs.detailed_error_messages`.",
    remediation: "Set `detailed_error_messages_enabled = true` in the `logs` block.",
    references: ["https://learn.microsoft.com/azure/app-service/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        if r.kind == "azurerm_app_service" {
            "logs.detailed_error_messages_enabled"
        } else {
            "logs.detailed_error_messages"
        },
        Want::True,
        false,
        "detailed error messages are not logged",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn enabled_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"logs":[{"detailed_error_messages_enabled":true}]}"#
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
    fn disabled_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"logs":[{"detailed_error_messages_enabled":false}]}"#
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
                    "azurerm_app_service",
                    r#"{"logs":[{"detailed_error_messages_enabled":{"$unknown":[]}}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
