//! DPY-DOCKER-026: Dockerfile RUN turns off yum or dnf SSL verification.
//!
//! # What it checks
//! No `RUN` instruction runs `yum-config-manager` or `dnf config-manager` with
//! `--setopt=…sslverify=` set to `0`, `false` or `no`.
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
//! RUN dnf config-manager --setopt=sslverify=false --save
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
//! Remove the option; install the repository's CA certificate instead.
//!
//! # References
//! - <https://dnf.readthedocs.io/en/latest/conf_ref.html>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(YumSslVerify {
    code: "DPY-DOCKER-026",
    checkov: ["CKV2_DOCKER_15"],
    title: "Dockerfile RUN turns off yum or dnf SSL verification",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled TLS verification. High: a network attacker can replace the repository metadata and packages yum or dnf installs",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction runs `yum-config-manager` or `dnf config-manager` with `--setopt=…sslverify=` set to `0`, `false` or `no`.",
    remediation: "Remove the option; install the repository's CA certificate instead.",
    references: ["https://dnf.readthedocs.io/en/latest/conf_ref.html"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    anchored(
        r#"(?i).*(((yum)|(dnf))(\s+|-)config-manager[^\|&;]*\s+--setopt=['\"]?([^=\s]+\.)?sslverify['\"]?=((0)|('0')|(\"0\")|(false)|('false')|(\"false\")|(no)|('no')|(\"no\"))['\"]?).*"#,
    )
});

/// What the check forbids, per instruction.
static RULES: [Forbidden; 1] = [Forbidden {
    words: &["RUN"],
    pattern: &PATTERN,
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(r, &RULES, "RUN turns off SSL verification for yum or dnf")
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
        let Verdict::Fail(e) =
            check("FROM a:1\nRUN yum-config-manager --setopt=repo.sslverify=0 --save\n")
        else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nRUN yum install x\n"),
            Verdict::PassAt(_)
        ));
    }
}
