//! DPY-DOCKER-015: Dockerfile RUN trusts a pip host without TLS checks.
//!
//! # What it checks
//! No `RUN` instruction calls `pip` or `pip3` with `--trusted-host` before the next `|`,
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
//! FROM python:3.12
//! RUN pip install --trusted-host pypi.example.com flask
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM python:3.12
//! RUN pip install flask
//! ```
//!
//! # Remediation
//! Remove `--trusted-host`; give pip the index's CA certificate (`--cert`) instead.
//!
//! # References
//! - <https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(PipTrustedHost {
    code: "DPY-DOCKER-015",
    checkov: ["CKV2_DOCKER_4"],
    title: "Dockerfile RUN trusts a pip host without TLS checks",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for trusted pip hosts. High: pip then skips TLS verification for that host, so a network attacker can replace the packages the image installs",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction calls `pip` or `pip3` with `--trusted-host` before the next `|`, `&` or `;`.",
    remediation: "Remove `--trusted-host`; give pip the index's CA certificate (`--cert`) instead.",
    references: ["https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#".*(pip3?[^\|&;]*\s+--trusted-host).*"#));

/// What the check forbids, per instruction.
static RULES: [Forbidden; 1] = [Forbidden {
    words: &["RUN"],
    pattern: &PATTERN,
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(r, &RULES, "RUN disables TLS verification for a pip host")
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN pip3 install --trusted-host x y\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nRUN pip install y\n"),
            Verdict::PassAt(_)
        ));
        assert_eq!(check("FROM a:1\n"), Verdict::Unknown);
    }
}
