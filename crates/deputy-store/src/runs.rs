//! Scan runs: recording one (the ledger's import transaction), listing them, and diffing two.

use crate::findings::sweep_expired_acceptances;
use crate::model::{DiffEntry, RecordedRun, RunDiff, ScanRun};
use crate::projects::ensure_locked;
use crate::sql::{in_list, int, opt_text, opt_u32, parsed, rows_per_statement, text, values_list};
use crate::{Backend, Store, StoreError};
use deputy_core::ledger::{self, Change, DeltaCounts, KnownFinding, RunCoverage, StateChange};
use deputy_core::{Actor, FindingDraft, FindingState, Fingerprint, RunStatus, SlaPolicy, time_fmt};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use std::collections::{BTreeSet, HashMap};
use time::OffsetDateTime;

/// A run to record, with everything it reported.
#[derive(Debug, Clone)]
pub struct NewRun<'a> {
    pub project: &'a str,
    pub format: &'a str,
    pub tools: &'a BTreeSet<String>,
    pub tool_version: Option<&'a str>,
    pub scope: &'a str,
    pub status: RunStatus,
    pub commit: Option<&'a str>,
    pub branch: Option<&'a str>,
    pub started_at: OffsetDateTime,
    pub finished_at: OffsetDateTime,
    pub imported_by: &'a Actor,
    pub input_name: Option<&'a str>,
    pub input_sha256: Option<&'a str>,
    pub notes: &'a [String],
    pub findings: &'a [FindingDraft],
}

/// The actor recorded for state changes a scan causes.
const LEDGER: &str = "system:ledger";

const RUN_COLUMNS: &str = "r.id, p.name AS project, r.format, r.tools, r.tool_version, r.scope, r.status, \
    r.commit_sha, r.branch, r.started_at, r.finished_at, r.imported_at, r.imported_by, r.input_name, \
    r.input_sha256, r.notes, r.new_count, r.reopened_count, r.unchanged_count, r.resolved_count, \
    r.stale_count, r.duplicate_count";

fn run_from_row(row: &AnyRow) -> Result<ScanRun, StoreError> {
    let json_list = |col: &'static str| -> Result<Vec<String>, StoreError> {
        let v = text(row, col)?;
        serde_json::from_str(&v).map_err(|_| StoreError::Corrupt {
            column: col,
            value: v,
        })
    };
    let count = |col: &'static str| -> Result<u64, StoreError> {
        let v = int(row, col)?;
        u64::try_from(v).map_err(|_| StoreError::Corrupt {
            column: col,
            value: v.to_string(),
        })
    };
    Ok(ScanRun {
        id: int(row, "id")?,
        project: text(row, "project")?,
        format: text(row, "format")?,
        tools: json_list("tools")?,
        tool_version: opt_text(row, "tool_version")?,
        scope: text(row, "scope")?,
        status: parsed(row, "status")?,
        commit: opt_text(row, "commit_sha")?,
        branch: opt_text(row, "branch")?,
        started_at: text(row, "started_at")?,
        finished_at: text(row, "finished_at")?,
        imported_at: text(row, "imported_at")?,
        imported_by: text(row, "imported_by")?,
        input_name: opt_text(row, "input_name")?,
        input_sha256: opt_text(row, "input_sha256")?,
        notes: json_list("notes")?,
        delta: DeltaCounts {
            new: count("new_count")?,
            reopened: count("reopened_count")?,
            unchanged: count("unchanged_count")?,
            resolved: count("resolved_count")?,
            stale: count("stale_count")?,
        },
        duplicates: int(row, "duplicate_count")?,
    })
}

/// Columns of a finding upsert, in bind order.
const FINDING_COLS: usize = 23;
const FINDING_INSERT: &str = "INSERT INTO findings (project_id, fingerprint, source, scope, rule_id, severity, \
    title, message, path, start_line, end_line, resource, setting_path, help_uri, remediation, state, \
    stale_since, first_seen, last_seen, first_run_id, last_run_id, sla_due, state_changed_at) VALUES ";
