//! Findings: queries, human transitions, and risk acceptances with their expiry.

use crate::model::{
    AcceptanceStatus, FindingDetail, FindingEvent, FindingRecord, FindingRunEntry, RiskAcceptance,
};
use crate::runs::{EventRow, insert_events};
use crate::sql::{in_list, int, opt_int, opt_parsed, opt_text, opt_u32, parsed, text};
use crate::{Backend, Store, StoreError};
use deputy_core::ledger::StateChange;
use deputy_core::{Actor, ActorKind, FindingState, Location, Severity, time_fmt};
use sqlx::any::AnyRow;
use sqlx::{Any, Transaction};
use time::OffsetDateTime;

/// Which findings to list.
#[derive(Debug, Clone, Default)]
pub struct FindingFilter {
    pub project: Option<String>,
    /// States to include; empty means the active ones (open, triaged, in progress, reopened).
    pub states: Vec<FindingState>,
    pub severities: Vec<Severity>,
    pub rule: Option<String>,
    /// A path prefix (`terraform/aws/` or an exact file).
    pub path: Option<String>,
    pub overdue: bool,
    pub limit: Option<u32>,
    pub sort: SortOrder,
}

/// Listing order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Most severe first, then soonest due.
    #[default]
    Severity,
    /// Soonest SLA due date first.
    Due,
    /// Most recently first seen first.
    Newest,
}

/// A request to accept a finding's risk.
#[derive(Debug, Clone)]
pub struct RequestAcceptance<'a> {
    pub finding_id: i64,
    pub owner: &'a str,
    pub reason: &'a str,
    pub expires_at: OffsetDateTime,
    pub requested_by: &'a Actor,
}

pub(crate) const FINDING_COLUMNS: &str = "f.id, p.name AS project, f.fingerprint, f.source, f.scope, f.rule_id, f.severity, \
    f.title, f.message, f.path, f.start_line, f.end_line, f.resource, f.setting_path, f.help_uri, f.remediation, \
    f.state, f.stale_since, f.first_seen, f.last_seen, f.first_run_id, f.last_run_id, f.sla_due, f.state_changed_at";

const ACTIVE: &str = "('open', 'triaged', 'in_progress', 'reopened')";

pub(crate) fn finding_from_row(row: &AnyRow, now: &str) -> Result<FindingRecord, StoreError> {
    let state: FindingState = parsed(row, "state")?;
    let sla_due = opt_text(row, "sla_due")?;
    Ok(FindingRecord {
        id: int(row, "id")?,
        project: text(row, "project")?,
        fingerprint: text(row, "fingerprint")?,
        source: text(row, "source")?,
        scope: text(row, "scope")?,
        rule_id: text(row, "rule_id")?,
        severity: parsed(row, "severity")?,
        title: text(row, "title")?,
        message: text(row, "message")?,
        location: Location {
            path: opt_text(row, "path")?,
            start_line: opt_u32(row, "start_line")?,
            end_line: opt_u32(row, "end_line")?,
            resource: opt_text(row, "resource")?,
            setting_path: opt_text(row, "setting_path")?,
        },
        help_uri: opt_text(row, "help_uri")?,
        remediation: opt_text(row, "remediation")?,
        overdue: state.is_active() && sla_due.as_deref().is_some_and(|d| d < now),
        state,
        stale_since: opt_text(row, "stale_since")?,
        first_seen: text(row, "first_seen")?,
        last_seen: text(row, "last_seen")?,
        first_run_id: int(row, "first_run_id")?,
        last_run_id: int(row, "last_run_id")?,
        sla_due,
        state_changed_at: text(row, "state_changed_at")?,
    })
}

