//! DPY-AZURE-VM-002: Linux virtual machine has no SSH key.
//!
//! # What it checks
//! `azurerm_linux_virtual_machine` (and scale set) sets `admin_ssh_key { public_key = ... }`; `public_key` is required in that block, so a value Deputy cannot resolve still counts as a key.
//!
//! # Why it matters
//! Without an SSH key the administrator signs in with a password.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_linux_virtual_machine" "vm" {
//!   name           = "vm"
//!   admin_password = var.admin_password
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_linux_virtual_machine" "vm" {
//!   name = "vm"
//!   admin_ssh_key {
//!     username   = "adminuser"
//!     public_key = file("id_rsa.pub")
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `admin_ssh_key` block.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine>

use super::aws::verdict;
use super::cloud_common_c::value_written;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(VmSshKey {
    code: "DPY-AZURE-VM-002",
    checkov: ["CKV_AZURE_178"],
    title: "Linux virtual machine has no SSH key",
    severity: High,
    reason: "trivy-checks AZU-0039 (compute disable-password-authentication) is High and covers the same risk. High, as trivy",
    targets: [
        (Terraform, "azurerm_linux_virtual_machine"),
        (Terraform, "azurerm_linux_virtual_machine_scale_set")
    ],
    description: "`azurerm_linux_virtual_machine` (and scale set) sets `admin_ssh_key { public_key = ... }`; `public_key` is required in that block, so a value Deputy cannot resolve still counts as a key.",
    remediation: "Add an `admin_ssh_key` block.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_written(r, "admin_ssh_key.public_key"),
        "no SSH key is configured",
    )
}
