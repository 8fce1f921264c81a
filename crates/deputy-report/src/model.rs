//! The data every renderer reads. Its serde form is also the `--format json` report.

use deputy_core::ledger::DeltaCounts;
use deputy_core::{FindingState, RunStatus, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

/// A report of one scan of a project.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub project: String,
    /// When the report was produced (RFC 3339 UTC).
    pub generated_at: String,
    pub generated_by: String,
    /// The scan reported on.
    pub scan: ScanInfo,
    /// What changed since another scan (by default the one before).
    pub comparison: Option<Comparison>,
    /// Per scan of the project, oldest first, up to and including the reported scan.
    pub trend: Vec<TrendPoint>,
    /// Every finding the reported scan detected, most severe first, with its state now.
    pub findings: Vec<ReportFinding>,
    /// Findings of the project whose risk is currently accepted.
    pub accepted_risks: Vec<AcceptedRisk>,
}

/// Facts about a scan.
#[derive(Debug, Clone, Serialize)]
pub struct ScanInfo {
    pub id: i64,
    pub format: String,
    pub tools: Vec<String>,
    pub tool_version: Option<String>,
    pub scope: String,
    pub status: RunStatus,
    pub commit: Option<String>,
    pub branch: Option<String>,
    pub started_at: String,
    pub finished_at: String,
    pub imported_at: String,
    pub imported_by: String,
    pub input_name: Option<String>,
    pub input_sha256: Option<String>,
    pub notes: Vec<String>,
    pub delta: DeltaCounts,
}

/// The reported scan against a base scan.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub base: ScanInfo,
    pub counts: DeltaCounts,
    /// Findings that changed (new, reopened, resolved, stale), most severe first.
    pub changes: Vec<ChangedFinding>,
}

/// A finding that changed between two scans.
#[derive(Debug, Clone, Serialize)]
pub struct ChangedFinding {
    pub change: deputy_core::ledger::Change,
    pub id: i64,
    pub rule_id: String,
    pub title: String,
    pub severity: Severity,
    pub location: String,
}

/// One scan in the trend.
#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    pub scan_id: i64,
    pub finished_at: String,
    /// Findings the scan detected, per severity (every severity present).
    pub detected: BTreeMap<Severity, u64>,
    pub new: u64,
    pub resolved: u64,
    pub reopened: u64,
}

/// A finding as a report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ReportFinding {
    pub id: i64,
    pub fingerprint: String,
    pub source: String,
    pub rule_id: String,
    pub title: String,
    pub message: String,
    pub severity: Severity,
    pub state: FindingState,
    pub path: Option<String>,
    pub start_line: Option<u32>,
    pub end_line: Option<u32>,
    pub resource: Option<String>,
    pub remediation: Option<String>,
    pub help_uri: Option<String>,
    pub first_seen: String,
    pub sla_due: Option<String>,
    pub overdue: bool,
}

impl ReportFinding {
    /// Where the finding is, as one line of text.
    pub fn location(&self) -> String {
        location(
            self.path.as_deref(),
            self.start_line,
            self.resource.as_deref(),
        )
    }
}

/// `path:line resource`, whichever parts exist.
pub fn location(path: Option<&str>, line: Option<u32>, resource: Option<&str>) -> String {
    let mut s = match (path, line) {
        (Some(p), Some(l)) => format!("{p}:{l}"),
        (Some(p), None) => p.to_owned(),
        _ => String::new(),
    };
    if let Some(r) = resource {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(r);
    }
    s
}

/// An accepted risk and its terms.
#[derive(Debug, Clone, Serialize)]
pub struct AcceptedRisk {
    pub finding_id: i64,
    pub rule_id: String,
    pub title: String,
    pub severity: Severity,
    pub location: String,
    pub owner: String,
    pub reason: String,
    pub requested_by: String,
    pub approved_by: Option<String>,
    pub expires_at: String,
}
