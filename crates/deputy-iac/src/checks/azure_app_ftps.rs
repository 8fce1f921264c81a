//! DPY-AZURE-APP-007: App Service allows plain FTP deployments.
//!
//! # What it checks
//! `azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `site_config { ftps_state }` to `Disabled` or `FtpsOnly`.
//!
//! # Why it matters
//! Plain FTP sends deployment credentials and content unencrypted.
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
//!     ftps_state = "AllAllowed"
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
//!     ftps_state = "Disabled"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `ftps_state = "Disabled"` (or `"FtpsOnly"`).
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AppFtps {
    code: "DPY-AZURE-APP-007",
    checkov: ["CKV_AZURE_78"],
    title: "App Service allows plain FTP deployments",
    severity: Medium,
    reason: "trivy-checks AZU-0071 (enforce-ftps) is Medium; followed",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `site_config { ftps_state }` to `Disabled` or `FtpsOnly`.",
    remediation: "Set `ftps_state = \"Disabled\"` (or `\"FtpsOnly\"`).",
    references: ["https://learn.microsoft.com/azure/app-service/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "site_config.ftps_state",
        Want::OneOf(&["Disabled", "FtpsOnly"]),
        false,
        "`site_config.ftps_state` does not disable plain FTP",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn disabled_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"site_config":[{"ftps_state":"Disabled"}]}"#
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
    fn all_allowed_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"site_config":[{"ftps_state":"AllAllowed"}]}"#
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
                    r#"{"site_config":[{"ftps_state":{"$unknown":[]}}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
