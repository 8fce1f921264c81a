//! DPY-AZURE-VM-001: Linux virtual machine allows password authentication.
//!
//! # What it checks
//! `azurerm_linux_virtual_machine` (and scale set) does not set `disable_password_authentication = false`.
//!
//! # Why it matters
//! Passwords can be guessed or reused; SSH keys cannot.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_linux_virtual_machine" "vm" {
//!   name                            = "vm"
//!   disable_password_authentication = false
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_linux_virtual_machine" "vm" {
//!   name                            = "vm"
//!   disable_password_authentication = true
//! }
//! ```
//!
//! # Remediation
//! Set `disable_password_authentication = true` and use `admin_ssh_key`.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine>

use super::aws::verdict;
use super::cloud_common_c::value_not_in;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(VmPasswordAuth {
    code: "DPY-AZURE-VM-001",
    checkov: ["CKV_AZURE_149"],
    title: "Linux virtual machine allows password authentication",
    severity: High,
    reason: "trivy-checks AZU-0039 (compute disable-password-authentication) is High. High, as trivy",
    targets: [
        (Terraform, "azurerm_linux_virtual_machine"),
        (Terraform, "azurerm_linux_virtual_machine_scale_set")
    ],
    description: "`azurerm_linux_virtual_machine` (and scale set) does not set `disable_password_authentication = false`.",
    remediation: "Set `disable_password_authentication = true` and use `admin_ssh_key`.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_not_in(r, "disable_password_authentication", &["false"]),
        "password authentication is enabled",
    )
}
