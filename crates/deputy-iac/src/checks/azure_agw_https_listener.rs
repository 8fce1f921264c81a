//! DPY-AZURE-AGW-001: Application gateway's first listener does not use HTTPS.
//!
//! # What it checks
//! `azurerm_application_gateway`'s first `http_listener` sets `protocol = "Https"`.
//!
//! # Why it matters
//! An HTTP listener accepts requests, credentials included, in clear text.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_application_gateway" "gw" {
//!   http_listener {
//!     name     = "web"
//!     protocol = "Http"
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_application_gateway" "gw" {
//!   http_listener {
//!     name                 = "web"
//!     protocol             = "Https"
//!     ssl_certificate_name = "web"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Serve the listener over HTTPS.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(AgwHttpsListener {
    code: "DPY-AZURE-AGW-001",
    checkov: ["CKV_AZURE_217"],
    title: "Application gateway's first listener does not use HTTPS",
    severity: Medium,
    reason: "trivy-checks has no Application Gateway check; no KICS equivalent was verified. Medium: traffic to the gateway may travel in clear text",
    targets: [(Terraform, "azurerm_application_gateway")],
    description: "`azurerm_application_gateway`'s first `http_listener` sets `protocol = \"Https\"`.",
    remediation: "Serve the listener over HTTPS.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "http_listener.protocol", &["Https"], Truth::False),
        "the listener does not use HTTPS",
    )
}
