//! DPY-AZURE-NET-001: Network security group allows SSH from the internet.
//!
//! # What it checks
//! No `azurerm_network_security_rule`, and no `security_rule` of an `azurerm_network_security_group`, allows inbound TCP (or `*`) traffic to port 22 (alone, in a range or as `*`) from `*`, `0.0.0.0`, `/0`, `Internet` or `Any`.
//!
//! # Why it matters
//! SSH exposed to the internet is scanned and brute-forced continuously.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_network_security_rule" "r" {
//!   name                        = "ssh"
//!   access                      = "Allow"
//!   direction                   = "Inbound"
//!   protocol                    = "Tcp"
//!   destination_port_range      = "22"
//!   source_address_prefix       = "Internet"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_network_security_rule" "r" {
//!   name                        = "ssh"
//!   access                      = "Allow"
//!   direction                   = "Inbound"
//!   protocol                    = "Tcp"
//!   destination_port_range      = "22"
//!   source_address_prefix       = "10.0.0.0/16"
//! }
//! ```
//!
//! # Remediation
//! Allow port 22 only from known networks, or use Azure Bastion.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule>
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_group>

use super::aws::verdict;
use super::cloud_common_c::nsg_port_closed;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(NsgSsh {
    code: "DPY-AZURE-NET-001",
    checkov: ["CKV_AZURE_10"],
    title: "Network security group allows SSH from the internet",
    severity: Critical,
    reason: "trivy-checks AZU-0050 (network ssh-blocked-from-internet) is Critical. Critical, as trivy: the port is open to every address",
    targets: [
        (Terraform, "azurerm_network_security_group"),
        (Terraform, "azurerm_network_security_rule")
    ],
    description: "No `azurerm_network_security_rule`, and no `security_rule` of an `azurerm_network_security_group`, allows inbound TCP (or `*`) traffic to port 22 (alone, in a range or as `*`) from `*`, `0.0.0.0`, `/0`, `Internet` or `Any`.",
    remediation: "Allow port 22 only from known networks, or use Azure Bastion.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_group"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(nsg_port_closed(r, 22), "port 22 is open to the internet")
}
