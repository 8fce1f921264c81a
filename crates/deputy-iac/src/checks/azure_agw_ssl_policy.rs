//! DPY-AZURE-AGW-002: Application gateway does not define a secure TLS policy.
//!
//! # What it checks
//! `azurerm_application_gateway` has an `ssl_policy` that is either a custom policy with `min_protocol_version` TLS 1.2 or 1.3 and no CBC, DHE or 3DES cipher suite, or the predefined `AppGwSslPolicy20220101S`.
//!
//! # Why it matters
//! Older TLS versions and CBC/RSA key-exchange suites are open to downgrade and padding-oracle attacks.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! resource "azurerm_application_gateway" "gw" {
//!   name = "gw"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! resource "azurerm_application_gateway" "gw" {
//!   name = "gw"
//!   ssl_policy {
//!     policy_type = "Predefined"
//!     policy_name = "AppGwSslPolicy20220101S"
//!   }
//! }
//! ```
//!
//! # Remediation
//! Use `AppGwSslPolicy20220101S` or a custom policy with TLS 1.2+ and only GCM ECDHE suites.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

/// Cipher suites Checkov counts as weak (CBC, DHE, static RSA and 3DES suites).
const WEAK: &[&str] = &[
    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
    "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
    "TLS_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_RSA_WITH_AES_256_CBC_SHA256",
    "TLS_RSA_WITH_AES_128_CBC_SHA256",
    "TLS_RSA_WITH_AES_256_CBC_SHA",
    "TLS_RSA_WITH_AES_128_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
    "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256",
    "TLS_DHE_DSS_WITH_AES_256_CBC_SHA",
    "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
    "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
    "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
];

check!(AgwSslPolicy {
    code: "DPY-AZURE-AGW-002",
    checkov: ["CKV_AZURE_218"],
    title: "Application gateway does not define a secure TLS policy",
    severity: Medium,
    reason: "trivy-checks has no Application Gateway check; no KICS equivalent was verified. Medium: weak protocols or ciphers allow downgrade and decryption of traffic",
    targets: [(Terraform, "azurerm_application_gateway")],
    description: "`azurerm_application_gateway` has an `ssl_policy` that is either a custom policy with `min_protocol_version` TLS 1.2 or 1.3 and no CBC, DHE or 3DES cipher suite, or the predefined `AppGwSslPolicy20220101S`.",
    remediation: "Use `AppGwSslPolicy20220101S` or a custom policy with TLS 1.2+ and only GCM ECDHE suites.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    verdict(secure(r), "the gateway's TLS policy is missing or weak")
}

fn secure(r: &Resource) -> Truth {
    let Some(policy) = r.config.get("ssl_policy") else {
        return Truth::False;
    };
    let get = |k: &str| policy.path(k);
    match get("policy_type") {
        None => return Truth::False,
        Some(Value::Unknown(_)) => return Truth::Unknown,
        Some(t) if t.as_str() != Some("Predefined") => match get("min_protocol_version") {
            Some(Value::Unknown(_)) => return Truth::Unknown,
            Some(Value::String(v)) if v == "TLSv1_2" || v == "TLSv1_3" => {
                return match get("cipher_suites") {
                    Some(Value::Unknown(_)) => Truth::Unknown,
                    Some(c)
                        if c.items()
                            .any(|s| s.as_str().is_some_and(|s| WEAK.contains(&s))) =>
                    {
                        Truth::False
                    }
                    Some(c) if c.items().any(Value::is_unknown) => Truth::Unknown,
                    _ => Truth::True,
                };
            }
            _ => {}
        },
        Some(_) => {}
    }
    match get("policy_name") {
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(Value::String(n)) if n == "AppGwSslPolicy20220101S" => Truth::True,
        _ => Truth::False,
    }
}
