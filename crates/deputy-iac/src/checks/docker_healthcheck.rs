//! DPY-DOCKER-002: Dockerfile has no HEALTHCHECK.
//!
//! # What it checks
//! The Dockerfile has a `HEALTHCHECK` instruction.
//!
//! # Why it matters
//! Without a health check the container runtime reports a hung container as running, and
//! orchestrators that read it (Docker Swarm, Compose) never restart it.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM nginx:1.27
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM nginx:1.27
//! HEALTHCHECK CMD curl -f http://localhost/ || exit 1
//! ```
//!
//! # Remediation
//! Add a `HEALTHCHECK` that exercises the service (or `HEALTHCHECK NONE` to state there is
//! none on purpose).
//!
//! # References
//! - <https://docs.docker.com/reference/dockerfile/#healthcheck>

use super::docker_instructions::required;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(HealthcheckExists {
    code: "DPY-DOCKER-002",
    checkov: ["CKV_DOCKER_2"],
    title: "Dockerfile has no HEALTHCHECK",
    severity: Low,
    reason: "trivy-checks DS-0026 (No HEALTHCHECK defined) is Low; KICS \"Healthcheck Instruction Missing\" is Low",
    targets: [(Dockerfile, "Dockerfile")],
    description: "The Dockerfile has a `HEALTHCHECK` instruction.",
    remediation: "Add a `HEALTHCHECK` that exercises the service (or `HEALTHCHECK NONE` to state there is none on purpose).",
    references: ["https://docs.docker.com/reference/dockerfile/#healthcheck"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // Checkov reports the pass on every HEALTHCHECK instruction, with its lines.
    required(
        r,
        "HEALTHCHECK",
        "the Dockerfile has no HEALTHCHECK instruction",
    )
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
        let Verdict::Fail(e) = check("FROM a:1\n") else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.address.as_deref().unwrap_or("/Dockerfile."),
            "/Dockerfile."
        );
        assert!(matches!(
            check("FROM a:1\nHEALTHCHECK CMD true\n"),
            Verdict::PassAt(_)
        ));
    }

    #[test]
    fn passes_on_every_healthcheck() {
        let text = "FROM a:1\nHEALTHCHECK CMD a\nFROM b:1\nHEALTHCHECK NONE\n";
        let got = sites(evaluate(&dockerfile(text), &Cx { resources: &[] }));
        assert_eq!(
            got,
            vec![
                (false, "/Dockerfile.HEALTHCHECK".into(), 2, 2),
                (false, "/Dockerfile.HEALTHCHECK".into(), 4, 4)
            ]
        );
    }
}
