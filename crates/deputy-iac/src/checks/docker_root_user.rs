//! DPY-DOCKER-008: Dockerfile's last USER is root.
//!
//! # What it checks
//! The last `USER` instruction does not switch to `root`. Dockerfiles without `USER` are
//! judged by DPY-DOCKER-003.
//!
//! # Why it matters
//! The last `USER` decides who the container runs as: switching back to root for the
//! entrypoint undoes the hardening of earlier stages.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! USER app
//! RUN build.sh
//! USER root
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! USER root
//! RUN apk add curl
//! USER app
//! ```
//!
//! # Remediation
//! End the Dockerfile with `USER <unprivileged user>`.
//!
//! # References
//! - <https://docs.docker.com/build/building/best-practices/#user>

use super::docker_instructions::{fail_at, of, pass_at};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LastUserRoot {
    code: "DPY-DOCKER-008",
    checkov: ["CKV_DOCKER_8"],
    title: "Dockerfile's last USER is root",
    severity: High,
    reason: "trivy-checks DS-0002 (Image user should not be 'root') is High; KICS \"Last User Is 'root'\" is High",
    targets: [(Dockerfile, "Dockerfile")],
    description: "The last `USER` instruction does not switch to `root`. Dockerfiles without `USER` are judged by DPY-DOCKER-003.",
    remediation: "End the Dockerfile with `USER <unprivileged user>`.",
    references: ["https://docs.docker.com/build/building/best-practices/#user"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match of(r, "USER").last() {
        Some(user) if user.value == "root" => fail_at(r, user, "the last USER is root"),
        // Checkov reports the pass on the last USER too.
        Some(user) => pass_at(r, user, "the last USER is not root"),
        None => Verdict::Unknown,
    }
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
        let Verdict::Fail(e) = check("FROM a:1\nUSER app\nUSER root\n") else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.address.as_deref().unwrap_or("/Dockerfile."),
            "/Dockerfile.USER"
        );
        assert!(matches!(
            check("FROM a:1\nUSER root\nUSER app\n"),
            Verdict::PassAt(_)
        ));
    }
}
