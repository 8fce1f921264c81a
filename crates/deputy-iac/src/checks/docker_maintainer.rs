//! DPY-DOCKER-006: Dockerfile uses the deprecated MAINTAINER.
//!
//! # What it checks
//! The Dockerfile has no `MAINTAINER` instruction (each one is reported).
//!
//! # Why it matters
//! `MAINTAINER` is deprecated; tools read the `org.opencontainers.image.authors` label
//! instead, so ownership information is lost.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! MAINTAINER ops@example.com
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! LABEL org.opencontainers.image.authors="ops@example.com"
//! ```
//!
//! # Remediation
//! Replace `MAINTAINER` with a `LABEL`.
//!
//! # References
//! - <https://docs.docker.com/reference/dockerfile/#maintainer-deprecated>

use super::docker_instructions::fail_each;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(MaintainerDeprecated {
    code: "DPY-DOCKER-006",
    checkov: ["CKV_DOCKER_6"],
    title: "Dockerfile uses the deprecated MAINTAINER",
    severity: Low,
    reason: "trivy-checks DS-0022 (Deprecated MAINTAINER used) is High; KICS \"MAINTAINER Instruction Being Used\" is Low. Low, as KICS: it is metadata hygiene with no security effect",
    targets: [(Dockerfile, "Dockerfile")],
    description: "The Dockerfile has no `MAINTAINER` instruction (each one is reported).",
    remediation: "Replace `MAINTAINER` with a `LABEL`.",
    references: ["https://docs.docker.com/reference/dockerfile/#maintainer-deprecated"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // Checkov fails every MAINTAINER instruction, each on its own lines.
    fail_each(r, "MAINTAINER", "MAINTAINER is deprecated")
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
        let Verdict::Fail(e) = check("FROM a:1\nMAINTAINER me\n") else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.address.as_deref().unwrap_or("/Dockerfile."),
            "/Dockerfile.MAINTAINER"
        );
    }
}
