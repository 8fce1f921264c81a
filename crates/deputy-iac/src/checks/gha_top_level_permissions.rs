//! DPY-GHA-001: GitHub Actions workflow grants its token write-all permissions.
//!
//! # What it checks
//! A workflow's top-level `permissions` is not `write-all`. A workflow with no top-level
//! `permissions` key fails too: its token then gets the default permissions, which are
//! write access to every scope unless the repository or organisation restricts them.
//! `read-all` and a mapping of scopes (whatever the levels in it) pass.
//!
//! # Why it matters
//! Every job of the workflow gets a `GITHUB_TOKEN` with these permissions. A step that is
//! compromised (a poisoned action, a script injection through an issue title) can use a
//! write-all token to push commits, rewrite releases, publish packages or approve pull
//! requests.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! name: build
//! on: push
//! permissions: write-all
//! jobs:
//!   build:
//!     runs-on: ubuntu-latest
//!     steps:
//!       - uses: actions/checkout@v4
//! ```
//!
//! Good:
//!
//! ```yaml
//! name: build
//! on: push
//! permissions:
//!   contents: read
//! jobs:
//!   build:
//!     runs-on: ubuntu-latest
//!     steps:
//!       - uses: actions/checkout@v4
//! ```
//!
//! # Remediation
//! Set a top-level `permissions` mapping granting only the scopes the workflow needs
//! (`contents: read` for most builds), or `read-all`, and grant write scopes on the jobs
//! that need them.
//!
//! # References
//! - <https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions>
//! - <https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token>

use crate::check::{Cx, Verdict};
use crate::github_actions::WRITE_ALL;
use crate::model::Resource;

check!(TopLevelPermissions {
    code: "DPY-GHA-001",
    checkov: ["CKV2_GHA_1"],
    title: "GitHub Actions workflow grants its token write-all permissions",
    severity: Medium,
    reason: "KICS \"Beta - Workflow Permissions Set to Write-All\" (cicd/github) is Medium, and GitHub's CodeQL query actions/missing-workflow-permissions rates a workflow without permissions at security-severity 5.0 (Medium); no trivy-checks equivalent (its GitHub checks read the Terraform github provider, not workflows)",
    targets: [(GithubActions, "permissions")],
    description: "Reads the workflow's top-level `permissions`: `write-all`, or no `permissions` key at all (the token's unrestricted default, as Checkov reads it), fails; `read-all` and a mapping of scopes pass. Job-level permissions are not read.",
    remediation: "Set a top-level `permissions` mapping granting only the scopes the workflow needs (`contents: read` for most builds), or `read-all`, and grant write scopes on the jobs that need them.",
    references: [
        "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions",
        "https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token",
    ],
    differences: [
        "Checkov leaves out a workflow that breaks its workflow schema; Deputy applies the schema's rules on top-level keys, permissions, job ids, `runs-on`, `needs` and reusable-workflow calls, and reports a left-out file as skipped, but judges a workflow whose only schema fault lies elsewhere (a step's or a strategy's shape) where Checkov does not.",
        "Checkov reads no suppression comment on this graph check; Deputy honours a `checkov:skip=CKV2_GHA_1` or `deputy:skip=DPY-GHA-001` comment anywhere in the workflow, since the part it judges may have no lines of its own.",
    ],
});

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match r.config.get("permissions") {
        Some(v) if v.as_str() == Some(WRITE_ALL) => Verdict::fail(
            "the workflow's token has write-all permissions (set explicitly, or by leaving out the top-level `permissions` key)",
        ),
        Some(v) if v.is_unknown() => Verdict::Unknown,
        Some(_) => Verdict::Pass,
        None => Verdict::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github_actions::parse;
    use crate::model::SourceFile;

    fn check(text: &str) -> Vec<(String, Verdict)> {
        let parsed = parse(&SourceFile {
            path: ".github/workflows/ci.yml".into(),
            text: text.into(),
        });
        parsed
            .resources
            .iter()
            .filter(|r| r.kind == crate::github_actions::PERMISSIONS)
            .map(|r| (r.address.clone(), evaluate(r, &Cx { resources: &[] })))
            .collect()
    }

    fn failed(v: &[(String, Verdict)]) -> Vec<&str> {
        v.iter()
            .filter(|(_, v)| matches!(v, Verdict::Fail(_)))
            .map(|(a, _)| a.as_str())
            .collect()
    }

    const JOBS: &str = "jobs:\n  a:\n    runs-on: ubuntu-latest\n";

    #[test]
    fn write_all_and_no_permissions_fail() {
        let none = check(&format!("name: ci\non: push\n{JOBS}"));
        assert_eq!(failed(&none), ["on(ci)"]);
        let explicit = check(&format!("on: push\npermissions: write-all\n{JOBS}"));
        assert_eq!(failed(&explicit), ["on"]);
        let job_only = check(&format!(
            "name: ci\non: push\n{JOBS}    permissions:\n      contents: read\n"
        ));
        assert_eq!(failed(&job_only), ["on(ci)"]);
    }

    #[test]
    fn read_all_and_scope_maps_pass() {
        for permissions in [
            "read-all",
            "{}",
            "\n  contents: write\n  issues: read",
            "{contents: read}",
        ] {
            let got = check(&format!(
                "name: ci\non: push\npermissions: {permissions}\n{JOBS}"
            ));
            assert_eq!(got, [("on(ci)".to_owned(), Verdict::Pass)], "{permissions}");
        }
    }

    #[test]
    fn unknown_or_missing_values_give_no_verdict() {
        let mut r = parse(&SourceFile {
            path: ".github/workflows/ci.yml".into(),
            text: format!("on: push\n{JOBS}"),
        })
        .resources;
        r.retain(|r| r.kind == crate::github_actions::PERMISSIONS);
        let Some(r) = r.pop() else {
            panic!("no resource")
        };
        let mut unknown = r.clone();
        unknown.config = crate::testing::map(vec![("permissions", crate::model::Value::unknown())]);
        assert_eq!(evaluate(&unknown, &Cx { resources: &[] }), Verdict::Unknown);
        let mut missing = r;
        missing.config = crate::testing::map(vec![]);
        assert_eq!(evaluate(&missing, &Cx { resources: &[] }), Verdict::Unknown);
    }

    #[test]
    fn invalid_workflows_are_not_judged() {
        assert!(check(&format!("on: push\npermissions: write\n{JOBS}")).is_empty());
        assert!(check(&format!("on: push\nfoo: bar\n{JOBS}")).is_empty());
    }
}
