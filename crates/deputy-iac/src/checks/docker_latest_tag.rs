//! DPY-DOCKER-007: Dockerfile base image uses the latest tag.
//!
//! # What it checks
//! Every `FROM` names its image with a tag other than `latest` (or a digest), unless it
//! refers to an earlier build stage or to `scratch`.
//!
//! # Why it matters
//! A `latest` base changes between builds: the same Dockerfile produces different images,
//! and a compromised or broken upstream push enters the next build silently.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM python
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM python:3.12-slim
//! ```
//!
//! # Remediation
//! Pin the base image to a version tag, or better a digest.
//!
//! # References
//! - <https://docs.docker.com/build/building/best-practices/#from>

use super::docker_instructions::{fail_at, of, pass_at};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(LatestBaseTag {
    code: "DPY-DOCKER-007",
    checkov: ["CKV_DOCKER_7"],
    title: "Dockerfile base image uses the latest tag",
    severity: Medium,
    reason: "trivy-checks DS-0001 (':latest' tag used) is Medium; KICS \"Image Version Using 'latest'\" is Medium",
    targets: [(Dockerfile, "Dockerfile")],
    description: "Every `FROM` names its image with a tag other than `latest` (or a digest), unless it refers to an earlier build stage or to `scratch`.",
    remediation: "Pin the base image to a version tag, or better a digest.",
    references: ["https://docs.docker.com/build/building/best-practices/#from"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let froms = of(r, "FROM");
    if froms.is_empty() {
        return Verdict::Unknown;
    }
    let stage = regex::Regex::new(r"(?i)^(?:--platform=\S+\s+)?(\S+)\s+as\s+(\S+)").ok();
    let mut stages: Vec<String> = Vec::new();
    for from in &froms {
        let mut base = from.value.to_owned();
        if base.to_lowercase().contains(" as ")
            && let Some(c) = stage.as_ref().and_then(|s| s.captures(from.value))
        {
            base = c.get(1).map(|m| m.as_str().to_owned()).unwrap_or_default();
            stages.push(c.get(2).map(|m| m.as_str().to_owned()).unwrap_or_default());
        }
        if (!base.contains(':') && !stages.contains(&base) && base != "scratch")
            || base.ends_with(":latest")
        {
            return fail_at(
                r,
                from,
                format!("the base image `{base}` uses the latest tag"),
            );
        }
    }
    // Checkov reports the pass on the last FROM.
    match froms.last() {
        Some(last) => pass_at(r, last, "every base image has a pinned tag"),
        None => Verdict::Unknown,
    }
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
        let Verdict::Fail(e) = check("FROM python\n") else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.address.as_deref().unwrap_or("/Dockerfile."),
            "/Dockerfile.FROM"
        );
        let Verdict::Fail(e) = check("FROM python:latest\n") else {
            panic!("expected a failure")
        };
        assert!(!e.message.is_empty());
        assert!(matches!(
            check("FROM golang:1.23 AS build\nFROM build\nFROM scratch\n"),
            Verdict::PassAt(_)
        ));
    }

    #[test]
    fn passes_on_the_last_from() {
        let text = "FROM golang:1.23 AS build\nRUN make\nFROM alpine:3.20\n";
        let got = sites(evaluate(&dockerfile(text), &Cx { resources: &[] }));
        assert_eq!(got, vec![(false, "/Dockerfile.FROM".into(), 3, 3)]);
    }
}
