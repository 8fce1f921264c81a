//! DPY-AZURE-APP-004: App Service does not require client certificates.
//!
//! # What it checks
//! `azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `client_cert_enabled = true`. Linux and Windows web apps use `client_certificate_enabled`.
//!
//! # Why it matters
//! Requiring incoming client certificates lets only clients holding a valid certificate reach the app.
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
//!   client_cert_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `client_cert_enabled = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AppClientCert {
    code: "DPY-AZURE-APP-004",
    checkov: ["CKV_AZURE_17"],
    title: "App Service does not require client certificates",
    severity: Low,
    reason: "trivy-checks AZU-0001 (require-client-cert) is Low; followed",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `client_cert_enabled = true`. Linux and Windows web apps use `client_certificate_enabled`.",
    remediation: "Set `client_cert_enabled = true`.",
    references: ["https://learn.microsoft.com/azure/app-service/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        if r.kind == "azurerm_app_service" {
            "client_cert_enabled"
        } else {
            "client_certificate_enabled"
        },
        Want::True,
        false,
        "`client_cert_enabled` is not true",
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
                &resource("azurerm_app_service", r#"{"client_cert_enabled":true}"#),
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
                &resource("azurerm_app_service", r#"{"client_cert_enabled":false}"#),
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
                    r#"{"client_cert_enabled":{"$unknown":[]}}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
