//! DPY-DOCKER-017: Dockerfile disables Node.js TLS certificate checks.
//!
//! # What it checks
//! No `ARG` or `ENV` sets `NODE_TLS_REJECT_UNAUTHORIZED` to `0`, and no `RUN` sets it
//! inline.
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
//! ENV NODE_TLS_REJECT_UNAUTHORIZED=0
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM node:22
//! ```
//!
//! # Remediation
//! Remove `NODE_TLS_REJECT_UNAUTHORIZED=0`; use `NODE_EXTRA_CA_CERTS` for private CAs.
//!
//! # References
//! - <https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(NodeTlsRejectUnauthorized {
    code: "DPY-DOCKER-017",
    checkov: ["CKV2_DOCKER_6"],
    title: "Dockerfile disables Node.js TLS certificate checks",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled TLS verification. High: the setting stays in the image, so a network attacker can intercept the application's own TLS connections as well as the build's",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `ARG` or `ENV` sets `NODE_TLS_REJECT_UNAUTHORIZED` to `0`, and no `RUN` sets it inline.",
    remediation: "Remove `NODE_TLS_REJECT_UNAUTHORIZED=0`; use `NODE_EXTRA_CA_CERTS` for private CAs.",
    references: ["https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue"],
    differences: [],
});

/// Checkov's pattern for ARG, ENV values.
static PATTERN_0: LazyLock<Option<Regex>> = LazyLock::new(|| {
    anchored(r#"(.*\s+)?(NODE_TLS_REJECT_UNAUTHORIZED(=|\s+)((0)|('0')|(\"0\"))).*"#)
});

/// Checkov's pattern for RUN values.
static PATTERN_1: LazyLock<Option<Regex>> = LazyLock::new(|| {
    anchored(r#"(.*[\s;&|]+)?(NODE_TLS_REJECT_UNAUTHORIZED=((0)|('0')|(\"0\"))) .*"#)
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
    every_forbidden(r, &RULES, "the build disables Node.js TLS verification")
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
        let Verdict::Fail(e) = check("FROM a:1\nARG NODE_TLS_REJECT_UNAUTHORIZED=0\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.ARG"));
        assert!(matches!(
            check("FROM a:1\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n"),
            Verdict::PassAt(_)
        ));
    }
}
