//! DPY-DOCKER-011: Dockerfile reuses a build stage alias.
//!
//! # What it checks
//! No two `FROM … as <name>` stages share a name (reported on the first `FROM`).
//!
//! # Why it matters
//! With two stages of one name, `COPY --from=<name>` takes files from whichever stage
//! Docker resolves, not necessarily the one that was reviewed.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM golang:1.23 as build
//! FROM golang:1.23 as build
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM golang:1.23 as build
//! FROM alpine:3.20 as run
//! ```
//!
//! # Remediation
//! Give every stage a distinct name.
//!
//! # References
//! - <https://docs.docker.com/reference/dockerfile/#from>

use super::docker_instructions::{fail_at, of};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AliasUnique {
    code: "DPY-DOCKER-011",
    checkov: ["CKV_DOCKER_11"],
    title: "Dockerfile reuses a build stage alias",
    severity: Low,
    reason: "trivy-checks DS-0012 (Duplicate aliases defined in different FROMs) is Critical; KICS \"Same Alias In Different Froms\" is Low. Low, as KICS: the effect is a build that copies from the wrong stage, not an exposure",
    targets: [(Dockerfile, "Dockerfile")],
    description: "No two `FROM … as <name>` stages share a name (reported on the first `FROM`).",
    remediation: "Give every stage a distinct name.",
    references: ["https://docs.docker.com/reference/dockerfile/#from"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let froms = of(r, "FROM");
    let Some(first) = froms.first() else {
        return Verdict::Unknown;
    };
    // Checkov matches the lower-case ` as ` only.
    let aliases: Vec<&str> = froms
        .iter()
        .filter(|f| f.value.contains(" as "))
        .filter_map(|f| f.value.split_whitespace().last())
        .collect();
    let mut unique = aliases.clone();
    unique.sort_unstable();
    unique.dedup();
    if unique.len() == aliases.len() {
        Verdict::Pass
    } else {
        fail_at(r, first, "two build stages share an alias")
    }
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
        let Verdict::Fail(e) = check("FROM a:1 as x\nFROM b:1 as x\n") else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.address.as_deref().unwrap_or("/Dockerfile."),
            "/Dockerfile.FROM"
        );
        assert_eq!(check("FROM a:1 as x\nFROM b:1 as y\n"), Verdict::Pass);
    }
}
