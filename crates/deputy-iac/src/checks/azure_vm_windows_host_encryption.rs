//! DPY-AZURE-VM-003: Windows virtual machine does not enable encryption at host.
//!
//! # What it checks
//! `azurerm_windows_virtual_machine` sets `encryption_at_host_enabled = true`.
//!
//! # Why it matters
//! Encryption at host also covers temporary disks and caches, which server-side encryption leaves in clear.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_windows_virtual_machine" "vm" {
//!   name = "vm"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_windows_virtual_machine" "vm" {
//!   name                       = "vm"
//!   encryption_at_host_enabled = true
//! }
//! ```
//!
//! # Remediation
//! Set `encryption_at_host_enabled = true`.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_virtual_machine>

use super::aws::verdict;
use super::cloud_common_c::value_in;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth};

check!(VmWindowsHostEncryption {
    code: "DPY-AZURE-VM-003",
    checkov: ["CKV_AZURE_151"],
    title: "Windows virtual machine does not enable encryption at host",
    severity: High,
    reason: "trivy-checks AZU-0038 (compute enable-disk-encryption) is High. High, as trivy",
    targets: [(Terraform, "azurerm_windows_virtual_machine")],
    description: "`azurerm_windows_virtual_machine` sets `encryption_at_host_enabled = true`.",
    remediation: "Set `encryption_at_host_enabled = true`.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_virtual_machine"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(
        value_in(r, "encryption_at_host_enabled", &["true"], Truth::False),
        "encryption at host is not enabled",
    )
}
