//! DPY-AZURE-APP-006: App Service does not enable failed request tracing.
//!
//! # What it checks
//! `azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `logs { failed_request_tracing_enabled = true }`. Linux and Windows web apps use `logs.failed_request_tracing`.
//!
//! # Why it matters
//! Failed request traces show why requests failed, for troubleshooting and investigation.
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
//!     failed_request_tracing_enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `failed_request_tracing_enabled = true` in the `logs` block.
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AppFailedRequestTracing {
    code: "DPY-AZURE-APP-006",
    checkov: ["CKV_AZURE_66"],
    title: "App Service does not enable failed request tracing",
    severity: Low,
    reason: "No trivy-checks or KICS equivalent found; Low: a missing diagnostic log weakens investigation, it exposes nothing",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `logs { failed_request_tracing_enabled = true }`. Linux and Windows web apps use `logs.failed_request_tracing`.",
    remediation: "Set `failed_request_tracing_enabled = true` in the `logs` block.",
    references: ["https://learn.microsoft.com/azure/app-service/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        if r.kind == "azurerm_app_service" {
            "logs.failed_request_tracing_enabled"
        } else {
            "logs.failed_request_tracing"
        },
        Want::True,
        false,
        "failed request tracing is not enabled",
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
                    r#"{"logs":[{"failed_request_tracing_enabled":true}]}"#
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
                    r#"{"logs":[{"failed_request_tracing_enabled":false}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }
}
