//! DPY-DOCKER-022: Dockerfile RUN forces apt past its safety checks.
//!
//! # What it checks
//! No `RUN` instruction calls `apt-get` with `--force-yes` before the next `|`, `&` or `;`.
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
//! RUN apt-get install -y --force-yes curl
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
//! Remove `--force-yes`; it also accepts unauthenticated packages.
//!
//! # References
//! - <https://manpages.debian.org/apt-get>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(AptForceYes {
    code: "DPY-DOCKER-022",
    checkov: ["CKV2_DOCKER_11"],
    title: "Dockerfile RUN forces apt past its safety checks",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for forced apt installs. High: forcing apt past its checks also installs unauthenticated packages, which lets a mirror or network attacker put code into the image",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction calls `apt-get` with `--force-yes` before the next `|`, `&` or `;`.",
    remediation: "Remove `--force-yes`; it also accepts unauthenticated packages.",
    references: ["https://manpages.debian.org/apt-get"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#".*(apt-get[^\|&;]*\s+--force-yes).*"#));

/// What the check forbids, per instruction.
static RULES: [Forbidden; 1] = [Forbidden {
    words: &["RUN"],
    pattern: &PATTERN,
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(r, &RULES, "RUN forces apt-get past authentication checks")
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN apt-get install --force-yes x\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nRUN apt-get install -y x\n"),
            Verdict::PassAt(_)
        ));
    }
}
