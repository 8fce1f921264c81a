//! DPY-AZURE-APP-001: App Service authentication is not enabled.
//!
//! # What it checks
//! `azurerm_app_service`, `azurerm_linux_web_app` and `azurerm_windows_web_app` set `auth_settings { enabled = true }` (or `auth_settings_v2 { auth_enabled = true }`).
//!
//! # Why it matters
//! Built-in authentication keeps anonymous requests from reaching the app.
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
//!   auth_settings {
//!     enabled = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Enable `auth_settings` (or `auth_settings_v2`) with an identity provider.
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/overview-authentication-authorization>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(AppAuthentication {
    code: "DPY-AZURE-APP-001",
    checkov: ["CKV_AZURE_13"],
    title: "App Service authentication is not enabled",
    severity: Medium,
    reason: "trivy-checks AZU-0003 (authentication-enabled) is Medium; followed",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service`, `azurerm_linux_web_app` and `azurerm_windows_web_app` set `auth_settings { enabled = true }` (or `auth_settings_v2 { auth_enabled = true }`).",
    remediation: "Enable `auth_settings` (or `auth_settings_v2`) with an identity provider.",
    references: [
        "https://learn.microsoft.com/azure/app-service/overview-authentication-authorization"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    for (block, key) in [
        ("auth_settings", "enabled"),
        ("auth_settings_v2", "auth_enabled"),
    ] {
        match r.config.path(block).and_then(|b| match b {
            Value::List(items) => items.first(),
            other => Some(other),
        }) {
            Some(Value::Unknown(_)) => return Verdict::Unknown,
            Some(b) => match b.get(key) {
                Some(Value::Unknown(_)) => return Verdict::Unknown,
                Some(Value::Null) | None => {}
                Some(v) if v.truth() == Truth::True => return Verdict::Pass,
                Some(_) => return Verdict::fail(format!("`{block}.{key}` is not true")),
            },
            None => {}
        }
    }
    Verdict::fail("App Service authentication is not enabled")
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
                    r#"{"auth_settings":[{"enabled":true}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Pass
        );
    }

    #[test]
    fn v2_enabled_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"auth_settings_v2":[{"auth_enabled":true}]}"#
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
                    r#"{"auth_settings":[{"enabled":false}]}"#
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
                    r#"{"auth_settings":[{"enabled":{"$unknown":[]}}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
