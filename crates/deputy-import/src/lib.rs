//! Parsing foreign scanner reports — SARIF 2.1.0 logs and Checkov's JSON output — into
//! Deputy's [`FindingDraft`]s, with the facts about the scan that the ledger needs: which
//! tools the report covers (including tools that found nothing), and whether the report
//! itself says the scan was incomplete.
//!
//! This crate does no I/O: [`parse`] takes the report's bytes. It knows nothing of SQL,
//! the ledger or the CLI. Every error names the JSON path of the offending value, and no
//! input, however malformed, makes it panic.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

mod checkov;
mod error;
mod int;
mod path;
mod sarif;

use deputy_core::{FindingDraft, RunStatus, Severity};
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use time::OffsetDateTime;

pub use error::ImportError;

/// The report formats Deputy can import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    /// A SARIF 2.1.0 log, as written by CodeQL, Semgrep, Trivy and most other scanners.
    Sarif,
    /// The output of `checkov -o json`.
    Checkov,
}

impl ReportFormat {
    /// Every format, in the order help texts list them.
    pub const ALL: [ReportFormat; 2] = [ReportFormat::Sarif, ReportFormat::Checkov];

    /// The lowercase name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Sarif => "sarif",
            ReportFormat::Checkov => "checkov",
        }
    }
}

impl fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a format name that is not one Deputy imports.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown report format `{0}` (expected sarif or checkov)")]
pub struct UnknownFormat(pub String);

impl FromStr for ReportFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sarif" => Ok(ReportFormat::Sarif),
            "checkov" => Ok(ReportFormat::Checkov),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

/// How to interpret what a report leaves open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The severity of a finding whose report gives none, or gives one Deputy cannot read.
    pub default_severity: Severity,
    /// The project root as the scanner saw it (for example `/home/ci/work/repo`). Absolute
    /// paths under it are stored relative to it.
    pub root: Option<String>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            default_severity: Severity::Medium,
            root: None,
        }
    }
}

/// What one report says: its findings and the facts about the scan that produced them.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedScan {
    pub format: ReportFormat,
    /// Lowercased names of the tools this report covers, including tools that reported
    /// nothing: their absence of findings is evidence too.
    pub tools: BTreeSet<String>,
    pub tool_version: Option<String>,
    /// [`RunStatus::Partial`] when the report itself says the scan was incomplete.
    pub status: RunStatus,
    pub commit: Option<String>,
    pub branch: Option<String>,
    pub started_at: Option<OffsetDateTime>,
    pub finished_at: Option<OffsetDateTime>,
    /// The findings, in the order the report lists them.
    pub findings: Vec<FindingDraft>,
    /// Human-readable diagnostics: what was skipped and why the scan is partial.
    pub notes: Vec<String>,
}

impl ImportedScan {
    fn empty(format: ReportFormat) -> Self {
        Self {
            format,
            tools: BTreeSet::new(),
            tool_version: None,
            status: RunStatus::Complete,
            commit: None,
            branch: None,
            started_at: None,
            finished_at: None,
            findings: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Parses one report.
///
/// # Errors
///
/// When `bytes` is not a report of `format`: invalid or truncated JSON, a value of the
/// wrong type, or a missing required property (a SARIF run without a tool name, a result
/// without a rule id, a Checkov failed check without a check id, ...).
pub fn parse(
    format: ReportFormat,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<ImportedScan, ImportError> {
    match format {
        ReportFormat::Sarif => sarif::parse(bytes, options),
        ReportFormat::Checkov => checkov::parse(bytes, options),
    }
}

/// `n` followed by `noun`, pluralised with an `s` unless `n` is 1.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in ReportFormat::ALL {
            assert_eq!(f.as_str().parse::<ReportFormat>(), Ok(f));
        }
        assert_eq!(
            "junit".parse::<ReportFormat>().map_err(|e| e.to_string()),
            Err("unknown report format `junit` (expected sarif or checkov)".to_owned())
        );
    }

    #[test]
    fn counts_are_pluralised() {
        assert_eq!(count(1, "result"), "1 result");
        assert_eq!(count(0, "result"), "0 results");
        assert_eq!(count(4, "check"), "4 checks");
    }
}
