//! DPY-AZURE-MYSQL-005: MySQL server is not reached through a private endpoint.
//!
//! # What it checks
//! An `azurerm_private_endpoint` of the configuration is connected to the `azurerm_mysql_server` (its `private_connection_resource_id` refers to the server).
//!
//! # Why it matters
//! A private endpoint lets clients reach the server over the virtual network instead of a public address.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_mysql_server" "db" {
//!   name                = "example-mysql"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   sku_name            = "GP_Gen5_2"
//!   version             = "8.0"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_mysql_server" "db" {
//!   name                = "example-mysql"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   sku_name            = "GP_Gen5_2"
//!   version             = "8.0"
//! }
//!
//! resource "azurerm_private_endpoint" "db" {
//!   name                = "example-endpoint"
//!   location            = "westeurope"
//!   resource_group_name = "example-rg"
//!   subnet_id           = "example-subnet-id"
//!   private_service_connection {
//!     name                           = "example-connection"
//!     private_connection_resource_id = azurerm_mysql_server.db.id
//!     subresource_names              = ["mysqlServer"]
//!     is_manual_connection           = false
//!   }
//! }
//! ```
//!
//! # Remediation
//! Add an `azurerm_private_endpoint` whose `private_service_connection` points at the server.
//!
//! # References
//! - <https://learn.microsoft.com/azure/mysql/single-server/concepts-data-access-security-private-link>

use super::azure_common_b::has_connected;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(MysqlPrivateEndpoint {
    code: "DPY-AZURE-MYSQL-005",
    checkov: ["CKV2_AZURE_44"],
    title: "MySQL server is not reached through a private endpoint",
    severity: Low,
    reason: "No trivy-checks equivalent found; Low: a defence-in-depth network recommendation (public access is judged by its own check)",
    targets: [(Terraform, "azurerm_mysql_server")],
    description: "An `azurerm_private_endpoint` of the configuration is connected to the `azurerm_mysql_server` (its `private_connection_resource_id` refers to the server).",
    remediation: "Add an `azurerm_private_endpoint` whose `private_service_connection` points at the server.",
    references: [
        "https://learn.microsoft.com/azure/mysql/single-server/concepts-data-access-security-private-link"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if has_connected(cx, r, "azurerm_private_endpoint") {
        Verdict::Pass
    } else {
        Verdict::fail("no `azurerm_private_endpoint` is connected to the server")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn an_endpoint_must_refer_to_the_server() {
        let server = resource("azurerm_mysql_server", "{}");
        let endpoint = resource(
            "azurerm_private_endpoint",
            r#"{"private_service_connection":[{"private_connection_resource_id":{"$unknown":["azurerm_mysql_server.test"]}}]}"#,
        );
        let with = [server.clone(), endpoint];
        assert_eq!(evaluate(&server, &Cx::new(&with)), Verdict::Pass);
        let without = [server.clone()];
        assert!(matches!(
            evaluate(&server, &Cx::new(&without)),
            Verdict::Fail(_)
        ));
    }
}
