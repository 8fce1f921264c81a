//! DPY-DOCKER-010: Dockerfile WORKDIR is a relative path.
//!
//! # What it checks
//! Every `WORKDIR` is an absolute path (`/app`, `C:\\app`) or starts with a variable.
//!
//! # Why it matters
//! A relative `WORKDIR` depends on the previous one, or the base image's: files end up in
//! unexpected places when either changes.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! WORKDIR app
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! WORKDIR /app
//! ```
//!
//! # Remediation
//! Use absolute paths in `WORKDIR`.
//!
//! # References
//! - <https://docs.docker.com/build/building/best-practices/#workdir>

use super::docker_instructions::{fail_at, of};
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(WorkdirAbsolute {
    code: "DPY-DOCKER-010",
    checkov: ["CKV_DOCKER_10"],
    title: "Dockerfile WORKDIR is a relative path",
    severity: Low,
    reason: "trivy-checks DS-0009 (WORKDIR path not absolute) is High; KICS \"WORKDIR Path Not Absolute\" is Low. Low, as KICS: a relative path is a reliability problem with no direct exposure",
    targets: [(Dockerfile, "Dockerfile")],
    description: "Every `WORKDIR` is an absolute path (`/app`, `C:\\\\app`) or starts with a variable.",
    remediation: "Use absolute paths in `WORKDIR`.",
    references: ["https://docs.docker.com/build/building/best-practices/#workdir"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let workdirs = of(r, "WORKDIR");
    if workdirs.is_empty() {
        return Verdict::Unknown;
    }
    let absolute = regex::Regex::new(
        r#"^"?((/[A-Za-z0-9-_+]*)|([A-Za-z0-9-_+]:\\.*)|(\$[{}A-Za-z0-9-_+].*))"#,
    )
    .ok();
    // Checkov fails every relative WORKDIR, each on its own lines, and passes the file.
    let relative: Vec<Verdict> = workdirs
        .iter()
        .filter(|w| !absolute.as_ref().is_some_and(|a| a.is_match(w.value)))
        .map(|w| fail_at(r, w, format!("WORKDIR `{}` is not absolute", w.value)))
        .collect();
    if relative.is_empty() {
        Verdict::Pass
    } else {
        Verdict::Many(relative)
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
        let Verdict::Fail(e) = check("FROM a:1\nWORKDIR app\n") else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.address.as_deref().unwrap_or("/Dockerfile."),
            "/Dockerfile.WORKDIR"
        );
        assert_eq!(
            check("FROM a:1\nWORKDIR /app\nWORKDIR $HOME\n"),
            Verdict::Pass
        );
    }

    #[test]
    fn every_relative_workdir_fails() {
        let text = "FROM a:1\nWORKDIR a\nWORKDIR /b\nWORKDIR c\n";
        let got = sites(evaluate(&dockerfile(text), &Cx { resources: &[] }));
        assert_eq!(
            got,
            vec![
                (true, "/Dockerfile.WORKDIR".into(), 2, 2),
                (true, "/Dockerfile.WORKDIR".into(), 4, 4)
            ]
        );
    }
}
