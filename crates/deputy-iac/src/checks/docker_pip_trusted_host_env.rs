//! DPY-DOCKER-027: Dockerfile trusts a pip host through the environment.
//!
//! # What it checks
//! No `ARG` or `ENV` sets `PIP_TRUSTED_HOST`, and no `RUN` sets or exports it.
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
//! ENV PIP_TRUSTED_HOST=pypi.example.com
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM python:3.12
//! ```
//!
//! # Remediation
//! Remove `PIP_TRUSTED_HOST`; give pip the index's CA certificate (`PIP_CERT`) instead.
//!
//! # References
//! - <https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(PipTrustedHostEnv {
    code: "DPY-DOCKER-027",
    checkov: ["CKV2_DOCKER_16"],
    title: "Dockerfile trusts a pip host through the environment",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for trusted pip hosts. High: pip then skips TLS verification for that host, so a network attacker can replace the packages the image installs",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `ARG` or `ENV` sets `PIP_TRUSTED_HOST`, and no `RUN` sets or exports it.",
    remediation: "Remove `PIP_TRUSTED_HOST`; give pip the index's CA certificate (`PIP_CERT`) instead.",
    references: ["https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN_0: LazyLock<Option<Regex>> = LazyLock::new(|| {
    anchored(r#"(.*[\s;&|]+)?(export\s+)?(PIP_TRUSTED_HOST=(([^\s]+)|('[^']+')|(\"[^s\"]+\"))).*"#)
});

/// Checkov's pattern for ARG, ENV values.
static PATTERN_1: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#"(.*\s+)?(PIP_TRUSTED_HOST(=|\s+)[^\s]+).*"#));

/// What the check forbids, per instruction.
static RULES: [Forbidden; 2] = [
    Forbidden {
        words: &["RUN"],
        pattern: &PATTERN_0,
    },
    Forbidden {
        words: &["ARG", "ENV"],
        pattern: &PATTERN_1,
    },
];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(
        r,
        &RULES,
        "the build trusts a pip host without TLS verification",
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
        let Verdict::Fail(e) = check("FROM a:1\nENV PIP_TRUSTED_HOST x\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.ENV"));
        assert!(matches!(
            check("FROM a:1\nENV PIP_INDEX_URL=https://x\n"),
            Verdict::PassAt(_)
        ));
    }
}
