//! DPY-DOCKER-028: Dockerfile RUN sets passwords with chpasswd.
//!
//! # What it checks
//! No `RUN` instruction calls `chpasswd` (at the start, in the middle or at the end of the
//! command).
//!
//! # Why it matters
//! A password set at build time is baked into the image and its history: everyone who can
//! pull the image can read or crack it.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM debian:12
//! RUN echo 'root:hunter2' | chpasswd
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM debian:12
//! RUN useradd --system app
//! ```
//!
//! # Remediation
//! Do not set passwords in images; use key-based access or inject credentials at run time.
//!
//! # References
//! - <https://docs.docker.com/build/building/secrets/>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(RunChpasswd {
    code: "DPY-DOCKER-028",
    checkov: ["CKV2_DOCKER_17"],
    title: "Dockerfile RUN sets passwords with chpasswd",
    severity: Medium,
    reason: "neither trivy-checks nor KICS has a chpasswd check; KICS \"Passwords And Secrets\" (High) and trivy-checks DS-0031 (Secrets passed via build-args or envs or copied secret files, Critical) cover secrets written into the file. Medium: this check fires on every chpasswd call, also when the password does not appear in the Dockerfile",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction calls `chpasswd` (at the start, in the middle or at the end of the command).",
    remediation: "Do not set passwords in images; use key-based access or inject credentials at run time.",
    references: ["https://docs.docker.com/build/building/secrets/"],
    differences: [],
});

/// Checkov's pattern for RUN values.
static PATTERN: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#"chpasswd .*|.* chpasswd .*|.* chpasswd$"#));

/// What the check forbids, per instruction.
static RULES: [Forbidden; 1] = [Forbidden {
    words: &["RUN"],
    pattern: &PATTERN,
}];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    every_forbidden(r, &RULES, "RUN sets a password with chpasswd")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::docker_instructions::{dockerfile, single, sites};

    fn check(text: &str) -> Verdict {
        single(evaluate(&dockerfile(text), &Cx { resources: &[] }))
    }

    #[test]
    fn verdicts() {
        let Verdict::Fail(e) = check("FROM a:1\nRUN echo 'a:b' | chpasswd\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        let Verdict::Fail(e) = check("FROM a:1\nRUN chpasswd < f\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nRUN useradd x\n"),
            Verdict::PassAt(_)
        ));
    }

    #[test]
    fn every_run_is_judged_on_its_own_lines() {
        let text = "FROM a:1\nRUN echo 'a:b' | chpasswd\nENV A=b\nRUN useradd \\\n  x\n";
        let got = sites(evaluate(&dockerfile(text), &Cx { resources: &[] }));
        assert_eq!(
            got,
            vec![
                (true, "/Dockerfile.RUN".into(), 2, 2),
                (false, "/Dockerfile.RUN".into(), 4, 5)
            ]
        );
        assert_eq!(
            evaluate(&dockerfile("FROM a:1\nENV A=b\n"), &Cx { resources: &[] }),
            Verdict::Unknown
        );
    }
}
