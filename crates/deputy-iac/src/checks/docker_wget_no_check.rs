//! DPY-DOCKER-014: Dockerfile RUN disables wget's certificate checks.
//!
//! # What it checks
//! No `RUN` instruction calls `wget` with `--no-check-certificate` before the next `|`, `&`
//! or `;`.
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
//! RUN wget --no-check-certificate https://example.com/tool
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! RUN wget https://example.com/tool
//! ```
//!
//! # Remediation
//! Remove `--no-check-certificate`; install the CA certificate the server needs instead.
//!
//! # References
//! - <https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options>

use super::docker_instructions::each_instruction;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(WgetNoCheckCertificate {
    code: "DPY-DOCKER-014",
    checkov: ["CKV2_DOCKER_3"],
    title: "Dockerfile RUN disables wget's certificate checks",
    severity: High,
    reason: "neither trivy-checks nor KICS has a Dockerfile check for disabled TLS verification. High: a network attacker can replace what the build downloads",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction calls `wget` with `--no-check-certificate` before the next `|`, `&` or `;`.",
    remediation: "Remove `--no-check-certificate`; install the CA certificate the server needs instead.",
    references: [
        "https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_instruction(
        r,
        &["RUN"],
        "RUN calls wget without certificate validation",
        |run| Some(offends(run.value)),
    )
}

/// Whether some `wget` invocation passes `--no-check-certificate` before the next `|`,
/// `&` or `;`.
fn offends(value: &str) -> bool {
    value.match_indices("wget").any(|(i, _)| {
        let segment = value
            .get(i + 4..)
            .unwrap_or("")
            .split(['|', '&', ';'])
            .next()
            .unwrap_or("");
        segment
            .char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .any(|(j, _)| {
                segment
                    .get(j..)
                    .unwrap_or("")
                    .trim_start()
                    .starts_with("--no-check-certificate")
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN wget --no-check-certificate https://x\n")
        else {
            panic!("expected a failure")
        };
        assert!(!e.message.is_empty());
        assert!(matches!(
            check("FROM a:1\nRUN wget https://x && echo --no-check-certificate\n"),
            Verdict::PassAt(_)
        ));
    }
}
