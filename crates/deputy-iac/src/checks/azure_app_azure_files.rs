//! DPY-AZURE-APP-008: App Service does not mount Azure Files storage.
//!
//! # What it checks
//! `azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) declares a `storage_account` block of `type = "AzureFiles"`.
//!
//! # Why it matters
//! Content on an Azure Files share survives instance replacement and can be managed apart from the app.
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
//!   storage_account {
//!     name         = "content"
//!     type         = "AzureFiles"
//!     account_name = "examplestorage"
//!     share_name   = "content"
//!     access_key   = "not-a-real-key"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add a `storage_account` block with `type = "AzureFiles"`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/app-service/>

use super::azure_common_b::{Want, value_check};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AppAzureFiles {
    code: "DPY-AZURE-APP-008",
    checkov: ["CKV_AZURE_88"],
    title: "App Service does not mount Azure Files storage",
    severity: Low,
    reason: "No trivy-checks or KICS equivalent found; Low: a durability and content-management recommendation, not an exposure",
    targets: [
        (Terraform, "azurerm_app_service"),
        (Terraform, "azurerm_linux_web_app"),
        (Terraform, "azurerm_windows_web_app")
    ],
    description: "`azurerm_app_service` (and `azurerm_linux_web_app`/`azurerm_windows_web_app`) declares a `storage_account` block of `type = \"AzureFiles\"`.",
    remediation: "Add a `storage_account` block with `type = \"AzureFiles\"`.",
    references: ["https://learn.microsoft.com/azure/app-service/"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    value_check(
        r,
        "storage_account.type",
        Want::OneOf(&["AzureFiles"]),
        false,
        "no `storage_account` of type `AzureFiles`",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn azure_files_passes() {
        assert_eq!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"storage_account":[{"type":"AzureFiles"}]}"#
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
    fn blob_fails() {
        assert!(matches!(
            evaluate(
                &resource(
                    "azurerm_app_service",
                    r#"{"storage_account":[{"type":"AzureBlob"}]}"#
                ),
                &Cx::new(&[])
            ),
            Verdict::Fail(_)
        ));
    }
}
