//! DPY-DOCKER-023: Dockerfile disables npm's strict SSL through the environment.
//!
//! # What it checks
//! No `ARG` or `ENV` sets `NPM_CONFIG_STRICT_SSL` (or `npm_config_strict_ssl`) to `false`,
//! and no `RUN` sets it inline.
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
//! ENV NPM_CONFIG_STRICT_SSL=false
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM node:22
//! ```
//!
//! # Remediation
//! Remove the setting; configure `cafile` for private registries.
//!
//! # References
//! - <https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(NpmStrictSslEnv {
    code: "DPY-DOCKER-023",
    checkov: ["CKV2_DOCKER_12"],
    title: "Dockerfile disables npm's strict SSL through the environment",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled TLS verification. High: a network attacker can replace the packages npm installs, during the build and after it",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `ARG` or `ENV` sets `NPM_CONFIG_STRICT_SSL` (or `npm_config_strict_ssl`) to `false`, and no `RUN` sets it inline.",
    remediation: "Remove the setting; configure `cafile` for private registries.",
    references: ["https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl"],
    differences: [],
});

/// Checkov's pattern for ARG, ENV values.
static PATTERN_0: LazyLock<Option<Regex>> = LazyLock::new(|| {
    anchored(
        r#"(.*\s+)?(((NPM_CONFIG_STRICT_SSL)|(npm_config_strict_ssl))(=|\s+)((false)|('false')|(\"false\"))).*"#,
    )
});

/// Checkov's pattern for RUN values.
static PATTERN_1: LazyLock<Option<Regex>> = LazyLock::new(|| {
    anchored(
        r#"(.*[\s;&|]+)?(((NPM_CONFIG_STRICT_SSL)|(npm_config_strict_ssl))=((false)|('false')|(\"false\"))) .*"#,
    )
});

/// What the check forbids, per instruction.
static RULES: [Forbidden; 2] = [
    Forbidden {
        words: &["ARG", "ENV"],
        pattern: &PATTERN_0,
    },
    Forbidden {
        words: &["RUN"],
        pattern: &PATTERN_1,
    },
];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(r, &RULES, "the build disables npm's strict SSL")
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
        let Verdict::Fail(e) = check("FROM a:1\nENV npm_config_strict_ssl false\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.ENV"));
        assert!(matches!(
            check("FROM a:1\nENV NPM_CONFIG_STRICT_SSL=true\n"),
            Verdict::PassAt(_)
        ));
    }
}
