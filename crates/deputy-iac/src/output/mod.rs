//! Rendering a scan for machines and people: JSON (`docs/json.md`, "IaC scan"), SARIF
//! 2.1.0, JUnit XML and Markdown. The terminal table is the CLI's. Every finding carries
//! its Deputy code, the Checkov ids it matches, its severity, the resource address in
//! Checkov's notation, the file relative to the scanned root and its lines, so results
//! compare one to one with Checkov's.
//!
//! Text from the scanned tree (addresses, paths, suppression reasons) is untrusted and is
//! escaped for the sink through `deputy_report::escape`.

pub mod catalog;
mod json;
mod junit;
mod markdown;
mod sarif;

pub use json::document as json;
pub use junit::render as junit;
pub use markdown::render as markdown;
pub use sarif::render as sarif;

use crate::scan::{CheckResult, Outcome, ScanReport};
use deputy_core::{FindingDraft, Location, RunStatus, Severity};
use std::collections::BTreeMap;

/// The scanner's name in findings, fingerprints and outputs.
pub const SOURCE: &str = "deputy-iac";

/// Facts about a scan that the report itself does not hold.
#[derive(Debug, Clone, Copy)]
pub struct ScanMeta<'a> {
    /// The scanned path as the user gave it.
    pub root: &'a str,
    pub version: &'a str,
}

/// The run status a scan earns: `partial` when part of the tree could not be read.
pub fn status(report: &ScanReport) -> RunStatus {
    if report.partial() {
        RunStatus::Partial
    } else {
        RunStatus::Complete
    }
}

/// The failed results, most severe first, then in report (file, line) order.
pub fn failures(report: &ScanReport) -> Vec<&CheckResult> {
    let mut out: Vec<&CheckResult> = report
        .results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.meta.severity));
    out
}

/// Failures per severity, every severity present.
pub fn counts(report: &ScanReport) -> BTreeMap<Severity, usize> {
    let mut m: BTreeMap<Severity, usize> = Severity::ALL.iter().map(|s| (*s, 0)).collect();
    for r in &report.results {
        if matches!(r.outcome, Outcome::Failed(_)) {
            *m.entry(r.meta.severity).or_default() += 1;
        }
    }
    m
}

/// How many failures are at or above `threshold` (every failure when `None`).
pub fn failing(report: &ScanReport, threshold: Option<Severity>) -> usize {
    report
        .results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .filter(|r| threshold.is_none_or(|t| r.meta.severity >= t))
        .count()
}

/// The message of a failure: the check's evidence, else its title.
pub fn message(r: &CheckResult) -> &str {
    match &r.outcome {
        Outcome::Failed(e) if !e.message.is_empty() => &e.message,
        Outcome::Skipped(reason) => reason,
        _ => r.meta.title,
    }
}

/// A failure as the ledger records it. The fingerprint covers the Deputy code, the
/// resource address and the file: never lines or text, so it survives edits.
pub fn draft(r: &CheckResult) -> FindingDraft {
    let location = Location {
        path: Some(r.file.clone()),
        start_line: (r.span.start > 0).then_some(r.span.start),
        end_line: (r.span.end > 0).then_some(r.span.end),
        resource: Some(r.address.clone()),
        setting_path: None,
    };
    let mut d = FindingDraft::new(
        SOURCE,
        r.meta.code,
        r.meta.severity,
        r.meta.title.to_owned(),
        message(r).to_owned(),
        location,
        &[],
    );
    d.remediation = Some(r.meta.remediation.to_owned());
    d.help_uri = r.meta.references.first().map(|s| (*s).to_owned());
    d
}

/// Lines as `12-20`, or `12` for one line.
fn lines(start: u32, end: u32) -> String {
    if end > start {
        format!("{start}-{end}")
    } else {
        start.to_string()
    }
}

#[cfg(test)]
pub(crate) mod tests;
