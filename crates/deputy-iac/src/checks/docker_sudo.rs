//! DPY-DOCKER-012: Dockerfile RUN uses sudo.
//!
//! # What it checks
//! No `RUN` instruction starts with `sudo ` or contains ` sudo `.
//!
//! # Why it matters
//! `sudo` in a build means the image ships sudo and a sudoers setup: a way for any process
//! in the container to become root.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM debian:12
//! USER app
//! RUN sudo apt-get install -y curl
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM debian:12
//! RUN apt-get install -y curl
//! USER app
//! ```
//!
//! # Remediation
//! Run privileged steps before `USER`, and do not install sudo in images.
//!
//! # References
//! - <https://docs.docker.com/build/building/best-practices/#user>

use super::docker_instructions::each_instruction;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(RunUsingSudo {
    code: "DPY-DOCKER-012",
    checkov: ["CKV2_DOCKER_1"],
    title: "Dockerfile RUN uses sudo",
    severity: Medium,
    reason: "trivy-checks DS-0010 (RUN using 'sudo') is Critical; KICS \"Run Using Sudo\" is Medium. Medium, as KICS: it means the image ships sudo and a user allowed to use it, an easy way to root inside the container but not out of it",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `RUN` instruction starts with `sudo ` or contains ` sudo `.",
    remediation: "Run privileged steps before `USER`, and do not install sudo in images.",
    references: ["https://docs.docker.com/build/building/best-practices/#user"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    each_instruction(r, &["RUN"], "RUN uses sudo", |run| Some(offends(run.value)))
}

/// Whether a RUN's arguments call sudo.
fn offends(value: &str) -> bool {
    value.contains(" sudo ") || value.starts_with("sudo ")
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN sudo apt-get install x\n") else {
            panic!("expected a failure")
        };
        assert!(!e.message.is_empty());
        assert!(matches!(
            check("FROM a:1\nRUN apt-get install sudo-helper\n"),
            Verdict::PassAt(_)
        ));
    }
}
