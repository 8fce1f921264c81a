//! DPY-AZURE-VM-004: Virtual machine allows extension operations.
//!
//! # What it checks
//! `azurerm_linux_virtual_machine` / `azurerm_windows_virtual_machine` sets `allow_extension_operations = false` (the provider's default is `true`).
//!
//! # Why it matters
//! VM extensions run arbitrary code with full privileges on the machine.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_linux_virtual_machine" "vm" {
//!   name = "vm"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_linux_virtual_machine" "vm" {
//!   name                       = "vm"
//!   allow_extension_operations = false
//! }
//! ```
//!
//! # Remediation
//! Set `allow_extension_operations = false`.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(VmExtensions {
    code: "DPY-AZURE-VM-004",
    checkov: ["CKV_AZURE_50"],
    title: "Virtual machine allows extension operations",
    severity: Medium,
    reason: "trivy-checks has no equivalent; no KICS equivalent was verified. Medium: extensions run code as root/SYSTEM on the machine",
    targets: [
        (Terraform, "azurerm_linux_virtual_machine"),
        (Terraform, "azurerm_windows_virtual_machine")
    ],
    description: "`azurerm_linux_virtual_machine` / `azurerm_windows_virtual_machine` sets `allow_extension_operations = false` (the provider's default is `true`).",
    remediation: "Set `allow_extension_operations = false`.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "allow_extension_operations", &["false"], Truth::False),
        "extension operations are allowed",
    )
}
