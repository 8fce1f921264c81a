//! DPY-DOCKER-009: Dockerfile uses apt instead of apt-get.
//!
//! # What it checks
//! No `RUN` command (split at `&&`) calls ` apt ` outside a command that also removes
//! files.
//!
//! # Why it matters
//! `apt` is meant for people: its output and behaviour change between releases, which makes
//! builds unreproducible; `apt-get` is the stable interface for scripts.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM debian:12
//! RUN apt install -y curl
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM debian:12
//! RUN apt-get install -y --no-install-recommends curl
//! ```
//!
//! # Remediation
//! Use `apt-get` (or `apt-cache`) in Dockerfiles.
//!
//! # References
//! - <https://docs.docker.com/build/building/best-practices/#apt-get>

use super::docker_instructions::{fail_at, of};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(RunUsingApt {
    code: "DPY-DOCKER-009",
    checkov: ["CKV_DOCKER_9"],
    title: "Dockerfile uses apt instead of apt-get",
    severity: Low,
    reason: "KICS \"Run Using apt\" is Low; trivy-checks has no equivalent",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` command (split at `&&`) calls ` apt ` outside a command that also removes files.",
    remediation: "Use `apt-get` (or `apt-cache`) in Dockerfiles.",
    references: ["https://docs.docker.com/build/building/best-practices/#apt-get"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let runs = of(r, "RUN");
    if runs.is_empty() {
        return Verdict::Unknown;
    }
    for run in &runs {
        // Checkov reads the instruction as written, keyword included.
        let content = format!("RUN {}", run.value);
        if content
            .split("&&")
            .map(str::trim)
            .any(|c| c.contains(" apt ") && !c.contains("rm"))
        {
            return fail_at(r, run, "RUN uses apt instead of apt-get");
        }
    }
    Verdict::Pass
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::docker_instructions::dockerfile;

    fn check(text: &str) -> Verdict {
        evaluate(&dockerfile(text), &Cx { resources: &[] })
    }

    #[test]
    fn verdicts() {
        let Verdict::Fail(e) = check("FROM a:1\nRUN apt install -y x\n") else {
            panic!("expected a failure")
        };
        assert!(!e.message.is_empty());
        assert_eq!(
            check("FROM a:1\nRUN apt-get install -y x && rm -rf /var/lib/apt/lists\n"),
            Verdict::Pass
        );
    }
}
