//! DPY-DOCKER-003: Dockerfile never sets a USER.
//!
//! # What it checks
//! The Dockerfile has a `USER` instruction.
//!
//! # Why it matters
//! Without `USER` the container's processes run as root, so any code-execution bug in them
//! is root inside the container and one kernel bug away from root on the host.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM node:22
//! COPY . /app
//! CMD ["node", "/app/server.js"]
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM node:22
//! COPY . /app
//! USER node
//! CMD ["node", "/app/server.js"]
//! ```
//!
//! # Remediation
//! Create an unprivileged user and switch to it with `USER` before the entrypoint.
//!
//! # References
//! - <https://docs.docker.com/build/building/best-practices/#user>

use super::docker_instructions::required;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(UserExists {
    code: "DPY-DOCKER-003",
    checkov: ["CKV_DOCKER_3"],
    title: "Dockerfile never sets a USER",
    severity: High,
    reason: "trivy-checks DS-0002 (Image user should not be 'root', which also fires when there is no USER) is High; KICS \"Missing User Instruction\" is High",
    targets: [(Dockerfile, "Dockerfile")],
    description: "The Dockerfile has a `USER` instruction.",
    remediation: "Create an unprivileged user and switch to it with `USER` before the entrypoint.",
    references: ["https://docs.docker.com/build/building/best-practices/#user"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // Checkov reports the pass on every USER instruction, with its lines.
    required(
        r,
        "USER",
        "the Dockerfile never switches to a non-root USER",
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN x\n") else {
            panic!("expected a failure")
        };
        assert!(!e.message.is_empty());
        assert!(matches!(check("FROM a:1\nUSER app\n"), Verdict::PassAt(_)));
    }
}
