//! DPY-AZURE-NET-002: Subnet has no network security group.
//!
//! # What it checks
//! `azurerm_subnet` is connected to an `azurerm_network_security_group` or an `azurerm_subnet_network_security_group_association`; `GatewaySubnet`, `AzureFirewallSubnet` and subnets delegated to `Microsoft.Netapp/volumes` are exempt (names compared in any case).
//!
//! # Why it matters
//! A network security group is the subnet's layer-4 filter; without one every port of every host is reachable from the virtual network and its peers.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_subnet" "app" {
//!   name                 = "app"
//!   virtual_network_name = azurerm_virtual_network.main.name
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_subnet" "app" {
//!   name                 = "app"
//!   virtual_network_name = azurerm_virtual_network.main.name
//! }
//!
//! resource "azurerm_subnet_network_security_group_association" "app" {
//!   subnet_id                 = azurerm_subnet.app.id
//!   network_security_group_id = azurerm_network_security_group.app.id
//! }
//! ```
//!
//! # Remediation
//! Associate a network security group with the subnet.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/subnet_network_security_group_association>

use super::aws::verdict;
use super::cloud_common_c::linked;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(SubnetNsg {
    code: "DPY-AZURE-NET-002",
    checkov: ["CKV2_AZURE_31"],
    title: "Subnet has no network security group",
    severity: Medium,
    reason: "trivy-checks has no subnet-NSG check and no KICS equivalent was verified. Medium: without an NSG the subnet's hosts rely on their own firewalls alone",
    targets: [(Terraform, "azurerm_subnet")],
    description: "`azurerm_subnet` is connected to an `azurerm_network_security_group` or an `azurerm_subnet_network_security_group_association`; `GatewaySubnet`, `AzureFirewallSubnet` and subnets delegated to `Microsoft.Netapp/volumes` are exempt (names compared in any case).",
    remediation: "Associate a network security group with the subnet.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/subnet_network_security_group_association"
    ],
    differences: [
        "A subnet whose `count` cannot be resolved is reported as `x` (Deputy does not know that instance 0 exists); Checkov names it `x[0]`. The verdict is the same."
    ],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    verdict(covered(r, cx), "the subnet has no network security group")
}

fn covered(r: &Resource, cx: &Cx<'_>) -> Truth {
    let nsg = |k: &str| {
        k == "azurerm_network_security_group"
            || k == "azurerm_subnet_network_security_group_association"
    };
    if !linked(cx, r, nsg).is_empty() {
        return Truth::True;
    }
    let exempt_name = match r.config.get("name") {
        Some(Value::String(n)) => {
            n.eq_ignore_ascii_case("GatewaySubnet") || n.eq_ignore_ascii_case("AzureFirewallSubnet")
        }
        Some(Value::Unknown(_)) => return Truth::Unknown,
        _ => false,
    };
    let netapp = r
        .config
        .get("delegation")
        .into_iter()
        .flat_map(Value::items)
        .filter_map(|d| d.get("service_delegation"))
        .flat_map(Value::items)
        .any(|s| {
            s.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.eq_ignore_ascii_case("Microsoft.Netapp/volumes"))
        });
    if exempt_name || netapp {
        Truth::True
    } else {
        Truth::False
    }
}