const FINDING_UPSERT_TAIL: &str = " ON CONFLICT (project_id, fingerprint) DO UPDATE SET \
    scope = excluded.scope, severity = excluded.severity, title = excluded.title, \
    message = excluded.message, path = excluded.path, start_line = excluded.start_line, \
    end_line = excluded.end_line, resource = excluded.resource, setting_path = excluded.setting_path, \
    help_uri = excluded.help_uri, remediation = excluded.remediation, \
    state_changed_at = CASE WHEN findings.state = excluded.state THEN findings.state_changed_at \
        ELSE excluded.state_changed_at END, \
    state = excluded.state, stale_since = NULL, last_seen = excluded.last_seen, \
    last_run_id = excluded.last_run_id, sla_due = excluded.sla_due \
    RETURNING id, fingerprint";

pub(crate) struct EventRow {
    pub(crate) finding_id: i64,
    pub(crate) change: StateChange,
}

impl Store {
    /// Records one scan run and applies it to the project's findings, all in one
    /// transaction: either the whole run is in the ledger or none of it is.
    pub async fn record_run(
        &self,
        run: &NewRun<'_>,
        now: OffsetDateTime,
        sla: &SlaPolicy,
    ) -> Result<RecordedRun, StoreError> {
        let mut tx = self.begin_write().await?;
        let project = ensure_locked(&mut tx, self.backend(), run.project, now).await?;
        let expired_acceptances =
            sweep_expired_acceptances(&mut tx, self.backend(), Some(project.id), now).await?;
        let now_s = time_fmt::format(now);

        let tools_json = serde_json::to_string(run.tools).unwrap_or_else(|_| "[]".into());
        let notes_json = serde_json::to_string(run.notes).unwrap_or_else(|_| "[]".into());
        let run_id: i64 = sqlx::query(
            "INSERT INTO scan_runs (project_id, format, tools, tool_version, scope, status, commit_sha, \
                branch, started_at, finished_at, imported_at, imported_by, input_name, input_sha256, notes) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
        )
        .bind(project.id)
        .bind(run.format)
        .bind(tools_json)
        .bind(run.tool_version)
        .bind(run.scope)
        .bind(run.status.as_str())
        .bind(run.commit)
        .bind(run.branch)
        .bind(time_fmt::format(run.started_at))
        .bind(time_fmt::format(run.finished_at))
        .bind(&now_s)
        .bind(run.imported_by.to_string())
        .bind(run.input_name)
        .bind(run.input_sha256)
        .bind(notes_json)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;

        let known = known_findings(&mut tx, project.id).await?;
        let coverage = RunCoverage {
            tools: run.tools,
            scope: run.scope,
            status: run.status,
        };
        let plan = ledger::reconcile(&known, run.findings, coverage, now, sla);

        // Upsert every detected finding, learning the ids of new ones.
        let mut ids: HashMap<Fingerprint, i64> = HashMap::with_capacity(plan.detected.len());
        for chunk in plan.detected.chunks(rows_per_statement(FINDING_COLS)) {
            let sql = format!(
                "{FINDING_INSERT}{}{FINDING_UPSERT_TAIL}",
                values_list(self.backend(), chunk.len(), FINDING_COLS)
            );
            let mut q = sqlx::query(&sql);
            for d in chunk {
                let f = d.draft;
                q = q
                    .bind(project.id)
                    .bind(f.fingerprint.as_str())
                    .bind(f.source.as_str())
                    .bind(run.scope)
                    .bind(f.rule_id.as_str())
                    .bind(f.severity.as_str())
                    .bind(f.title.as_str())
                    .bind(f.message.as_str())
                    .bind(f.location.path.as_deref())
                    .bind(f.location.start_line.map(i64::from))
                    .bind(f.location.end_line.map(i64::from))
                    .bind(f.location.resource.as_deref())
                    .bind(f.location.setting_path.as_deref())
                    .bind(f.help_uri.as_deref())
                    .bind(f.remediation.as_deref())
                    .bind(d.state.as_str())
                    .bind(None::<String>)
                    .bind(time_fmt::format(d.first_seen))
                    .bind(&now_s)
                    .bind(run_id)
                    .bind(run_id)
                    .bind(d.sla_due.map(time_fmt::format))
                    // When the state did not change, the upsert's CASE keeps the stored value.
                    .bind(&now_s);
            }
            for row in q.fetch_all(&mut *tx).await? {
                let fp = text(&row, "fingerprint")?;
                let fp = Fingerprint::from_hex(&fp).ok_or(StoreError::Corrupt {
                    column: "fingerprint",
                    value: fp,
                })?;
                ids.insert(fp, int(&row, "id")?);
            }
        }
        let mut membership: Vec<(i64, Change)> =
            Vec::with_capacity(plan.detected.len() + plan.absent.len());
        let mut events: Vec<EventRow> = Vec::new();
        for d in &plan.detected {
            let id = *ids.get(&d.draft.fingerprint).ok_or_else(|| {
                StoreError::Conflict(format!("finding {} was not written", d.draft.fingerprint))
            })?;
            membership.push((id, d.change));
            if let Some(change) = &d.state_change {
                events.push(EventRow {
                    finding_id: id,
                    change: change.clone(),
                });
            }
        }

        let mut resolved = Vec::new();
        let mut stale = Vec::new();
        for a in &plan.absent {
            membership.push((a.id, a.change));
            match a.change {
                Change::Resolved => resolved.push(a.id),
                _ => stale.push(a.id),
            }
            if let Some(change) = &a.state_change {
                events.push(EventRow {
                    finding_id: a.id,
                    change: change.clone(),
                });
            }
        }
        update_ids(
            &mut tx,
            self.backend(),
            "UPDATE findings SET state = 'resolved', stale_since = NULL, state_changed_at = {} WHERE id IN",
            &now_s,
            &resolved,
        )
        .await?;
        update_ids(
            &mut tx,
            self.backend(),
            "UPDATE findings SET stale_since = COALESCE(stale_since, {}) WHERE id IN",
            &now_s,
            &stale,
        )
        .await?;
        for chunk in membership.chunks(rows_per_statement(3)) {
            let sql = format!(
                "INSERT INTO run_findings (run_id, finding_id, change) VALUES {}",
                values_list(self.backend(), chunk.len(), 3)
            );
            let mut q = sqlx::query(&sql);
            for (id, change) in chunk {
                q = q.bind(run_id).bind(*id).bind(change.as_str());
            }
            q.execute(&mut *tx).await?;
        }
        insert_events(
            &mut tx,
            self.backend(),
            &events,
            Some(run_id),
            &now_s,
            LEDGER,
        )
        .await?;

        let c = plan.counts;
        sqlx::query(
            "UPDATE scan_runs SET new_count = $1, reopened_count = $2, unchanged_count = $3, \
                resolved_count = $4, stale_count = $5, duplicate_count = $6 WHERE id = $7",
        )
        .bind(to_i64(c.new))
        .bind(to_i64(c.reopened))
        .bind(to_i64(c.unchanged))
        .bind(to_i64(c.resolved))
        .bind(to_i64(c.stale))
        .bind(i64::try_from(plan.duplicates).unwrap_or(i64::MAX))
        .bind(run_id)
        .execute(&mut *tx)
        .await?;

        let row = sqlx::query(&(format!(
            "SELECT {RUN_COLUMNS} FROM scan_runs r JOIN projects p ON p.id = r.project_id WHERE r.id = $1"
        )))
        .bind(run_id)
        .fetch_one(&mut *tx)
        .await?;
        let recorded = run_from_row(&row)?;
        tx.commit().await?;
        Ok(RecordedRun {
            run: recorded,
            expired_acceptances,
        })
    }

