//! DPY-DOCKER-021: Dockerfile RUN skips rpm signature checks.
//!
//! # What it checks
//! No `RUN` instruction calls `rpm` with `--nodigest`, `--nosignature`, `--noverify` or
//! `--nofiledigest` before the next `|`, `&` or `;`.
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
//! FROM fedora:40
//! RUN rpm -i --nosignature ./pkg.rpm
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM fedora:40
//! RUN rpm -i ./pkg.rpm
//! ```
//!
//! # Remediation
//! Remove the flag; import the package's signing key with `rpm --import`.
//!
//! # References
//! - <https://rpm-software-management.github.io/rpm/man/rpm.8.html>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(RpmNoSignature {
    code: "DPY-DOCKER-021",
    checkov: ["CKV2_DOCKER_10"],
    title: "Dockerfile RUN skips rpm signature checks",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled package signature checks. High: an unsigned package lets a mirror or network attacker put code into the image",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction calls `rpm` with `--nodigest`, `--nosignature`, `--noverify` or `--nofiledigest` before the next `|`, `&` or `;`.",
    remediation: "Remove the flag; import the package's signing key with `rpm --import`.",
    references: ["https://rpm-software-management.github.io/rpm/man/rpm.8.html"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    anchored(r#".*(rpm[^\|&;]*\s+--no((digest)|(signature)|(verify)|(filedigest))).*"#)
});

/// What the check forbids, per instruction.
static RULES: [Forbidden; 1] = [Forbidden {
    words: &["RUN"],
    pattern: &PATTERN,
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(
        r,
        &RULES,
        "RUN installs rpm packages without signature checks",
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN rpm -i --nodigest x\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nRUN rpm -i x\n"),
            Verdict::PassAt(_)
        ));
    }
}
