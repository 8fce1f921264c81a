//! `deputy report`: a scan of a project, assembled from the ledger and rendered.

use crate::{App, AppError};
use deputy_report::model::{
    AcceptedRisk, ChangedFinding, Comparison, Report, ReportFinding, ScanInfo, TrendPoint, location,
};
use deputy_store::{FindingRecord, ScanRun};
use std::str::FromStr;

/// How many scans the trend charts show.
const TREND_SCANS: u32 = 24;

/// Every format a report renders to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportOutput {
    Pdf,
    Html,
    Markdown,
    Confluence,
    Json,
    Csv,
    Sarif,
    Junit,
}

impl ReportOutput {
    pub const ALL: [ReportOutput; 8] = [
        ReportOutput::Pdf,
        ReportOutput::Html,
        ReportOutput::Markdown,
        ReportOutput::Confluence,
        ReportOutput::Json,
        ReportOutput::Csv,
        ReportOutput::Sarif,
        ReportOutput::Junit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportOutput::Pdf => "pdf",
            ReportOutput::Html => "html",
            ReportOutput::Markdown => "markdown",
            ReportOutput::Confluence => "confluence",
            ReportOutput::Json => "json",
            ReportOutput::Csv => "csv",
            ReportOutput::Sarif => "sarif",
            ReportOutput::Junit => "junit",
        }
    }

    /// Renders `report` in this format.
    pub fn render(self, report: &Report) -> Result<Vec<u8>, AppError> {
        Ok(match self {
            ReportOutput::Pdf => {
                deputy_report_pdf::render(report).map_err(|e| AppError::Render(e.to_string()))?
            }
            ReportOutput::Html => deputy_report::html::render(report).into_bytes(),
            ReportOutput::Markdown => deputy_report::markdown::render(report).into_bytes(),
            ReportOutput::Confluence => deputy_report::confluence::render(report).into_bytes(),
            ReportOutput::Json => deputy_report::json::render(report).into_bytes(),
            ReportOutput::Csv => deputy_report::csv::render(report).into_bytes(),
            ReportOutput::Sarif => deputy_report::sarif::render(report).into_bytes(),
            ReportOutput::Junit => deputy_report::junit::render(report).into_bytes(),
        })
    }
}

impl FromStr for ReportOutput {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReportOutput::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown report format `{s}` (expected one of: {})",
                    ReportOutput::ALL.map(ReportOutput::as_str).join(", ")
                )
            })
    }
}

fn scan_info(r: &ScanRun) -> ScanInfo {
    ScanInfo {
        id: r.id,
        format: r.format.clone(),
        tools: r.tools.clone(),
        tool_version: r.tool_version.clone(),
        scope: r.scope.clone(),
        status: r.status,
        commit: r.commit.clone(),
        branch: r.branch.clone(),
        started_at: r.started_at.clone(),
        finished_at: r.finished_at.clone(),
        imported_at: r.imported_at.clone(),
        imported_by: r.imported_by.clone(),
        input_name: r.input_name.clone(),
        input_sha256: r.input_sha256.clone(),
        notes: r.notes.clone(),
        delta: r.delta,
    }
}

fn report_finding(f: FindingRecord) -> ReportFinding {
    ReportFinding {
        id: f.id,
        fingerprint: f.fingerprint,
        source: f.source,
        rule_id: f.rule_id,
        title: f.title,
        message: f.message,
        severity: f.severity,
        state: f.state,
        path: f.location.path,
        start_line: f.location.start_line,
        end_line: f.location.end_line,
        resource: f.location.resource,
        remediation: f.remediation,
        help_uri: f.help_uri,
        first_seen: f.first_seen,
        sla_due: f.sla_due,
        overdue: f.overdue,
    }
}

impl App {
    /// The report of scan `scan` (default: the project's latest) compared with `compare`
    /// (default: the scan before it, if any).
    pub async fn report(
        &self,
        project: &str,
        scan: Option<i64>,
        compare: Option<i64>,
    ) -> Result<Report, AppError> {
        let now = self.now();
        let runs = self.store.scan_runs(project, None).await?;
        let head = match scan {
            Some(id) => runs.iter().find(|r| r.id == id).ok_or_else(|| {
                AppError::Usage(format!("scan {id} is not a scan of project `{project}`"))
            })?,
            None => runs.first().ok_or_else(|| {
                AppError::Usage(format!("project `{project}` has no scans to report on"))
            })?,
        };
        let base = match compare {
            Some(id) if id == head.id => {
                return Err(AppError::Usage(
                    "a scan cannot be compared with itself".into(),
                ));
            }
            Some(id) => Some(runs.iter().find(|r| r.id == id).ok_or_else(|| {
                AppError::Usage(format!("scan {id} is not a scan of project `{project}`"))
            })?),
            None => runs.iter().find(|r| r.id < head.id),
        };
        let comparison = match base {
            Some(base) => {
                let diff = self.store.diff_runs(base.id, head.id, false).await?;
                Some(Comparison {
                    base: scan_info(base),
                    counts: diff.counts,
                    changes: diff
                        .findings
                        .into_iter()
                        .map(|e| ChangedFinding {
                            change: e.change,
                            id: e.id,
                            location: location(
                                e.path.as_deref(),
                                e.start_line,
                                e.resource.as_deref(),
                            ),
                            rule_id: e.rule_id,
                            title: e.title,
                            severity: e.severity,
                        })
                        .collect(),
                })
            }
            None => None,
        };
        let trend = self
            .store
            .trend(project, head.id, TREND_SCANS)
            .await?
            .into_iter()
            .map(|t| TrendPoint {
                scan_id: t.run.id,
                finished_at: t.run.finished_at,
                detected: t.detected,
                new: t.run.delta.new,
                resolved: t.run.delta.resolved,
                reopened: t.run.delta.reopened,
            })
            .collect();
        let findings = self
            .store
            .findings_in_run(head.id, now)
            .await?
            .into_iter()
            .map(report_finding)
            .collect();
        let accepted_risks = self
            .store
            .accepted_risks(project, now)
            .await?
            .into_iter()
            .map(|(f, a)| AcceptedRisk {
                finding_id: f.id,
                location: location(
                    f.location.path.as_deref(),
                    f.location.start_line,
                    f.location.resource.as_deref(),
                ),
                rule_id: f.rule_id,
                title: f.title,
                severity: f.severity,
                owner: a.owner,
                reason: a.reason,
                requested_by: a.requested_by,
                approved_by: a.decided_by,
                expires_at: a.expires_at,
            })
            .collect();
        Ok(Report {
            project: project.to_owned(),
            generated_at: deputy_core::time_fmt::format(now),
            generated_by: self.actor().to_string(),
            scan: scan_info(head),
            comparison,
            trend,
            findings,
            accepted_risks,
        })
    }
}
