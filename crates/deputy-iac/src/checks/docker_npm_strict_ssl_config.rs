//! DPY-DOCKER-024: Dockerfile RUN turns off npm or yarn strict SSL.
//!
//! # What it checks
//! No `RUN` instruction runs `npm config set strict-ssl false` (or the `yarn`, `c` and `=`
//! spellings).
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
//! FROM node:22
//! RUN npm config set strict-ssl false
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM node:22
//! RUN npm ci
//! ```
//!
//! # Remediation
//! Remove the command; configure `cafile` for private registries.
//!
//! # References
//! - <https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(NpmStrictSslConfig {
    code: "DPY-DOCKER-024",
    checkov: ["CKV2_DOCKER_13"],
    title: "Dockerfile RUN turns off npm or yarn strict SSL",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled TLS verification. High: a network attacker can replace the packages npm or yarn installs",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction runs `npm config set strict-ssl false` (or the `yarn`, `c` and `=` spellings).",
    remediation: "Remove the command; configure `cafile` for private registries.",
    references: ["https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    anchored(
        r#".*(((npm)|(yarn))\s+(c(onfig)?\s+)?set\s+((strict-ssl)|(\"strict-ssl\")|('strict-ssl'))((\s+)|(=))((false)|(\"false\")|('false'))).*"#,
    )
});

/// What the check forbids, per instruction.
static RULES: [Forbidden; 1] = [Forbidden {
    words: &["RUN"],
    pattern: &PATTERN,
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(r, &RULES, "RUN turns off strict SSL for npm or yarn")
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN yarn config set strict-ssl false\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nRUN npm ci\n"),
            Verdict::PassAt(_)
        ));
    }
}
