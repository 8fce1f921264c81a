//! DPY-DOCKER-001: Dockerfile exposes port 22.
//!
//! # What it checks
//! No `EXPOSE` instruction lists port `22` or `22/tcp`. Dockerfiles without `EXPOSE` are
//! not judged, as in Checkov.
//!
//! # Why it matters
//! An image that exposes SSH runs an SSH daemon: another service to patch, another set of
//! credentials to steal, and a way around `kubectl exec` auditing.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! EXPOSE 22
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! EXPOSE 8080
//! ```
//!
//! # Remediation
//! Remove the SSH server and `EXPOSE 22`; use `docker exec` or `kubectl exec` for access.
//!
//! # References
//! - <https://docs.docker.com/reference/dockerfile/#expose>

use super::docker_instructions::{fail_at, of};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(ExposePort22 {
    code: "DPY-DOCKER-001",
    checkov: ["CKV_DOCKER_1"],
    title: "Dockerfile exposes port 22",
    severity: Medium,
    reason: "trivy-checks DS-0004 (Port 22 exposed) is Medium; KICS \"Exposing Port 22 (SSH)\" is Low. Medium, as trivy: it signals an SSH daemon in the image, a remote login surface a container should not need",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No `EXPOSE` instruction lists port `22` or `22/tcp`. Dockerfiles without `EXPOSE` are not judged, as in Checkov.",
    remediation: "Remove the SSH server and `EXPOSE 22`; use `docker exec` or `kubectl exec` for access.",
    references: ["https://docs.docker.com/reference/dockerfile/#expose"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let exposes = of(r, "EXPOSE");
    if exposes.is_empty() {
        return Verdict::Unknown;
    }
    for e in &exposes {
        if e.value.split(' ').any(|p| p == "22" || p == "22/tcp") {
            return fail_at(r, e, "EXPOSE lists port 22");
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
        let Verdict::Fail(e) = check("FROM a:1\nEXPOSE 80 22/tcp\n") else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.address.as_deref().unwrap_or("/Dockerfile."),
            "/Dockerfile.EXPOSE"
        );
        assert_eq!(check("FROM a:1\nEXPOSE 8080\n"), Verdict::Pass);
        assert_eq!(check("FROM a:1\n"), Verdict::Unknown);
    }
}
