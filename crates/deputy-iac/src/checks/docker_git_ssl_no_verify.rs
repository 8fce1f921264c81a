//! DPY-DOCKER-025: Dockerfile disables git's TLS verification.
//!
//! # What it checks
//! No `ARG` or `ENV` sets `GIT_SSL_NO_VERIFY`, and no `RUN` sets or exports it.
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
//! FROM alpine:3.20
//! ENV GIT_SSL_NO_VERIFY=true
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! ```
//!
//! # Remediation
//! Remove `GIT_SSL_NO_VERIFY`; set `http.sslCAInfo` for private CAs.
//!
//! # References
//! - <https://git-scm.com/docs/git#Documentation/git.txt-codeGITSSLNOVERIFYcode>

use super::docker_instructions::{Forbidden, anchored, every_forbidden};
use crate::check::{Cx, Verdict};
use crate::model::Resource;
use regex::Regex;
use std::sync::LazyLock;

check!(GitSslNoVerify {
    code: "DPY-DOCKER-025",
    checkov: ["CKV2_DOCKER_14"],
    title: "Dockerfile disables git's TLS verification",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled TLS verification. High: a network attacker can replace the code git fetches",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `ARG` or `ENV` sets `GIT_SSL_NO_VERIFY`, and no `RUN` sets or exports it.",
    remediation: "Remove `GIT_SSL_NO_VERIFY`; set `http.sslCAInfo` for private CAs.",
    references: ["https://git-scm.com/docs/git#Documentation/git.txt-codeGITSSLNOVERIFYcode"],
    differences: [],
});

/// Checkov's pattern for ARG, ENV values.
static PATTERN_0: LazyLock<Option<Regex>> =
    LazyLock::new(|| anchored(r#"(.*\s+)?(GIT_SSL_NO_VERIFY(=|\s+)[^\s]+).*"#));

/// Checkov's pattern for RUN values.
static PATTERN_1: LazyLock<Option<Regex>> = LazyLock::new(|| {
    anchored(r#"(.*[\s;&|]+)?(export\s+)?(GIT_SSL_NO_VERIFY=(([^\s]+)|('[^']+')|(\"[^s\"]+\"))).*"#)
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
    every_forbidden(r, &RULES, "the build disables git's TLS verification")
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
        let Verdict::Fail(e) = check("FROM a:1\nARG GIT_SSL_NO_VERIFY=1\n") else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.ARG"));
        let Verdict::Fail(e) = check("FROM a:1\nRUN export GIT_SSL_NO_VERIFY=1 && git clone x\n")
        else {
            panic!("expected a failure")
        };
        assert_eq!(e.address.as_deref(), Some("/Dockerfile.RUN"));
        assert!(matches!(
            check("FROM a:1\nENV GIT_AUTHOR=me\n"),
            Verdict::PassAt(_)
        ));
    }

    #[test]
    fn every_arg_env_and_run_is_judged() {
        let text = "ARG GIT_SSL_NO_VERIFY=1\nFROM a:1\nENV GIT_SSL_NO_VERIFY true\nENV B=c\nRUN git clone x\n";
        let got = sites(evaluate(&dockerfile(text), &Cx { resources: &[] }));
        assert_eq!(
            got,
            vec![
                (true, "/Dockerfile.ARG".into(), 1, 1),
                (true, "/Dockerfile.ENV".into(), 3, 3),
                (false, "/Dockerfile.ENV".into(), 4, 4),
                (false, "/Dockerfile.RUN".into(), 5, 5)
            ]
        );
    }
}
