//! Read models for reports: the findings a scan saw, the per-scan trend, and accepted risks.

use crate::findings::{FINDING_COLUMNS, acceptance_from_row, finding_from_row};
use crate::model::{FindingRecord, RiskAcceptance, ScanRun};
use crate::sql::{int, parsed};
use crate::{Store, StoreError};
use deputy_core::{Severity, time_fmt};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// One scan in a project's trend: the run and how many findings it detected per severity.
#[derive(Debug, Clone)]
pub struct TrendEntry {
    pub run: ScanRun,
    pub detected: BTreeMap<Severity, u64>,
}

impl Store {
    /// Every finding run `run_id` detected, with its state now, most severe first.
    pub async fn findings_in_run(
        &self,
        run_id: i64,
        now: OffsetDateTime,
    ) -> Result<Vec<FindingRecord>, StoreError> {
        self.expire_acceptances(now).await?;
        let now_s = time_fmt::format(now);
        let rows = sqlx::query(&format!(
            "SELECT {FINDING_COLUMNS} FROM run_findings rf \
             JOIN findings f ON f.id = rf.finding_id JOIN projects p ON p.id = f.project_id \
             WHERE rf.run_id = $1 AND rf.change IN ('new', 'reopened', 'unchanged') \
             ORDER BY CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 \
                WHEN 'low' THEN 3 ELSE 4 END, f.rule_id, f.path, f.start_line, f.id"
        ))
        .bind(run_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| finding_from_row(r, &now_s)).collect()
    }

    /// The project's last `limit` scans up to and including `up_to`, oldest first, with the
    /// findings each detected per severity.
    pub async fn trend(
        &self,
        project: &str,
        up_to: i64,
        limit: u32,
    ) -> Result<Vec<TrendEntry>, StoreError> {
        let runs: Vec<ScanRun> = self
            .scan_runs(project, None)
            .await?
            .into_iter()
            .filter(|r| r.id <= up_to)
            .take(limit as usize)
            .collect();
        let Some(oldest) = runs.last().map(|r| r.id) else {
            return Ok(Vec::new());
        };
        let project_id = self.project(project).await?.id;
        let rows = sqlx::query(
            "SELECT rf.run_id, f.severity, COUNT(*) AS n FROM run_findings rf \
             JOIN findings f ON f.id = rf.finding_id JOIN scan_runs r ON r.id = rf.run_id \
             WHERE r.project_id = $1 AND rf.run_id >= $2 AND rf.run_id <= $3 \
               AND rf.change IN ('new', 'reopened', 'unchanged') \
             GROUP BY rf.run_id, f.severity",
        )
        .bind(project_id)
        .bind(oldest)
        .bind(up_to)
        .fetch_all(self.pool())
        .await?;
        let mut counts: BTreeMap<i64, BTreeMap<Severity, u64>> = BTreeMap::new();
        for row in &rows {
            let n = u64::try_from(int(row, "n")?).unwrap_or(0);
            counts
                .entry(int(row, "run_id")?)
                .or_default()
                .insert(parsed(row, "severity")?, n);
        }
        Ok(runs
            .into_iter()
            .rev()
            .map(|run| {
                let mut detected: BTreeMap<Severity, u64> =
                    Severity::ALL.iter().map(|s| (*s, 0)).collect();
                if let Some(c) = counts.get(&run.id) {
                    detected.extend(c.iter().map(|(s, n)| (*s, *n)));
                }
                TrendEntry { run, detected }
            })
            .collect())
    }

    /// The project's findings whose risk is accepted now, with the approved acceptance.
    pub async fn accepted_risks(
        &self,
        project: &str,
        now: OffsetDateTime,
    ) -> Result<Vec<(FindingRecord, RiskAcceptance)>, StoreError> {
        self.expire_acceptances(now).await?;
        let now_s = time_fmt::format(now);
        let rows = sqlx::query(&format!(
            "SELECT {FINDING_COLUMNS}, a.id AS a_id FROM findings f JOIN projects p ON p.id = f.project_id \
             JOIN risk_acceptances a ON a.finding_id = f.id \
             WHERE p.name = $1 AND f.state = 'accepted_risk' AND a.status = 'approved' \
             ORDER BY a.expires_at, f.id"
        ))
        .bind(project)
        .fetch_all(self.pool())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let finding = finding_from_row(row, &now_s)?;
            let acceptance_row = sqlx::query(&format!(
                "SELECT {} FROM risk_acceptances WHERE id = $1",
                crate::findings::ACCEPTANCE_COLUMNS
            ))
            .bind(int(row, "a_id")?)
            .fetch_one(self.pool())
            .await?;
            out.push((finding, acceptance_from_row(&acceptance_row)?));
        }
        Ok(out)
    }
}
