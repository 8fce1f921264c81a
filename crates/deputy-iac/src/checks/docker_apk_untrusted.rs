//! DPY-DOCKER-018: Dockerfile RUN installs unsigned apk packages.
//!
//! # What it checks
//! No `RUN` instruction calls `apk` with `--allow-untrusted` before the next `|`, `&` or
//! `;`.
//!
//! # Why it matters
//! Without certificate or signature verification anyone on the network path, or a
//! compromised mirror, can replace what the build installs, and it ends up in the image.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! RUN apk add --allow-untrusted ./pkg.apk
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! RUN apk add curl
//! ```
//!
//! # Remediation
//! Remove `--allow-untrusted`; add the signing key of the repository instead.
//!
//! # References
//! - <https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(ApkAllowUntrusted {
    code: "DPY-DOCKER-018",
    checkov: ["CKV2_DOCKER_7"],
    title: "Dockerfile RUN installs unsigned apk packages",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled package signature checks. High: an unsigned package lets a mirror or network attacker put code into the image",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction calls `apk` with `--allow-untrusted` before the next `|`, `&` or `;`.",
    remediation: "Remove `--allow-untrusted`; add the signing key of the repository instead.",
    references: ["https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#".*(apk[^\|&;]*\s+--allow-untrusted).*"#));

/// What the check forbids, per instruction.
static RULES: [Forbidden; 1] = [Forbidden {
    words: &["RUN"],
    pattern: &PATTERN,
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(
        r,
        &RULES,
        "RUN installs apk packages without signature checks",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::docker_instructions::{dockerfile, single};

    fn check(text: &str) -> Verdict {
        single(evaluate(&dockerfile(text), &Cx { resources: &[] }))
    }

    #[test]
    fn verdicts() {
        let Verdict::Fail(e) = check("FROM a:1\nRUN apk add --allow-untrusted x\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nRUN apk add x\n"),
            Verdict::PassAt(_)
        ));
    }
}
