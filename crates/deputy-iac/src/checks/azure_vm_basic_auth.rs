//! DPY-AZURE-VM-005: Virtual machine allows password (basic) authentication.
//!
//! # What it checks
//! `azurerm_virtual_machine` does not set `os_profile_linux_config { disable_password_authentication = false }`, and neither it nor `azurerm_linux_virtual_machine` sets `disable_password_authentication = false`.
//!
//! # Why it matters
//! Passwords can be guessed or reused; SSH keys cannot.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_virtual_machine" "vm" {
//!   name = "vm"
//!   os_profile_linux_config {
//!     disable_password_authentication = false
//!   }
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_virtual_machine" "vm" {
//!   name = "vm"
//!   os_profile_linux_config {
//!     disable_password_authentication = true
//!   }
//! }
//! ```
//!
//! # Remediation
//! Set `disable_password_authentication = true` and configure SSH keys.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(VmBasicAuth {
    code: "DPY-AZURE-VM-005",
    checkov: ["CKV_AZURE_1"],
    title: "Virtual machine allows password (basic) authentication",
    severity: High,
    reason: "trivy-checks AZU-0039 (compute disable-password-authentication) is High. High, as trivy",
    targets: [
        (Terraform, "azurerm_virtual_machine"),
        (Terraform, "azurerm_linux_virtual_machine")
    ],
    description: "`azurerm_virtual_machine` does not set `os_profile_linux_config { disable_password_authentication = false }`, and neither it nor `azurerm_linux_virtual_machine` sets `disable_password_authentication = false`.",
    remediation: "Set `disable_password_authentication = true` and configure SSH keys.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let written_false = |v: Option<&Value>| match v {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == Truth::False => Truth::False,
        _ => Truth::True,
    };
    let ok = match (
        written_false(
            r.config
                .path("os_profile_linux_config.disable_password_authentication"),
        ),
        written_false(r.config.get("disable_password_authentication")),
    ) {
        (Truth::False, _) | (_, Truth::False) => Truth::False,
        (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
        _ => Truth::True,
    };
    verdict(ok, "password authentication is enabled")
}