pub(crate) fn acceptance_from_row(row: &AnyRow) -> Result<RiskAcceptance, StoreError> {
    let status = text(row, "status")?;
    Ok(RiskAcceptance {
        id: int(row, "id")?,
        finding_id: int(row, "finding_id")?,
        owner: text(row, "owner")?,
        reason: text(row, "reason")?,
        requested_by: text(row, "requested_by")?,
        requested_at: text(row, "requested_at")?,
        expires_at: text(row, "expires_at")?,
        status: AcceptanceStatus::parse(&status).ok_or(StoreError::Corrupt {
            column: "status",
            value: status,
        })?,
        decided_by: opt_text(row, "decided_by")?,
        decided_at: opt_text(row, "decided_at")?,
        decision_note: opt_text(row, "decision_note")?,
    })
}

pub(crate) const ACCEPTANCE_COLUMNS: &str = "id, finding_id, owner, reason, requested_by, requested_at, expires_at, status, \
    decided_by, decided_at, decision_note";

impl Store {
    /// Findings matching `filter`.
    pub async fn findings(
        &self,
        filter: &FindingFilter,
        now: OffsetDateTime,
    ) -> Result<Vec<FindingRecord>, StoreError> {
        self.expire_acceptances(now).await?;
        let now_s = time_fmt::format(now);
        let mut sql = format!(
            "SELECT {FINDING_COLUMNS} FROM findings f JOIN projects p ON p.id = f.project_id WHERE 1 = 1"
        );
        let mut binds: Vec<String> = Vec::new();
        let push = |binds: &mut Vec<String>, v: String| {
            binds.push(v);
            format!("${}", binds.len())
        };
        if let Some(project) = &filter.project {
            let ph = push(&mut binds, project.clone());
            sql.push_str(&format!(" AND p.name = {ph}"));
        }
        if filter.states.is_empty() {
            sql.push_str(&format!(" AND f.state IN {ACTIVE}"));
        } else {
            let phs: Vec<String> = filter
                .states
                .iter()
                .map(|s| push(&mut binds, s.as_str().to_owned()))
                .collect();
            sql.push_str(&format!(" AND f.state IN ({})", phs.join(", ")));
        }
        if !filter.severities.is_empty() {
            let phs: Vec<String> = filter
                .severities
                .iter()
                .map(|s| push(&mut binds, s.as_str().to_owned()))
                .collect();
            sql.push_str(&format!(" AND f.severity IN ({})", phs.join(", ")));
        }
        if let Some(rule) = &filter.rule {
            let ph = push(&mut binds, rule.clone());
            sql.push_str(&format!(" AND f.rule_id = {ph}"));
        }
        if let Some(path) = &filter.path {
            // A prefix match without LIKE, whose wildcards would need escaping per backend.
            let ph = push(&mut binds, path.clone());
            sql.push_str(&format!(" AND SUBSTR(f.path, 1, LENGTH({ph})) = {ph}"));
        }
        if filter.overdue {
            let ph = push(&mut binds, now_s.clone());
            sql.push_str(&format!(
                " AND f.state IN {ACTIVE} AND f.sla_due IS NOT NULL AND f.sla_due < {ph}"
            ));
        }
        let severity_rank = "CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 \
            WHEN 'low' THEN 3 ELSE 4 END";
        sql.push_str(&match filter.sort {
            SortOrder::Severity => format!(" ORDER BY {severity_rank}, f.sla_due, f.id"),
            SortOrder::Due => format!(" ORDER BY CASE WHEN f.sla_due IS NULL THEN 1 ELSE 0 END, f.sla_due, {severity_rank}, f.id"),
            SortOrder::Newest => " ORDER BY f.first_seen DESC, f.id DESC".to_owned(),
        });
        let limit_ph = binds.len() + 1;
        sql.push_str(&format!(" LIMIT ${limit_ph}"));
        let mut q = sqlx::query(&sql);
        for b in &binds {
            q = q.bind(b.as_str());
        }
        let rows = q
            .bind(filter.limit.map_or(i64::MAX, i64::from))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(|r| finding_from_row(r, &now_s)).collect()
    }

