//! Test helpers shared by the GitHub Actions checks.

use crate::check::{Cx, Verdict};
use crate::github_actions::parse;
use crate::model::{Resource, SourceFile};

/// Parses `body` (a workflow's `jobs`, or more, after `on: push`) and returns, for every
/// job and step resource, its address and `Some(passed)`, or `None` for no verdict.
pub(crate) fn verdicts(
    evaluate: fn(&Resource, &Cx<'_>) -> Verdict,
    body: &str,
) -> Vec<(String, Option<bool>)> {
    on_kinds(evaluate, &format!("on: push\n{body}"), &["jobs", "steps"])
}

/// [`verdicts`] on a whole workflow text, for the resources of `kinds`.
pub(crate) fn on_kinds(
    evaluate: fn(&Resource, &Cx<'_>) -> Verdict,
    text: &str,
    kinds: &[&str],
) -> Vec<(String, Option<bool>)> {
    let parsed = parse(&SourceFile {
        path: ".github/workflows/ci.yml".into(),
        text: text.into(),
    });
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed
        .resources
        .iter()
        .filter(|r| kinds.contains(&r.kind.as_str()))
        .map(|r| {
            let v = match evaluate(r, &Cx { resources: &[] }) {
                Verdict::Pass | Verdict::PassAt(_) => Some(true),
                Verdict::Fail(_) => Some(false),
                _ => None,
            };
            (r.address.clone(), v)
        })
        .collect()
}