    /// One run by id.
    pub async fn scan_run(&self, id: i64) -> Result<ScanRun, StoreError> {
        let row = sqlx::query(&(format!(
            "SELECT {RUN_COLUMNS} FROM scan_runs r JOIN projects p ON p.id = r.project_id WHERE r.id = $1"
        )))
        .bind(id)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| StoreError::not_found("scan", id))?;
        run_from_row(&row)
    }

    /// A project's runs, newest first.
    pub async fn scan_runs(
        &self,
        project: &str,
        limit: Option<u32>,
    ) -> Result<Vec<ScanRun>, StoreError> {
        let project = self.project(project).await?;
        let rows = sqlx::query(
            &(format!(
                "SELECT {RUN_COLUMNS} FROM scan_runs r JOIN projects p ON p.id = r.project_id \
             WHERE r.project_id = $1 ORDER BY r.id DESC LIMIT $2"
            )),
        )
        .bind(project.id)
        .bind(limit.map_or(i64::MAX, i64::from))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(run_from_row).collect()
    }

    /// The findings a run changed (everything but `unchanged`, unless `all`).
    pub async fn run_delta(&self, run_id: i64, all: bool) -> Result<Vec<DiffEntry>, StoreError> {
        let filter = if all {
            ""
        } else {
            "AND rf.change <> 'unchanged'"
        };
        let rows = sqlx::query(&(format!(
            "SELECT rf.change, {BRIEF_COLUMNS} FROM run_findings rf JOIN findings f ON f.id = rf.finding_id \
             WHERE rf.run_id = $1 {filter}"
        )))
        .bind(run_id)
        .fetch_all(self.pool())
        .await?;
        let mut out = rows
            .iter()
            .map(|r| diff_entry(r, parsed(r, "change")?))
            .collect::<Result<Vec<_>, _>>()?;
        sort_entries(&mut out);
        Ok(out)
    }

    /// What changed from run `base` to run `head` of one project.
    ///
    /// A finding seen in `head` but not in `base` is `new` if it was first seen after
    /// `base`, else `reopened`; one seen in `base` but not `head` is `resolved` only when
    /// `head` is a complete run of the same scope by a tool that reports it, else `stale`.
    pub async fn diff_runs(
        &self,
        base: i64,
        head: i64,
        include_unchanged: bool,
    ) -> Result<RunDiff, StoreError> {
        let base_run = self.scan_run(base).await?;
        let head_run = self.scan_run(head).await?;
        if base_run.project != head_run.project {
            return Err(StoreError::Conflict(format!(
                "scans {base} and {head} belong to different projects (`{}` and `{}`)",
                base_run.project, head_run.project
            )));
        }
        let detected = "('new', 'reopened', 'unchanged')";
        // Driven by the two runs' membership rows (their primary key), not by the findings
        // table, so the cost is that of the two runs whatever the project's history.
        let rows = sqlx::query(&(format!(
            "SELECT f.id, f.source, f.first_run_id, \
                MAX(CASE WHEN x.run_id = $1 AND x.change IN {detected} THEN 1 ELSE 0 END) AS in_base, \
                MAX(CASE WHEN x.run_id = $2 AND x.change IN {detected} THEN 1 ELSE 0 END) AS in_head \
             FROM run_findings x JOIN findings f ON f.id = x.finding_id \
             WHERE x.run_id IN ($1, $2) \
             GROUP BY f.id, f.source, f.first_run_id"
        )))
        .bind(base)
        .bind(head)
        .fetch_all(self.pool())
        .await?;
        let head_covers_base =
            head_run.status == RunStatus::Complete && head_run.scope == base_run.scope;
        let mut counts = DeltaCounts::default();
        let mut changed: HashMap<i64, Change> = HashMap::new();
        for row in &rows {
            let (in_base, in_head) = (int(row, "in_base")? == 1, int(row, "in_head")? == 1);
            let change = match (in_base, in_head) {
                (false, false) => continue,
                (true, true) => Change::Unchanged,
                (false, true) if int(row, "first_run_id")? > base => Change::New,
                (false, true) => Change::Reopened,
                _ if head_covers_base && head_run.tools.contains(&text(row, "source")?) => {
                    Change::Resolved
                }
                _ => Change::Stale,
            };
            counts.add(change);
            if include_unchanged || change != Change::Unchanged {
                changed.insert(int(row, "id")?, change);
            }
        }
        let ids: Vec<i64> = changed.keys().copied().collect();
        let mut findings = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(rows_per_statement(1)) {
            let sql = format!(
                "SELECT {BRIEF_COLUMNS} FROM findings f WHERE f.id IN ({})",
                in_list(self.backend(), 1, chunk.len())
            );
            let mut q = sqlx::query(&sql);
            for id in chunk {
                q = q.bind(*id);
            }
            for row in q.fetch_all(self.pool()).await? {
                let change = changed
                    .get(&int(&row, "id")?)
                    .copied()
                    .unwrap_or(Change::Unchanged);
                findings.push(diff_entry(&row, change)?);
            }
        }
        sort_entries(&mut findings);
        Ok(RunDiff {
            base: base_run,
            head: head_run,
            counts,
            findings,
        })
    }

    /// The two most recent runs of a project, as (previous, latest).
    pub async fn latest_two_runs(&self, project: &str) -> Result<(i64, i64), StoreError> {
        let runs = self.scan_runs(project, Some(2)).await?;
        match runs.as_slice() {
            [latest, previous] => Ok((previous.id, latest.id)),
            _ => Err(StoreError::Conflict(format!(
                "project `{project}` has {} scan(s); a diff needs two",
                runs.len()
            ))),
        }
    }
}

