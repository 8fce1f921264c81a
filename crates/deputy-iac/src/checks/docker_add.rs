//! DPY-DOCKER-004: Dockerfile uses ADD instead of COPY.
//!
//! # What it checks
//! The Dockerfile has no `ADD` instruction (each one is reported).
//!
//! # Why it matters
//! `ADD` fetches URLs and unpacks archives implicitly: a remote file or a crafted tarball
//! can put unexpected content, or paths, into the image.
//!
//! # Example
//!
//! Bad:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! ADD app.tar.gz /app/
//! ```
//!
//! Good:
//!
//! ```dockerfile
//! FROM alpine:3.20
//! COPY app/ /app/
//! ```
//!
//! # Remediation
//! Use `COPY` for local files; download with `RUN curl` plus a checksum when a remote file
//! is needed.
//!
//! # References
//! - <https://docs.docker.com/build/building/best-practices/#add-or-copy>

use super::docker_instructions::fail_each;
use crate::check::{Cx, Verdict};
use crate::model::Resource;

check!(AddInsteadOfCopy {
    code: "DPY-DOCKER-004",
    checkov: ["CKV_DOCKER_4"],
    title: "Dockerfile uses ADD instead of COPY",
    severity: Low,
    reason: "trivy-checks DS-0005 (ADD instead of COPY) is Low; KICS \"Add Instead of Copy\" is Medium. Low, as trivy: most ADD instructions copy local files, and remote downloads are the exception",
    targets: [(Dockerfile, "Dockerfile")],
    description: "The Dockerfile has no `ADD` instruction (each one is reported).",
    remediation: "Use `COPY` for local files; download with `RUN curl` plus a checksum when a remote file is needed.",
    references: ["https://docs.docker.com/build/building/best-practices/#add-or-copy"],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    // Checkov fails every ADD instruction, each on its own lines.
    fail_each(r, "ADD", "ADD is used instead of COPY")
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
        let Verdict::Fail(e) = check("FROM a:1\nCOPY a b\nADD x.tgz /x\n") else {
            panic!("expected a failure")
        };
        assert_eq!(
            e.address.as_deref().unwrap_or("/Dockerfile."),
            "/Dockerfile.ADD"
        );
        assert_eq!(check("FROM a:1\nCOPY a b\n"), Verdict::Unknown);
    }

    #[test]
    fn every_add_fails() {
        let text = "FROM a:1\nADD a /a\nCOPY b /b\nADD c /c\n";
        let got = sites(evaluate(&dockerfile(text), &Cx { resources: &[] }));
        assert_eq!(
            got,
            vec![
                (true, "/Dockerfile.ADD".into(), 2, 2),
                (true, "/Dockerfile.ADD".into(), 4, 4)
            ]
        );
    }
}
