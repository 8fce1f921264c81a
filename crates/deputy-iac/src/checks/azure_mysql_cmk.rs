//! DPY-AZURE-MYSQL-004: MySQL server is not encrypted with a customer-managed key.
//!
//! # What it checks
//! An `azurerm_mysql_server_key` is connected to the `azurerm_mysql_server` and to an `azurerm_key_vault_key`.
//!
//! # Why it matters
//! A customer-managed key keeps control of the encryption key (rotation, revocation) with the owner of the data.
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
//! resource "azurerm_mysql_server_key" "db" {
//!   server_id        = azurerm_mysql_server.db.id
//!   key_vault_key_id = azurerm_key_vault_key.db.id
//! }
//! ```
//!
//! # Remediation
//! Add an `azurerm_mysql_server_key` that refers to the server and to an `azurerm_key_vault_key`.
//!
//! # References
//! - <https://learn.microsoft.com/azure/mysql/single-server/concepts-data-encryption-mysql>

use super::aws::connected;
use super::azure_common_b::has_connected;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(MysqlCmk {
    code: "DPY-AZURE-MYSQL-004",
    checkov: ["CKV2_AZURE_16"],
    title: "MySQL server is not encrypted with a customer-managed key",
    severity: Low,
    reason: "No trivy-checks equivalent found; Low: data is encrypted at rest with service-managed keys either way, a CMK adds key control",
    targets: [(Terraform, "azurerm_mysql_server")],
    description: "An `azurerm_mysql_server_key` is connected to the `azurerm_mysql_server` and to an `azurerm_key_vault_key`.",
    remediation: "Add an `azurerm_mysql_server_key` that refers to the server and to an `azurerm_key_vault_key`.",
    references: [
        "https://learn.microsoft.com/azure/mysql/single-server/concepts-data-encryption-mysql"
    ],
    differences: [],
});

fn evaluate(r: &Resource, cx: &Cx<'_>) -> Verdict {
    if connected(cx, r, "azurerm_mysql_server_key")
        .any(|k| has_connected(cx, k, "azurerm_key_vault_key"))
    {
        Verdict::Pass
    } else {
        Verdict::fail(
            "no `azurerm_mysql_server_key` with a Key Vault key is connected to the server",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::resource;

    #[test]
    fn the_server_key_must_use_a_key_vault_key() {
        let server = resource("azurerm_mysql_server", "{}");
        let vault_key = resource("azurerm_key_vault_key", "{}");
        let key = resource(
            "azurerm_mysql_server_key",
            r#"{"server_id":{"$unknown":["azurerm_mysql_server.test"]},"key_vault_key_id":{"$unknown":["azurerm_key_vault_key.test"]}}"#,
        );
        let with = [server.clone(), key.clone(), vault_key];
        assert_eq!(evaluate(&server, &Cx::new(&with)), Verdict::Pass);
        let no_vault_key = [server.clone(), key];
        assert!(matches!(
            evaluate(&server, &Cx::new(&no_vault_key)),
            Verdict::Fail(_)
        ));
        let alone = [server.clone()];
        assert!(matches!(
            evaluate(&server, &Cx::new(&alone)),
            Verdict::Fail(_)
        ));
    }
}
