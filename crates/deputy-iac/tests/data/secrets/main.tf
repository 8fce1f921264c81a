provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
}

resource "aws_instance" "web" {
  user_data = <<EOT
#!/bin/bash
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
EOT
}

resource "azurerm_mssql_server" "db" {
  administrator_login_password = "dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA=="
  description                  = "c2VjcmV0IGJ1dCBub3QgbmFtZWQgYXMgb25l"
  other_password               = var.password
  low_password                 = "aaaabbbbccccdddd"
  seq_password                 = "ABCDEFGHIJKLMNOP"
  uuid_token                   = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
  client_id_token              = "bm90IGEgcmVhbCBpZCB0b2tlbg=="
  snake_password               = "some_password_name_here"
  allow_password               = "YWxsb3dsaXN0ZWQgdmFsdWUgaGVyZQ==" # pragma: allowlist secret
  example_password             = "ZXhhbXBsZSBpcyBhbGxvd2xpc3RlZA=="
  skipped_password             = "c2tpcHBlZCBieSBjaGVja292IGNvbW1lbnQ=" # checkov:skip=CKV_SECRET_6:fixture
  dup_password                 = "dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA=="
}

data "azurerm_key_vault_secret" "x" {
  password = "ZGF0YSBibG9jayB2YWx1ZSBub3QgYSBzZWNyZXQ="
}
