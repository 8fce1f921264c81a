//! DPY-GHA-006: GitHub Actions workflow_dispatch takes inputs.
//!
//! # What it checks
//! A workflow triggered by `workflow_dispatch` declares no `inputs` for it. Checkov reports
//! only on workflows whose trigger names `workflow_dispatch`; a `workflow_dispatch` with no
//! inputs passes, and so does an `on` mapping without it.
//!
//! # Why it matters
//! SLSA's build requirements ask that the build output depend only on the build entry
//! point and the source: inputs typed in by whoever starts the run can change what is
//! built or released without leaving a trace in the repository.
//!
//! # Example
//!
//! Bad:
//!
//! ```yaml
//! on:
//!   workflow_dispatch:
//!     inputs:
//!       version:
//!         required: true
//! ```
//!
//! Good:
//!
//! ```yaml
//! on:
//!   workflow_dispatch:
//! ```
//!
//! # Remediation
//! Read the values the build needs from the repository (a tag, a file) rather than from
//! `workflow_dispatch` inputs.
//!
//! # References
//! - <https://slsa.dev/spec/v1.0/requirements>
//! - <https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onworkflow_dispatchinputs>

use crate::check::{Cx, Evidence, Verdict};
use crate::github_actions::jobs::{INPUTS_LINES, python_truth};
use crate::model::{Resource, Span, Value};

check!(DispatchInputs {
    code: "DPY-GHA-006",
    checkov: ["CKV_GHA_7"],
    title: "GitHub Actions workflow_dispatch takes inputs",
    severity: Low,
    reason: "no trivy-checks equivalent (its GitHub checks read the Terraform github provider) and none among KICS's GitHub workflow queries; Low because it is a build-provenance (SLSA) requirement: inputs let whoever starts a run steer the build, but starting a run already needs write access",
    targets: [(GithubActions, "on")],
    description: "Reads the workflow's `on`: a `workflow_dispatch` mapping with non-empty `inputs` fails (reported on the inputs' lines); an `on` mapping otherwise passes, as does a trigger string or list naming `workflow_dispatch`; a string or list without it gets no verdict, as in Checkov.",
    remediation: "Read the values the build needs from the repository (a tag, a file) rather than from `workflow_dispatch` inputs.",
    references: [
        "https://slsa.dev/spec/v1.0/requirements",
        "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onworkflow_dispatchinputs",
    ],
    differences: [],
});

const DISPATCH: &str = "workflow_dispatch";

fn evaluate(r: &Resource, _cx: &Cx<'_>) -> Verdict {
    match r.config.get("on") {
        // Checkov has no lines for a trigger written as a string or a list, and neither
        // has the resource.
        Some(Value::String(s)) if s == DISPATCH => Verdict::Pass,
        Some(Value::List(items)) if items.iter().any(|i| i.as_str() == Some(DISPATCH)) => {
            Verdict::Pass
        }
        Some(Value::Map(triggers)) => match triggers.get(DISPATCH) {
            Some(Value::Map(dispatch)) => match dispatch.get("inputs") {
                Some(inputs) if inputs.is_unknown() => Verdict::Unknown,
                Some(inputs) if python_truth(inputs) => Verdict::Fail(Evidence {
                    message: "`workflow_dispatch` declares inputs".into(),
                    span: r
                        .config
                        .get(INPUTS_LINES)
                        .and_then(span_of)
                        .or(Some(Span::new(0, 1))),
                    address: None,
                }),
                _ => Verdict::Pass,
            },
            _ => Verdict::Pass,
        },
        _ => Verdict::Unknown,
    }
}

/// The `[start, end]` the front end recorded.
fn span_of(v: &Value) -> Option<Span> {
    let n = |i: usize| -> Option<u32> {
        let f = v.path(&i.to_string())?.as_f64()?;
        (f >= 0.0 && f <= f64::from(u32::MAX)).then_some(f as u32)
    };
    Some(Span::new(n(0)?, n(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::gha_testing::on_kinds;

    fn check(on: &str) -> Vec<(String, Option<bool>)> {
        on_kinds(
            evaluate,
            &format!("name: ci\non: {on}\njobs:\n  a:\n    runs-on: ubuntu-latest\n"),
            &["on"],
        )
    }

    #[test]
    fn verdicts() {
        let one = |v: Option<bool>| vec![("on(ci)".to_owned(), v)];
        assert_eq!(
            check("\n  workflow_dispatch:\n    inputs:\n      version:\n        required: true\n"),
            one(Some(false))
        );
        assert_eq!(check("\n  workflow_dispatch:\n  push:\n"), one(Some(true)));
        assert_eq!(check("\n  push:\n"), one(Some(true)));
        assert_eq!(check("workflow_dispatch"), one(Some(true)));
        assert_eq!(check("[push, workflow_dispatch]"), one(Some(true)));
        assert_eq!(check("push"), one(None));
        assert_eq!(check("[push]"), one(None));
    }
}
