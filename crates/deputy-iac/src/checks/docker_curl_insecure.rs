//! DPY-DOCKER-013: Dockerfile RUN disables curl's certificate checks.
//!
//! # What it checks
//! No `RUN` instruction calls `curl` with `--insecure` or a short option group containing
//! `k` (`-k`, `-sSLk`) before the next `|`, `&` or `;`.
//!
//! # Why it matters
//! Without certificate validation anyone on the network path can replace what the build
//! downloads, and it ends up in the image.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! RUN curl -sSLk https://example.com/install.sh | sh
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! RUN curl -sSL https://example.com/install.sh | sh
//! ```
//!
//! # Remediation
//! Remove `-k`/`--insecure`; install the CA certificate the server needs instead.
//!
//! # References
//! - <https://curl.se/docs/manpage.html#-k>

use super::docker_instructions::each_instruction;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(CurlInsecure {
    code: "DPY-DOCKER-013",
    checkov: ["CKV2_DOCKER_2"],
    title: "Dockerfile RUN disables curl's certificate checks",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled TLS verification. High: a network attacker can replace what the build downloads",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction calls `curl` with `--insecure` or a short option group containing `k` (`-k`, `-sSLk`) before the next `|`, `&` or `;`.",
    remediation: "Remove `-k`/`--insecure`; install the CA certificate the server needs instead.",
    references: ["https://curl.se/docs/manpage.html#-k"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_instruction(
        r,
        &["RUN"],
        "RUN calls curl without certificate validation",
        |run| Some(offends(run.value)),
    )
}

/// Whether some `curl` invocation in a RUN disables certificate validation: a
/// whitespace-separated `--insecure`, or `-` followed by option letters including `k`,
/// between `curl` and the next `|`, `&` or `;`.
fn offends(value: &str) -> bool {
    value.match_indices("curl").any(|(i, _)| {
        let rest = value.get(i + 4..).unwrap_or("");
        segment_has_flag_after_space(rest.split(['|', '&', ';']).next().unwrap_or(""))
    })
}

/// The option must follow whitespace inside the segment (`curl -k`, not `curl-k`).
fn segment_has_flag_after_space(segment: &str) -> bool {
    segment
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .any(|(i, _)| {
            let word = segment.get(i..).unwrap_or("").trim_start();
            word.starts_with("--insecure")
                || word.strip_prefix('-').is_some_and(|flags| {
                    flags
                        .chars()
                        .take_while(|c| *c != '-' && !c.is_whitespace())
                        .any(|c| c == 'k')
                })
        })
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN curl -sSLk https://x | sh\n") else {
            panic!("expected a failure")
        };
        assert!(!e.message.is_empty());
        let Verdict::Fail(e) = check("FROM a:1\nRUN curl --insecure https://x\n") else {
            panic!("expected a failure")
        };
        assert!(!e.message.is_empty());
        assert!(matches!(
            check("FROM a:1\nRUN curl -sSL https://x | sh -k\n"),
            Verdict::PassAt(_)
        ));
        assert!(matches!(
            check("FROM a:1\nRUN curl --key k https://x\n"),
            Verdict::PassAt(_)
        ));
    }
}
