//! DPY-DOCKER-016: Dockerfile disables Python's HTTPS certificate checks.
//!
//! # What it checks
//! No `ARG` or `ENV` sets `PYTHONHTTPSVERIFY` to `0`, and no `RUN` sets it inline.
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
//! ENV PYTHONHTTPSVERIFY=0
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM python:3.12
//! ```
//!
//! # Remediation
//! Remove `PYTHONHTTPSVERIFY=0`; install the CA certificates the build needs.
//!
//! # References
//! - <https://peps.python.org/pep-0476/>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(PythonHttpsVerify {
    code: "DPY-DOCKER-016",
    checkov: ["CKV2_DOCKER_5"],
    title: "Dockerfile disables Python's HTTPS certificate checks",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled TLS verification. High: the setting stays in the image, so a network attacker can intercept Python's TLS connections during the build and at run time",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `ARG` or `ENV` sets `PYTHONHTTPSVERIFY` to `0`, and no `RUN` sets it inline.",
    remediation: "Remove `PYTHONHTTPSVERIFY=0`; install the CA certificates the build needs.",
    references: ["https://peps.python.org/pep-0476/"],
    differences: [],
});

/// Checkov's pattern for ARG, ENV values.
static PATTERN_0: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#"(.*\s+)?(PYTHONHTTPSVERIFY(=|\s+)((0)|('0')|(\"0\"))).*"#));

/// Checkov's pattern for RUN values.
static PATTERN_1: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#"(.*[\s;&|]+)?(PYTHONHTTPSVERIFY=((0)|('0')|(\"0\"))) .*"#));

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
    every_forbidden(r, &RULES, "the build disables Python's HTTPS verification")
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
        let Verdict::Fail(e) = check("FROM a:1\nENV PYTHONHTTPSVERIFY=0\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.ENV"));
        let Verdict::Fail(e) = check("FROM a:1\nRUN PYTHONHTTPSVERIFY=0 python x.py\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nENV PYTHONHTTPSVERIFY=1\n"),
            Verdict::PassAt(_)
        ));
    }
}
