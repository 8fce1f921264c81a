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
    let failed: Vec<Vec<String>> = failures(report)
        .into_iter()
        .map(|r| {
            vec![
                r.meta.severity.to_string(),
                format!("`{}`", r.meta.code),
                ids(r.meta.checkov),
                md(&r.address),
                format!("{}:{}", md(&r.file), lines(r.span.start, r.span.end)),
                md(message(r)),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "severity", "check", "Checkov", "resource", "file", "message",
        ],
        &failed,
    );
    let suppressed: Vec<Vec<String>> = report
        .results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Skipped(_)))
        .map(|r| {
            vec![
                format!("`{}`", r.meta.code),
                ids(r.meta.checkov),
                md(&r.address),
                md(&r.file),
                md(message(r)),
            ]
        })
        .collect();
    if !suppressed.is_empty() {
        out.push_str("\n## Suppressed\n\n");
        table(
            &mut out,
            &["check", "Checkov", "resource", "file", "reason"],
            &suppressed,
        );
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

/// A table of already escaped cells; nothing when there are no rows.
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "| {} |\n|{}",
        header.join(" | "),
        "---|".repeat(header.len())
    );
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
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