const BRIEF_COLUMNS: &str = "f.id, f.fingerprint, f.rule_id, f.severity, f.title, f.path, f.start_line, f.resource, f.state";

fn diff_entry(row: &AnyRow, change: Change) -> Result<DiffEntry, StoreError> {
    Ok(DiffEntry {
        change,
        id: int(row, "id")?,
        fingerprint: text(row, "fingerprint")?,
        rule_id: text(row, "rule_id")?,
        severity: parsed(row, "severity")?,
        title: text(row, "title")?,
        path: opt_text(row, "path")?,
        start_line: opt_u32(row, "start_line")?,
        resource: opt_text(row, "resource")?,
        state: parsed::<FindingState>(row, "state")?,
    })
}

/// Diff order: by change, most severe first, then rule, path and line.
fn sort_entries(entries: &mut [DiffEntry]) {
    entries.sort_by(|a, b| {
        (
            a.change,
            std::cmp::Reverse(a.severity),
            &a.rule_id,
            &a.path,
            a.start_line,
            a.id,
        )
            .cmp(&(
                b.change,
                std::cmp::Reverse(b.severity),
                &b.rule_id,
                &b.path,
                b.start_line,
                b.id,
            ))
    });
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

async fn known_findings(
    tx: &mut Transaction<'static, Any>,
    project_id: i64,
) -> Result<Vec<KnownFinding>, StoreError> {
    let rows = sqlx::query("SELECT id, fingerprint, source, scope, state, first_seen FROM findings WHERE project_id = $1")
        .bind(project_id)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter()
        .map(|row| {
            let fp = text(row, "fingerprint")?;
            let first_seen = text(row, "first_seen")?;
            Ok(KnownFinding {
                id: int(row, "id")?,
                fingerprint: Fingerprint::from_hex(&fp).ok_or(StoreError::Corrupt {
                    column: "fingerprint",
                    value: fp,
                })?,
                source: text(row, "source")?,
                scope: text(row, "scope")?,
                state: parsed(row, "state")?,
                first_seen: time_fmt::parse(&first_seen).map_err(|_| StoreError::Corrupt {
                    column: "first_seen",
                    value: first_seen,
                })?,
            })
        })
        .collect()
}

/// Runs `sql` (ending in `WHERE id IN`, with `{}` where `value` goes) over `ids` in chunks.
async fn update_ids(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    sql: &str,
    value: &str,
    ids: &[i64],
) -> Result<(), StoreError> {
    for chunk in ids.chunks(rows_per_statement(1)) {
        let first = in_list(backend, 1, 1);
        let sql = format!(
            "{} ({})",
            sql.replacen("{}", &first, 1),
            in_list(backend, 2, chunk.len())
        );
        let mut q = sqlx::query(&sql).bind(value);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Appends state-change events to findings' histories.
pub(crate) async fn insert_events(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    events: &[EventRow],
    run_id: Option<i64>,
    at: &str,
    actor: &str,
) -> Result<(), StoreError> {
    for chunk in events.chunks(rows_per_statement(7)) {
        let sql = format!(
            "INSERT INTO finding_events (finding_id, run_id, at, actor, from_state, to_state, reason) VALUES {}",
            values_list(backend, chunk.len(), 7)
        );
        let mut q = sqlx::query(&sql);
        for e in chunk {
            q = q
                .bind(e.finding_id)
                .bind(run_id)
                .bind(at)
                .bind(actor)
                .bind(e.change.from.map(FindingState::as_str))
                .bind(e.change.to.as_str())
                .bind(e.change.reason);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}
