//! DPY-AWS-SECRETS-001: AWS provider has hard-coded access keys.
//!
//! # What it checks
//! The `aws` provider block does not set `access_key` to a 20-character key id or `secret_key` to a 40-character secret key.
//!
//! # Why it matters
//! Keys written into configuration end up in version control, state and logs, where anyone who can read them can use them.
//!
//! # Example
//!
//! Bad:
//!
//! ```hcl
//! provider "aws" {
//!   region     = "us-east-1"
//!   access_key = "AKIAIOSFODNN7EXAMPLE"
//! }
//! ```
//!
//! Good:
//!
//! ```hcl
//! provider "aws" {
//!   region  = "us-east-1"
//!   profile = "deploy"
//! }
//! ```
//!
//! # Remediation
//! Remove the keys; use a profile, environment variables, or an assumed role, and rotate the exposed keys.
//!
//! # References
//! - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration>

use super::aws::verdict;
use crate::check::{Cx, Verdict};
use crate::model::{Resource, Truth, Value};

check!(ProviderHardCodedKeys {
    code: "DPY-AWS-SECRETS-001",
    checkov: ["CKV_AWS_41"],
    title: "AWS provider has hard-coded access keys",
    severity: Critical,
    reason: "trivy-checks has no check on the provider block; it rates hard-coded secrets in EC2 user data (AWS-0029) Critical. KICS \"Hardcoded AWS Access Key\" is High. Critical, as trivy: a leaked access key gives its holder the key owner's permissions until it is rotated",
    targets: [(Terraform, "provider.aws")],
    description: "The `aws` provider block does not set `access_key` to a 20-character key id or `secret_key` to a 40-character secret key.",
    remediation: "Remove the keys; use a profile, environment variables, or an assumed role, and rotate the exposed keys.",
    references: [
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let access = matches!(r.config.get("access_key"), Some(Value::String(s)) if looks_like(s, 20, |c| c.is_ascii_uppercase() || c.is_ascii_digit()));
    let secret = matches!(r.config.get("secret_key"), Some(Value::String(s)) if looks_like(s, 40, |c| c.is_ascii_alphanumeric() || matches!(c, '/' | '+' | '=')));
    let ok = if access || secret {
        Truth::False
    } else {
        Truth::True
    };
    verdict(ok, "the provider block holds a hard-coded AWS key")
}

/// Whether `s` starts with exactly `len` characters accepted by `ok` (the next character,
/// if any, is not one of them).
fn looks_like(s: &str, len: usize, ok: impl Fn(char) -> bool) -> bool {
    let run = s.chars().take_while(|c| ok(*c)).count();
    run == len
}
