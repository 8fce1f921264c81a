//! DPY-AZURE-APP-009: App Service does not redirect HTTP to HTTPS.
//!
//! # What it checks
//! `azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `https_only = true`.
//!
//! # Why it matters
//! Without it the app answers plain HTTP, which can be read and altered in transit.
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
//!   https_only = true
//! }
//! ```
//!
//! # Remediation
//! Set `https_only = true`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AppHttpsOnly {
    code: "DPY-AZURE-APP-009",
    checkov: ["CKV_AZURE_14"],
    title: "App Service does not redirect HTTP to HTTPS",
    severity: High,
    reason: "trivy-checks AZU-0004 (enforce-https) is Critical; High here: the app also answers over HTTPS, the risk is clients left on plain HTTP",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) sets `https_only = true`.",
    remediation: "Set `https_only = true`.",
    references: ["https://learn.microsoft.com/azure/app-service/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "https_only",
        Want::True,
        false,
        "`https_only` is not true",
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
                &resource("azurerm_app_service", r#"{"https_only":true}"#),
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
                &resource("azurerm_app_service", r#"{"https_only":false}"#),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn unresolved_is_unknown() {
        assert_eq!(
            evaluate(
                &resource("azurerm_app_service", r#"{"https_only":{"$unknown":[]}}"#),
                &Cx::new(&[])
            ),
            Verdict::Unknown
        );
    }
}
