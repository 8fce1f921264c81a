//! DPY-SECRET-002: High-entropy base64 string given to a credential setting.
//!
//! # What it checks
//! No setting whose name marks a credential (`password`, `secret`, `token`, `api_key`, …) is given a base64 string random enough (Shannon entropy above 3.0 over the base64 alphabet) to be a real secret.
//!
//! # Why it matters
//! A password or token in a repository is read by everyone who can read the repository, its forks, its CI logs and its history.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_mssql_server" "db" {
//!   administrator_login_password = "dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA=="
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_mssql_server" "db" {
//!   administrator_login_password = var.admin_password
//! }
//! ```
//!
//! # Remediation
//! Remove the value from the file and from the repository's history, change the secret, and pass it in from a variable marked sensitive, the environment or a secrets manager.
//!
//! # References
//! - <https://github.com/Yelp/detect-secrets#viewing-results>
//! - <https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output>

use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(HighEntropySecretInFile {
    code: "DPY-SECRET-002",
    checkov: ["CKV_SECRET_6"],
    title: "High-entropy base64 string given to a credential setting",
    severity: High,
    reason: "trivy-checks rates ConfigMaps holding secrets (KSV-0109) High and plaintext secrets in ECS task definitions (AWS-0036) Critical; High, below the AWS key check, because an entropy match is a heuristic that can take a random-looking identifier for a secret",
    targets: [(Secrets, "Base64 High Entropy String")],
    description: "In the files Checkov's secrets scan reads, a line that names a credential (detect-secrets' keywords: `password`, `passwd`, `pwd`, `secret`, `token`, `api_key`, `private_key`, …) does not give it a base64 string (letters, digits, `+/\\-_=`) of 8 characters or more whose Shannon entropy exceeds 3.0, after detect-secrets' and Checkov's filters (sequential strings, UUIDs, templates, `$` references, id-like names, values that are snake_case names, values in the first lines of a Terraform `data` block, `pragma: allowlist secret`). Unquoted values count in YAML and Terraform files (`password = abc…`); elsewhere, as in Dockerfiles, the value must be quoted. As in Checkov, a value with no credential name on its line is reported when its entropy exceeds 4.8 and a neighbouring line of the same YAML, JSON or Terraform object names a credential (`- name: DB_PASSWORD` above `value: …`). The finding's resource is the SHA-1 of the value, never the value.",
    remediation: "Remove the value from the file and from the repository's history, change the secret, and pass it in from a variable marked sensitive, the environment or a secrets manager.",
    references: [
        "https://github.com/Yelp/detect-secrets#viewing-results",
        "https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output"
    ],
    differences: [
        "Checkov rescans a file with no finding as an INI file (its eager configuration transformer); Deputy does not.",
        "When a line names several credentials, Checkov takes one of their values in its set order, which varies between runs; Deputy takes the one the last matching keyword pattern finds.",
        "Checkov prefers another detector's finding (a Stripe, Slack, Azure storage key…) for the same value on the same line; Deputy has only the AWS key detector and reports such values here.",
        "For a YAML file that loads as one document, Checkov places a value on the line PyYAML's scanner has reached when the value starts, which for some multi-line plain or block values is a later line than the value's first; Deputy uses the value's first line.",
        "Checkov compares a `checkov:skip=` directive's id list as one string, so only a directive naming this id alone suppresses the finding; Deputy also honours a list of ids, and `deputy:skip=`."
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    Verdict::fail(format!(
        "a high-entropy base64 string is given to a credential setting (SHA-1 of the value: {})",
        r.address
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::tests::found;

    const VALUE: &str = "dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA==";

    #[test]
    fn verdicts() {
        let text = format!(
            "resource \"azurerm_mssql_server\" \"db\" {{\n  administrator_login_password = \"{VALUE}\"\n}}\n"
        );
        let rs = found("sql.tf", &text);
        assert_eq!(rs.len(), 1);
        let Verdict::Fail(e) = evaluate(&rs[0], &Cx { resources: &[] }) else {
            panic!("expected a failure")
        };
        assert!(!e.message.contains(VALUE), "{}", e.message);
        // No credential name on the line, or a value not known before apply: nothing.
        assert!(found("sql.tf", &format!("  description = \"{VALUE}\"\n")).is_empty());
        assert!(found("sql.tf", "  administrator_login_password = var.password\n").is_empty());
    }
}