    /// One finding.
    pub async fn finding(&self, id: i64, now: OffsetDateTime) -> Result<FindingRecord, StoreError> {
        let row = sqlx::query(&(format!(
            "SELECT {FINDING_COLUMNS} FROM findings f JOIN projects p ON p.id = f.project_id WHERE f.id = $1"
        )))
        .bind(id)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| StoreError::not_found("finding", id))?;
        finding_from_row(&row, &time_fmt::format(now))
    }

    /// One finding with its history, acceptances and run-by-run record.
    pub async fn finding_detail(
        &self,
        id: i64,
        now: OffsetDateTime,
    ) -> Result<FindingDetail, StoreError> {
        self.expire_acceptances(now).await?;
        let finding = self.finding(id, now).await?;
        let history = sqlx::query(
            "SELECT id, at, actor, run_id, from_state, to_state, reason FROM finding_events \
             WHERE finding_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| {
            Ok(FindingEvent {
                id: int(r, "id")?,
                at: text(r, "at")?,
                actor: text(r, "actor")?,
                run_id: opt_int(r, "run_id")?,
                from_state: opt_parsed(r, "from_state")?,
                to_state: parsed(r, "to_state")?,
                reason: text(r, "reason")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        let acceptances = sqlx::query(&(format!(
            "SELECT {ACCEPTANCE_COLUMNS} FROM risk_acceptances WHERE finding_id = $1 ORDER BY id"
        )))
        .bind(id)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(acceptance_from_row)
        .collect::<Result<Vec<_>, _>>()?;
        let runs = sqlx::query(
            "SELECT rf.run_id, rf.change, r.finished_at FROM run_findings rf \
             JOIN scan_runs r ON r.id = rf.run_id WHERE rf.finding_id = $1 ORDER BY rf.run_id",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| {
            Ok(FindingRunEntry {
                run_id: int(r, "run_id")?,
                change: parsed(r, "change")?,
                finished_at: text(r, "finished_at")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(FindingDetail {
            finding,
            history,
            acceptances,
            runs,
        })
    }

    /// Moves a finding to `to` on a person's say-so, recording who and why.
    ///
    /// Accepting a risk goes through [`Store::request_acceptance`] and
    /// [`Store::decide_acceptance`] instead, so that it always has an approver.
    pub async fn transition(
        &self,
        id: i64,
        to: FindingState,
        actor: &Actor,
        reason: &str,
        now: OffsetDateTime,
    ) -> Result<FindingRecord, StoreError> {
        if to == FindingState::AcceptedRisk {
            return Err(StoreError::Conflict(
                "accepting a risk needs an approver: request it with `findings accept` and have another person run `findings approve`".into(),
            ));
        }
        let now_s = time_fmt::format(now);
        let mut tx = self.begin_write().await?;
        sweep_expired_acceptances(&mut tx, self.backend(), None, now).await?;
        let from = current_state(&mut tx, id).await?;
        from.check_transition(to, actor.kind)
            .map_err(|e| StoreError::Conflict(e.to_string()))?;
        set_state(&mut tx, id, from, to, actor, reason, &now_s).await?;
        if from == FindingState::AcceptedRisk {
            sqlx::query(
                "UPDATE risk_acceptances SET status = 'revoked', decision_note = $1 \
                 WHERE finding_id = $2 AND status = 'approved'",
            )
            .bind(format!("revoked by {actor}: {reason}"))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.finding(id, now).await
    }

    /// Asks for a finding's risk to be accepted until a date. Another person must approve.
    pub async fn request_acceptance(
        &self,
        req: &RequestAcceptance<'_>,
        now: OffsetDateTime,
        max_days: u32,
    ) -> Result<RiskAcceptance, StoreError> {
        if req.expires_at <= now {
            return Err(StoreError::Conflict(format!(
                "the acceptance must expire in the future (got {})",
                time_fmt::format(req.expires_at)
            )));
        }
        let limit = now + time::Duration::days(i64::from(max_days));
        if req.expires_at > limit {
            return Err(StoreError::Conflict(format!(
                "an acceptance may last at most {max_days} days (until {}); ask again when it expires",
                time_fmt::format(limit)
            )));
        }
        if req.reason.trim().is_empty() || req.owner.trim().is_empty() {
            return Err(StoreError::Conflict(
                "an acceptance needs an owner and a reason".into(),
            ));
        }
        let mut tx = self.begin_write().await?;
        let state = current_state(&mut tx, req.finding_id).await?;
        if !state.is_active() {
            return Err(StoreError::Conflict(format!(
                "only an active finding's risk can be accepted; finding {} is `{state}`",
                req.finding_id
            )));
        }
        let pending: i64 = int(
            &sqlx::query("SELECT COUNT(*) AS n FROM risk_acceptances WHERE finding_id = $1 AND status = 'pending'")
                .bind(req.finding_id)
                .fetch_one(&mut *tx)
                .await?,
            "n",
        )?;
        if pending > 0 {
            return Err(StoreError::Conflict(format!(
                "finding {} already has a pending acceptance request",
                req.finding_id
            )));
        }
        let row = sqlx::query(&(format!(
            "INSERT INTO risk_acceptances (finding_id, owner, reason, requested_by, requested_at, expires_at, status) \
             VALUES ($1, $2, $3, $4, $5, $6, 'pending') RETURNING {ACCEPTANCE_COLUMNS}"
        )))
        .bind(req.finding_id)
        .bind(req.owner)
        .bind(req.reason)
        .bind(req.requested_by.to_string())
        .bind(time_fmt::format(now))
        .bind(time_fmt::format(req.expires_at))
        .fetch_one(&mut *tx)
        .await?;
        let acceptance = acceptance_from_row(&row)?;
        tx.commit().await?;
        Ok(acceptance)
    }

    /// Approves or rejects a finding's pending acceptance request. The approver must not be
    /// the person who asked.
    pub async fn decide_acceptance(
        &self,
        finding_id: i64,
        approver: &Actor,
        approve: bool,
        note: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<RiskAcceptance, StoreError> {
        let now_s = time_fmt::format(now);
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&(format!(
            "SELECT {ACCEPTANCE_COLUMNS} FROM risk_acceptances WHERE finding_id = $1 AND status = 'pending'"
        )))
        .bind(finding_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| StoreError::Conflict(format!("finding {finding_id} has no pending acceptance request")))?;
        let pending = acceptance_from_row(&row)?;
        if pending.requested_by == approver.to_string() {
            return Err(StoreError::Conflict(format!(
                "`{approver}` asked for this acceptance and cannot also decide it; another person must"
            )));
        }
        if approver.kind != ActorKind::Human {
            return Err(StoreError::Conflict(
                "only a person can decide a risk acceptance".into(),
            ));
        }
        let status = if approve {
            let expires =
                time_fmt::parse(&pending.expires_at).map_err(|_| StoreError::Corrupt {
                    column: "expires_at",
                    value: pending.expires_at.clone(),
                })?;
            if expires <= now {
                return Err(StoreError::Conflict(format!(
                    "acceptance request {} expired at {} before it was approved; ask again",
                    pending.id, pending.expires_at
                )));
            }
            let from = current_state(&mut tx, finding_id).await?;
            from.check_transition(FindingState::AcceptedRisk, approver.kind)
                .map_err(|e| StoreError::Conflict(e.to_string()))?;
            let reason = format!(
                "risk accepted until {} (owner {}, requested by {}): {}",
                pending.expires_at, pending.owner, pending.requested_by, pending.reason
            );
            set_state(
                &mut tx,
                finding_id,
                from,
                FindingState::AcceptedRisk,
                approver,
                &reason,
                &now_s,
            )
            .await?;
            AcceptanceStatus::Approved
        } else {
            AcceptanceStatus::Rejected
        };
        sqlx::query(
            "UPDATE risk_acceptances SET status = $1, decided_by = $2, decided_at = $3, decision_note = $4 WHERE id = $5",
        )
        .bind(status.as_str())
        .bind(approver.to_string())
        .bind(&now_s)
        .bind(note)
        .bind(pending.id)
        .execute(&mut *tx)
        .await?;
        let row = sqlx::query(&format!(
            "SELECT {ACCEPTANCE_COLUMNS} FROM risk_acceptances WHERE id = $1"
        ))
        .bind(pending.id)
        .fetch_one(&mut *tx)
        .await?;
        let decided = acceptance_from_row(&row)?;
        tx.commit().await?;
        Ok(decided)
    }

    /// Reopens every accepted risk whose acceptance has expired. Returns how many.
    pub async fn expire_acceptances(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        // Reads call this first; take the write lock only when there is something to expire.
        let due: i64 = int(
            &sqlx::query(
                "SELECT COUNT(*) AS n FROM risk_acceptances WHERE status = 'approved' AND expires_at <= $1",
            )
            .bind(time_fmt::format(now))
            .fetch_one(self.pool())
            .await?,
            "n",
        )?;
        if due == 0 {
            return Ok(0);
        }
        let mut tx = self.begin_write().await?;
        let n = sweep_expired_acceptances(&mut tx, self.backend(), None, now).await?;
        tx.commit().await?;
        Ok(n)
    }
}

async fn current_state(
    tx: &mut Transaction<'static, Any>,
    id: i64,
) -> Result<FindingState, StoreError> {
    let row = sqlx::query("SELECT state FROM findings WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| StoreError::not_found("finding", id))?;
    parsed(&row, "state")
}

async fn set_state(
    tx: &mut Transaction<'static, Any>,
    id: i64,
    from: FindingState,
    to: FindingState,
    actor: &Actor,
    reason: &str,
    now_s: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE findings SET state = $1, state_changed_at = $2 WHERE id = $3")
        .bind(to.as_str())
        .bind(now_s)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO finding_events (finding_id, run_id, at, actor, from_state, to_state, reason) \
         VALUES ($1, NULL, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(now_s)
    .bind(actor.to_string())
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(reason)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Within `tx`: marks approved acceptances past their expiry as expired and reopens their
/// findings, recording the system as the actor. Limited to one project when given.
pub(crate) async fn sweep_expired_acceptances(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    project_id: Option<i64>,
    now: OffsetDateTime,
) -> Result<u64, StoreError> {
    let now_s = time_fmt::format(now);
    let rows = sqlx::query(
        "SELECT a.id, a.finding_id, a.expires_at FROM risk_acceptances a JOIN findings f ON f.id = a.finding_id \
         WHERE a.status = 'approved' AND a.expires_at <= $1 AND f.state = 'accepted_risk' \
         AND ($2 = 0 OR f.project_id = $2)",
    )
    .bind(&now_s)
    .bind(project_id.unwrap_or(0))
    .fetch_all(&mut **tx)
    .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let mut events = Vec::with_capacity(rows.len());
    let mut acceptance_ids = Vec::with_capacity(rows.len());
    for row in &rows {
        acceptance_ids.push(int(row, "id")?);
        events.push(EventRow {
            finding_id: int(row, "finding_id")?,
            change: StateChange {
                from: Some(FindingState::AcceptedRisk),
                to: FindingState::Reopened,
                reason: "risk acceptance expired",
            },
        });
    }
    for chunk in acceptance_ids.chunks(1000) {
        let sql = format!(
            "UPDATE risk_acceptances SET status = 'expired' WHERE id IN ({})",
            in_list(backend, 1, chunk.len())
        );
        let mut q = sqlx::query(&sql);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut **tx).await?;
    }
    let finding_ids: Vec<i64> = events.iter().map(|e| e.finding_id).collect();
    for chunk in finding_ids.chunks(1000) {
        let sql = format!(
            "UPDATE findings SET state = 'reopened', state_changed_at = {} WHERE id IN ({})",
            in_list(backend, 1, 1),
            in_list(backend, 2, chunk.len())
        );
        let mut q = sqlx::query(&sql).bind(&now_s);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut **tx).await?;
    }
    insert_events(tx, backend, &events, None, &now_s, "system:ledger").await?;
    Ok(events.len() as u64)
}
