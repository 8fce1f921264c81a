//! DPY-AZURE-APP-011: App Service does not enable HTTP/2.
//!
//! # What it checks
//! `azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `site_config { http2_enabled = true }`.
//!
//! # Why it matters
//! HTTP/2 brings protocol fixes and performance improvements over HTTP/1.1.
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
//!   site_config {
//!     http2_enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `http2_enabled = true` in `site_config`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AppHttp2 {
    code: "DPY-AZURE-APP-011",
    checkov: ["CKV_AZURE_18"],
    title: "App Service does not enable HTTP/2",
    severity: Low,
    reason: "trivy-checks AZU-0005 (enable-http2) is Low; followed",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `site_config { http2_enabled = true }`.",
    remediation: "Set `http2_enabled = true` in `site_config`.",
    references: ["https://learn.microsoft.com/azure/app-service/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "site_config.http2_enabled",
        Want::True,
        false,
        "`site_config.http2_enabled` is not true",
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
                    r#"{"site_config":[{"http2_enabled":true}]}"#
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
                    r#"{"site_config":[{"http2_enabled":false}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }
}
