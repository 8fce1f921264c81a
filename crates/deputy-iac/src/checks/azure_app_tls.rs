//! DPY-AZURE-APP-003: App Service accepts TLS versions older than 1.2.
//!
//! # What it checks
//! `azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) does not set `site_config { min_tls_version }` below `1.2` (absent takes the provider's default, 1.2). Linux and Windows web apps use `site_config.minimum_tls_version`.
//!
//! # Why it matters
//! TLS 1.0 and 1.1 have known weaknesses and are deprecated.
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
//!   site_config {
//!     min_tls_version = "1.0"
//!   }
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
//!     min_tls_version = "1.2"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `min_tls_version = "1.2"` (or leave it unset).
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AppTlsVersion {
    code: "DPY-AZURE-APP-003",
    checkov: ["CKV_AZURE_15"],
    title: "App Service accepts TLS versions older than 1.2",
    severity: High,
    reason: "trivy-checks AZU-0006 (use-secure-tls-policy) is High; followed",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) does not set `site_config { min_tls_version }` below `1.2` (absent takes the provider's default, 1.2). Linux and Windows web apps use `site_config.minimum_tls_version`.",
    remediation: "Set `min_tls_version = \"1.2\"` (or leave it unset).",
    references: ["https://learn.microsoft.com/azure/app-service/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        if r.kind == "azurerm_app_service" {
            "site_config.min_tls_version"
        } else {
            "site_config.minimum_tls_version"
        },
        Want::OneOf(&["1.2", "1.3"]),
        true,
        "the minimum TLS version is below 1.2",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn tls12_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"site_config":[{"min_tls_version":"1.2"}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Pass
        );
    }

    #[test]
    fn missing_passes() {
        assert_eq!(
            evaluate(&resource("azurerm_app_service", r#"{}"#), &Cx::new(&[])),
            Verdict::Pass
        );
    }

    #[test]
    fn tls10_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"site_config":[{"min_tls_version":"1.0"}]}"#
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
                    r#"{"site_config":[{"min_tls_version":{"$unknown":[]}}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
