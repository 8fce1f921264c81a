//! DPY-GHA-002: GitHub Actions job or step allows unsecure workflow commands.
//!
//! # What it checks
//! No job's or step's `env` sets `ACTIONS_ALLOW_UNSECURE_COMMANDS` to a true value (any
//! value Python reads as true, as Checkov does: `true`, a non-empty string, a non-zero
//! number).
//!
//! # Why it matters
//! The variable re-enables the deprecated `set-env` and `add-path` workflow commands, which
//! let anything a step prints (a pull request title echoed in a log, a dependency's output)
//! set environment variables and the `PATH` of later steps, and so run code with the job's
//! token and secrets.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! jobs:
//!   build:
//!     runs-on: ubuntu-latest
//!     env:
//!       ACTIONS_ALLOW_UNSECURE_COMMANDS: true
//! ```
//!
//! Good:
//!
//! ```yaml
//! jobs:
//!   build:
//!     runs-on: ubuntu-latest
//!     steps:
//!       - run: echo "name=value" >> "$GITHUB_ENV"
//! ```
//!
//! # Remediation
//! Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and write to the `GITHUB_ENV` and `GITHUB_PATH`
//! files instead of printing `set-env` and `add-path` commands.
//!
//! # References
//! - <https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/>
//! - <https://github.com/actions/toolkit/security/advisories/GHSA-mfwh-5m23-j46w>

use crate::check::{Cx, Verdict};
use crate::github_actions::jobs::python_truth;
use crate::model::{Resource, Value};

check!(UnsecureCommands {
    code: "DPY-GHA-002",
    checkov: ["CKV_GHA_1"],
    title: "GitHub Actions job or step allows unsecure workflow commands",
    severity: Medium,
    reason: "KICS \"Unsecured Commands\" (cicd/github) is Medium; no trivy-checks equivalent (its GitHub checks read the Terraform github provider)",
    targets: [(GithubActions, "jobs"), (GithubActions, "steps")],
    description: "Reads the `env` of every job and step: `ACTIONS_ALLOW_UNSECURE_COMMANDS` set to a value Python reads as true fails; no `env`, or the variable absent or false, passes. An `env` given as an expression is not judged.",
    remediation: "Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and write to the `GITHUB_ENV` and `GITHUB_PATH` files instead of printing `set-env` and `add-path` commands.",
    references: [
        "https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/",
        "https://github.com/actions/toolkit/security/advisories/GHSA-mfwh-5m23-j46w",
    ],
    differences: [],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    let env = match r.config.get("env") {
        None => return Verdict::Pass,
        Some(v) if !python_truth(v) => return Verdict::Pass,
        Some(v) => v,
    };
    let Value::Map(vars) = env else {
        return Verdict::Unknown;
    };
    match vars.get("ACTIONS_ALLOW_UNSECURE_COMMANDS") {
        Some(v) if v.contains_unknown() => Verdict::Unknown,
        Some(v) if python_truth(v) => {
            Verdict::fail("`ACTIONS_ALLOW_UNSECURE_COMMANDS` is set in `env`")
        }
        _ => Verdict::Pass,
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
            "jobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n    steps:\n      - run: make\n        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: 'false'\n      - run: make\n        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: false\n          OTHER: x\n      - name: expression\n        env: ${{ fromJSON(inputs.env) }}\n        run: make\n",
        );
        assert_eq!(
            got,
            [
                ("jobs(a)".to_owned(), Some(false)),
                ("jobs(a).steps[1]".to_owned(), Some(false)),
                ("jobs(a).steps[2]".to_owned(), Some(true)),
                ("jobs(a).steps[3](expression)".to_owned(), None),
            ]
        );
    }
}
