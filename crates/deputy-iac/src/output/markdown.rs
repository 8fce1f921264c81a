//! The scan as GitHub Flavored Markdown, for a pull-request comment or a ticket: the
//! numbers, the failures most severe first, the suppressed results and the diagnostics.

use super::{ScanMeta, counts, failures, lines, message, status};
use crate::scan::{Outcome, ScanReport};
use deputy_core::Severity;
use deputy_report::escape::markdown as md;
use std::fmt::Write as _;

/// Writing to a `String` cannot fail, so the `fmt::Result`s of `write!` are dropped.
pub fn render(report: &ScanReport, meta: ScanMeta<'_>) -> String {
    let (passed, failed, skipped) = report.counts();
    let by_severity = counts(report);
    let mut out = format!("# IaC scan of `{}`\n\n", md(meta.root));
    let _ = writeln!(
        out,
        "Status: **{}** · {} files · {} resources · {} checks · {passed} passed, {failed} failed, {skipped} skipped ({})\n",
        status(report),
        report.files,
        report.resources,
        report.checks,
        Severity::ALL
            .iter()
            .map(|s| format!("{} {s}", by_severity.get(s).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let failed = failures(report);
    if !failed.is_empty() {
        out.push_str("| severity | check | Checkov | resource | file | message |\n|---|---|---|---|---|---|\n");
        for r in failed {
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {} | {}:{} | {} |",
                r.meta.severity,
                r.meta.code,
                ids(r.meta.checkov),
                md(&r.address),
                md(&r.file),
                lines(r.span.start, r.span.end),
                md(message(r)),
            );
        }
    }
    let suppressed: Vec<_> = report
        .results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Skipped(_)))
        .collect();
    if !suppressed.is_empty() {
        out.push_str("\n## Suppressed\n\n| check | Checkov | resource | file | reason |\n|---|---|---|---|---|\n");
        for r in suppressed {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} |",
                r.meta.code,
                ids(r.meta.checkov),
                md(&r.address),
                md(&r.file),
                md(message(r)),
            );
        }
    }
    if !report.diagnostics.is_empty() {
        out.push_str("\n## Diagnostics (not findings)\n\n");
        for d in &report.diagnostics {
            let at = d.line.map_or(String::new(), |l| format!(":{l}"));
            let _ = writeln!(out, "- {}{at}: {}", md(&d.file), md(&d.message));
        }
    }
    out
}

fn ids(ids: &[&str]) -> String {
    if ids.is_empty() {
        "—".to_owned()
    } else {
        ids.iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
