//! DPY-DOCKER-005: Dockerfile runs a package update on its own.
//!
//! # What it checks
//! Every `RUN` that updates a package index (`apt-get update`, `apk update`, …) is matched
//! by a `RUN` that installs packages; the check counts them as Checkov does and reports the
//! first update.
//!
//! # Why it matters
//! A layer holding only `apt-get update` is cached: later builds install from an index that
//! may be months old and miss security fixes.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM debian:12
//! RUN apt-get update
//! RUN apt-get install -y curl
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM debian:12
//! RUN apt-get update && apt-get install -y curl
//! ```
//!
//! # Remediation
//! Update and install in the same `RUN` instruction.
//!
//! # References
//! - <https://docs.docker.com/build/building/best-practices/#apt-get>

use super::docker_instructions::{fail_at, of};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(UpdateNotAlone {
    code: "DPY-DOCKER-005",
    checkov: ["CKV_DOCKER_5"],
    title: "Dockerfile runs a package update on its own",
    severity: Medium,
    reason: "trivy-checks DS017 (update instruction alone) is High; Medium because the effect is stale packages, not exposure by itself",
    targets: [(Dockerfile, "Dockerfile")],
    description: "Every `RUN` that updates a package index (`apt-get update`, `apk update`, …) is matched by a `RUN` that installs packages; the check counts them as Checkov does and reports the first update.",
    remediation: "Update and install in the same `RUN` instruction.",
    references: ["https://docs.docker.com/build/building/best-practices/#apt-get"],
    differences: [],
});

/// Commands that install packages, which make a preceding update useful.
const INSTALL: [&str; 12] = [
    "install",
    "source-install",
    "reinstall",
    "groupinstall",
    "localinstall",
    "add",
    "upgrade",
    "dist-upgrade",
    "full-upgrade",
    "--upgrade",
    "-U",
    "upgrade-all",
];

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let runs = of(r, "RUN");
    if runs.is_empty() {
        return Verdict::Unknown;
    }
    let update = regex::Regex::new(r"\s+(?:--)?update(?:\s|$)").ok();
    let mut balance = 0i32;
    let mut updates = Vec::new();
    for run in &runs {
        // Checkov reads the instruction as written, keyword included.
        let content = format!("RUN {}", run.value);
        if content.contains("update") && update.as_ref().is_some_and(|u| u.is_match(&content)) {
            balance += 1;
            updates.push(*run);
        }
        if INSTALL.iter().any(|i| content.contains(i)) {
            balance -= 1;
        }
    }
    match updates.first() {
        Some(first) if balance > 0 => fail_at(
            r,
            first,
            "a package index update is not followed by an install in the same RUN",
        ),
        _ => Verdict::Pass,
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
        let Verdict::Fail(e) = check("FROM a:1\nRUN apt-get update\nRUN echo hi\n") else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.address.as_deref().unwrap_or("/Dockerfile."),
            "/Dockerfile.RUN"
        );
        assert_eq!(
            check("FROM a:1\nRUN apt-get update && apt-get install -y curl\n"),
            Verdict::Pass
        );
    }
}
