//! The records the store returns. Their serde form is the stable JSON that `deputy … --format
//! json` prints (documented in `docs/json.md`): add fields, never rename or remove them.

use deputy_core::ledger::{Change, DeltaCounts};
use deputy_core::{FindingState, Location, RunStatus, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

/// A thing that is scanned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Project {
    pub id: i64,
    pub name: String,
    pub created_at: String,
}

/// A project with its headline numbers.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectSummary {
    #[serde(flatten)]
    pub project: Project,
    pub scans: i64,
    pub last_scan_at: Option<String>,
    /// Findings still needing work (open, triaged, in progress, reopened).
    pub active: i64,
    pub overdue: i64,
    /// Active findings per severity, every severity present.
    pub active_by_severity: BTreeMap<Severity, i64>,
}

/// One scan of a project, imported or run by Deputy.
#[derive(Debug, Clone, Serialize)]
pub struct ScanRun {
    pub id: i64,
    pub project: String,
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
    /// What this run changed, against the ledger as it stood before it.
    pub delta: DeltaCounts,
    /// Results dropped because an earlier result in the same input had the same fingerprint.
    pub duplicates: i64,
}

/// A finding as the ledger holds it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRecord {
    pub id: i64,
    pub project: String,
    pub fingerprint: String,
    pub source: String,
    pub scope: String,
    pub rule_id: String,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub location: Location,
    pub help_uri: Option<String>,
    pub remediation: Option<String>,
    pub state: FindingState,
    /// Set when a run that covered the finding could not confirm it (partial run).
    pub stale_since: Option<String>,
    pub first_seen: String,
    pub last_seen: String,
    pub first_run_id: i64,
    pub last_run_id: i64,
    pub sla_due: Option<String>,
    /// Active and past its SLA due date at the time of the query.
    pub overdue: bool,
    pub state_changed_at: String,
}

/// One entry in a finding's history.
#[derive(Debug, Clone, Serialize)]
pub struct FindingEvent {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub run_id: Option<i64>,
    pub from_state: Option<FindingState>,
    pub to_state: FindingState,
    pub reason: String,
}

/// Lifecycle of a risk acceptance request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AcceptanceStatus {
    Pending,
    Approved,
    Rejected,
    Expired,
    Revoked,
}

impl AcceptanceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AcceptanceStatus::Pending => "pending",
            AcceptanceStatus::Approved => "approved",
            AcceptanceStatus::Rejected => "rejected",
            AcceptanceStatus::Expired => "expired",
            AcceptanceStatus::Revoked => "revoked",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => AcceptanceStatus::Pending,
            "approved" => AcceptanceStatus::Approved,
            "rejected" => AcceptanceStatus::Rejected,
            "expired" => AcceptanceStatus::Expired,
            "revoked" => AcceptanceStatus::Revoked,
            _ => return None,
        })
    }
}

/// A request to accept a finding's risk until a date, and its decision.
#[derive(Debug, Clone, Serialize)]
pub struct RiskAcceptance {
    pub id: i64,
    pub finding_id: i64,
    pub owner: String,
    pub reason: String,
    pub requested_by: String,
    pub requested_at: String,
    pub expires_at: String,
    pub status: AcceptanceStatus,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub decision_note: Option<String>,
}

/// A finding's run-by-run record.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRunEntry {
    pub run_id: i64,
    pub change: Change,
    pub finished_at: String,
}

/// Everything the ledger knows about one finding.
#[derive(Debug, Clone, Serialize)]
pub struct FindingDetail {
    #[serde(flatten)]
    pub finding: FindingRecord,
    pub history: Vec<FindingEvent>,
    pub acceptances: Vec<RiskAcceptance>,
    pub runs: Vec<FindingRunEntry>,
}

/// A finding in a diff or delta listing.
#[derive(Debug, Clone, Serialize)]
pub struct DiffEntry {
    pub change: Change,
    pub id: i64,
    pub fingerprint: String,
    pub rule_id: String,
    pub severity: Severity,
    pub title: String,
    pub path: Option<String>,
    pub start_line: Option<u32>,
    pub resource: Option<String>,
    pub state: FindingState,
}

/// What changed between two runs of a project.
#[derive(Debug, Clone, Serialize)]
pub struct RunDiff {
    pub base: ScanRun,
    pub head: ScanRun,
    pub counts: DeltaCounts,
    /// Every finding that changed (new, reopened, resolved, stale); unchanged ones only
    /// when asked for.
    pub findings: Vec<DiffEntry>,
}

/// The outcome of recording one run.
#[derive(Debug, Clone, Serialize)]
pub struct RecordedRun {
    pub run: ScanRun,
    /// Risk acceptances that had expired and were reopened before the run was applied.
    pub expired_acceptances: u64,
}
