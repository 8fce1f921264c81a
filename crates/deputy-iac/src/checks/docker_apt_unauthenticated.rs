//! DPY-DOCKER-019: Dockerfile RUN installs unauthenticated apt packages.
//!
//! # What it checks
//! No `RUN` instruction calls `apt-get` with `--allow-unauthenticated` before the next `|`,
//! `&` or `;`.
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
//! FROM debian:12
//! RUN apt-get install -y --allow-unauthenticated curl
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM debian:12
//! RUN apt-get install -y curl
//! ```
//!
//! # Remediation
//! Remove `--allow-unauthenticated`; add the repository's signing key instead.
//!
//! # References
//! - <https://manpages.debian.org/apt-get>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(AptAllowUnauthenticated {
    code: "DPY-DOCKER-019",
    checkov: ["CKV2_DOCKER_8"],
    title: "Dockerfile RUN installs unauthenticated apt packages",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled package signature checks. High: an unauthenticated package lets a mirror or network attacker put code into the image",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction calls `apt-get` with `--allow-unauthenticated` before the next `|`, `&` or `;`.",
    remediation: "Remove `--allow-unauthenticated`; add the repository's signing key instead.",
    references: ["https://manpages.debian.org/apt-get"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#".*(apt-get[^\|&;]*\s+--allow-unauthenticated).*"#));

/// What the check forbids, per instruction.
static RULES: [Forbidden; 1] = [Forbidden {
    words: &["RUN"],
    pattern: &PATTERN,
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(
        r,
        &RULES,
        "RUN installs apt packages without authentication",
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN apt-get install --allow-unauthenticated x\n")
        else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nRUN apt-get install x\n"),
            Verdict::PassAt(_)
        ));
    }
}
