//! DPY-DOCKER-005: Dockerfile runs a package update on its own.
//!
//! # What it checks
//! Every `RUN` that updates a package index (`apt-get update`, `apk update`, …) is matched
//! by a `RUN` that installs packages; the check counts them as Checkov does and reports
//! every update.
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
    severity: Low,
    reason: "trivy-checks DS-0017 ('RUN <package-manager> update' instruction alone) is High; KICS \"Update Instruction Alone\" is Low. Low, as KICS: a cached update layer leaves later installs with stale package lists, a build hygiene problem rather than an exposure",
    targets: [(Dockerfile, "Dockerfile")],
    description: "Every `RUN` that updates a package index (`apt-get update`, `apk update`, …) is matched by a `RUN` that installs packages; the check counts them as Checkov does and reports every update.",
    remediation: "Update and install in the same `RUN` instruction.",
    references: ["https://docs.docker.com/build/building/best-practices/#apt-get"],
    differences: [],
});

/// Words that mark a RUN as installing packages, which makes a preceding update useful.
/// Checkov matches these as substrings of the whole instruction (so `upgrade` also covers
/// `dist-upgrade` and `--upgrade`); the list is Checkov's, so verdicts agree with it.
const INSTALL: [&str; 7] = [
    "install",
    "source-install",
    "reinstall",
    "groupinstall",
    "localinstall",
    "add",
    "upgrade",
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
    if balance <= 0 {
        return Verdict::Pass;
    }
    // Checkov fails every RUN that updates, each on its own lines.
    Verdict::Many(
        updates
            .iter()
            .map(|run| {
                fail_at(
                    r,
                    run,
                    "a package index update is not followed by an install in the same RUN",
                )
            })
            .collect(),
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

    #[test]
    fn every_lone_update_fails() {
        let text = "FROM a:1\nRUN apt-get update\nRUN apk update\nRUN echo hi\n";
        let got = sites(evaluate(&dockerfile(text), &Cx { resources: &[] }));
        assert_eq!(
            got,
            vec![
                (true, "/Dockerfile.RUN".into(), 2, 2),
                (true, "/Dockerfile.RUN".into(), 3, 3)
            ]
        );
    }

    #[test]
    fn only_checkovs_install_words_balance_an_update() {
        // `-U` is not an install word for Checkov: the update stays alone.
        let text = "FROM a:1\nRUN apt-get update\nRUN sort -u -U list\n";
        let got = sites(evaluate(&dockerfile(text), &Cx { resources: &[] }));
        assert_eq!(got, vec![(true, "/Dockerfile.RUN".into(), 2, 2)]);
        let text = "FROM a:1\nRUN apt-get update\nRUN apt-get dist-upgrade -y\n";
        assert_eq!(
            evaluate(&dockerfile(text), &Cx { resources: &[] }),
            Verdict::Pass
        );
    }
}
