//! Projects and their headline numbers.

use crate::model::{Project, ProjectSummary};
use crate::sql::{int, opt_text, text};
use crate::{Backend, Store, StoreError};
use deputy_core::{Severity, time_fmt};
use sqlx::any::AnyRow;
use sqlx::{Any, Transaction};
use std::collections::BTreeMap;
use time::OffsetDateTime;

fn project_from_row(row: &AnyRow) -> Result<Project, StoreError> {
    Ok(Project {
        id: int(row, "id")?,
        name: text(row, "name")?,
        created_at: text(row, "created_at")?,
    })
}

/// Finds or creates the project named `name` and, on PostgreSQL, locks its row for the rest
/// of the transaction so that two imports into one project apply one after the other.
pub(crate) async fn ensure_locked(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    name: &str,
    now: OffsetDateTime,
) -> Result<Project, StoreError> {
    sqlx::query(
        "INSERT INTO projects (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(time_fmt::format(now))
    .execute(&mut **tx)
    .await?;
    let sql = match backend {
        Backend::Sqlite => "SELECT id, name, created_at FROM projects WHERE name = $1",
        Backend::Postgres => "SELECT id, name, created_at FROM projects WHERE name = $1 FOR UPDATE",
    };
    let row = sqlx::query(sql).bind(name).fetch_one(&mut **tx).await?;
    project_from_row(&row)
}

impl Store {
    /// The project named `name`.
    pub async fn project(&self, name: &str) -> Result<Project, StoreError> {
        let row = sqlx::query("SELECT id, name, created_at FROM projects WHERE name = $1")
            .bind(name)
            .fetch_optional(self.pool())
            .await?
            .ok_or_else(|| StoreError::not_found("project", name))?;
        project_from_row(&row)
    }

    /// Every project with its scan count and active findings, by name.
    pub async fn project_summaries(
        &self,
        now: OffsetDateTime,
    ) -> Result<Vec<ProjectSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT p.id, p.name, p.created_at, \
                (SELECT COUNT(*) FROM scan_runs r WHERE r.project_id = p.id) AS scans, \
                (SELECT MAX(r.finished_at) FROM scan_runs r WHERE r.project_id = p.id) AS last_scan_at \
             FROM projects p ORDER BY p.name",
        )
        .fetch_all(self.pool())
        .await?;
        let counts = sqlx::query(
            "SELECT project_id, severity, COUNT(*) AS n, \
                SUM(CASE WHEN sla_due IS NOT NULL AND sla_due < $1 THEN 1 ELSE 0 END) AS overdue \
             FROM findings WHERE state IN ('open', 'triaged', 'in_progress', 'reopened') \
             GROUP BY project_id, severity",
        )
        .bind(time_fmt::format(now))
        .fetch_all(self.pool())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let project = project_from_row(row)?;
            let mut by_sev: BTreeMap<Severity, i64> =
                Severity::ALL.iter().map(|s| (*s, 0)).collect();
            let (mut active, mut overdue) = (0, 0);
            for c in &counts {
                if int(c, "project_id")? != project.id {
                    continue;
                }
                let sev: Severity = crate::sql::parsed(c, "severity")?;
                let n = int(c, "n")?;
                active += n;
                overdue += int(c, "overdue")?;
                by_sev.insert(sev, n);
            }
            out.push(ProjectSummary {
                scans: int(row, "scans")?,
                last_scan_at: opt_text(row, "last_scan_at")?,
                active,
                overdue,
                active_by_severity: by_sev,
                project,
            });
        }
        Ok(out)
    }
}
