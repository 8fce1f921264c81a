//! DPY-DOCKER-020: Dockerfile RUN skips yum or dnf GPG checks.
//!
//! # What it checks
//! No `RUN` instruction calls `yum`, `dnf` or `tdnf` with `--nogpgcheck` before the next
//! `|`, `&` or `;`.
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
//! RUN dnf install -y --nogpgcheck curl
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM fedora:40
//! RUN dnf install -y curl
//! ```
//!
//! # Remediation
//! Remove `--nogpgcheck`; import the repository's GPG key instead.
//!
//! # References
//! - <https://dnf.readthedocs.io/en/latest/command_ref.html>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(YumNoGpgCheck {
    code: "DPY-DOCKER-020",
    checkov: ["CKV2_DOCKER_9"],
    title: "Dockerfile RUN skips yum or dnf GPG checks",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled package signature checks. High: an unsigned package lets a mirror or network attacker put code into the image",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction calls `yum`, `dnf` or `tdnf` with `--nogpgcheck` before the next `|`, `&` or `;`.",
    remediation: "Remove `--nogpgcheck`; import the repository's GPG key instead.",
    references: ["https://dnf.readthedocs.io/en/latest/command_ref.html"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#".*(((t?dnf)|(yum))[^\|&;]*\s+--nogpgcheck).*"#));

/// What the check forbids, per instruction.
static RULES: [Forbidden; 1] = [Forbidden {
    words: &["RUN"],
    pattern: &PATTERN,
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(r, &RULES, "RUN installs packages without GPG checks")
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN yum install --nogpgcheck x\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nRUN yum install x\n"),
            Verdict::PassAt(_)
        ));
    }
}
