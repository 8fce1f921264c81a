//! The audit trail's storage: appending chained events and reading them back in order.
//!
//! The chain itself (canonical form, hashes, verification) is `deputy-audit`'s; the store
//! links new events with [`deputy_audit::link`] inside the transaction that read the chain's
//! head, so concurrent writers never fork the chain: SQLite takes the write lock at `BEGIN
//! IMMEDIATE`, PostgreSQL locks the single `audit_head` row.

use crate::sql::{int, rows_per_statement, text, values_list};
use crate::{Backend, Store, StoreError};
use deputy_audit::{
    AuditEvent, Breach, BreachKind, ChainHead, ChainVerifier, ChainedEvent, EventFields, Hash,
    VerifiedChain, actor_kind, detail_json,
};
use deputy_core::{Actor, time_fmt};
use futures_util::TryStreamExt;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row, Transaction};
use std::collections::BTreeMap;

const COLUMNS: &str =
    "seq, time, actor_kind, actor_id, action, target, outcome, detail, prev_hash, hash";
const COLS: usize = 10;

/// The outcome of verifying the stored chain against the recorded head.
pub type AuditVerification = Result<VerifiedChain, Breach>;

fn to_i64(v: u64, column: &'static str) -> Result<i64, StoreError> {
    i64::try_from(v).map_err(|_| StoreError::Corrupt {
        column,
        value: v.to_string(),
    })
}

fn to_u64(v: i64, column: &'static str) -> Result<u64, StoreError> {
    u64::try_from(v).map_err(|_| StoreError::Corrupt {
        column,
        value: v.to_string(),
    })
}

fn hash(row: &AnyRow, column: &'static str) -> Result<Hash, StoreError> {
    let v = text(row, column)?;
    v.parse()
        .map_err(|_| StoreError::Corrupt { column, value: v })
}

/// Reads one stored event. A value that does not parse is reported as a corrupt column,
/// which verification turns into a breach at that event.
fn event_from_row(row: &AnyRow) -> Result<ChainedEvent, StoreError> {
    let time = text(row, "time")?;
    let time = time_fmt::parse(&time).map_err(|_| StoreError::Corrupt {
        column: "time",
        value: time,
    })?;
    let kind = text(row, "actor_kind")?;
    let id = text(row, "actor_id")?;
    let actor = Actor::parse(&format!("{kind}:{id}")).ok_or(StoreError::Corrupt {
        column: "actor_kind",
        value: kind,
    })?;
    let detail = text(row, "detail")?;
    let detail: BTreeMap<String, String> =
        serde_json::from_str(&detail).map_err(|_| StoreError::Corrupt {
            column: "detail",
            value: detail,
        })?;
    Ok(ChainedEvent {
        seq: to_u64(int(row, "seq")?, "seq")?,
        event: AuditEvent {
            time,
            actor,
            action: text(row, "action")?,
            target: text(row, "target")?,
            outcome: text(row, "outcome")?,
            detail,
        },
        prev_hash: hash(row, "prev_hash")?,
        hash: hash(row, "hash")?,
    })
}

fn head_from_row(row: &AnyRow) -> Result<ChainHead, StoreError> {
    Ok(ChainHead {
        seq: to_u64(int(row, "seq")?, "audit_head.seq")?,
        hash: hash(row, "hash")?,
    })
}

impl Store {
    /// Appends `events` to the audit chain in one transaction and returns them chained.
    pub async fn append_audit(
        &self,
        events: Vec<AuditEvent>,
    ) -> Result<Vec<ChainedEvent>, StoreError> {
        let mut tx = self.begin_write().await?;
        let chained = append_in(&mut tx, self.backend(), events).await?;
        tx.commit().await?;
        Ok(chained)
    }

    /// The head recorded at the last append.
    pub async fn audit_head(&self) -> Result<ChainHead, StoreError> {
        let row = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_optional(self.pool())
            .await?
            .ok_or_else(|| StoreError::not_found("audit head", 1))?;
        head_from_row(&row)
    }

    /// Calls `each` with every stored event after `after_seq`, in sequence order (at most
    /// `limit` of them), streaming rows rather than loading them all.
    pub async fn audit_events(
        &self,
        after_seq: u64,
        limit: Option<u64>,
        mut each: impl FnMut(ChainedEvent) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let limit = to_i64(limit.unwrap_or(i64::MAX as u64), "limit")?;
        let sql =
            format!("SELECT {COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2");
        let mut rows = sqlx::query(&sql)
            .bind(to_i64(after_seq, "seq")?)
            .bind(limit)
            .fetch(self.pool());
        while let Some(row) = rows.try_next().await? {
            each(event_from_row(&row)?)?;
        }
        Ok(())
    }

    /// The last `n` events, oldest first.
    pub async fn audit_tail(&self, n: u64) -> Result<Vec<ChainedEvent>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM (SELECT {COLUMNS} FROM audit_events ORDER BY seq DESC LIMIT $1) t ORDER BY seq"
        );
        let rows = sqlx::query(&sql)
            .bind(to_i64(n, "limit")?)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(event_from_row).collect()
    }

    /// Verifies the whole stored chain against the recorded head, reading one consistent
    /// snapshot (appends made meanwhile are not seen) and streaming the events.
    pub async fn verify_audit(&self) -> Result<AuditVerification, StoreError> {
        let mut tx = self.pool().begin().await?;
        if self.backend() == Backend::Postgres {
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await?;
        }
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_optional(&mut *tx)
            .await?;
        let mut verifier = ChainVerifier::new();
        let mut outcome = None;
        // Events come in chunks of VERIFY_CHUNK, each chunk one row holding the packed
        // events in sequence order: the driver's cost per row and per column, not hashing,
        // is what bounds verification.
        let sql = verify_chunk_sql(self.backend());
        let mut after = i64::MIN;
        'chunks: loop {
            let row = sqlx::query(&sql)
                .bind(after)
                .bind(VERIFY_CHUNK)
                .fetch_one(&mut *tx)
                .await?;
            if int(&row, "n")? == 0 {
                break;
            }
            after = int(&row, "last")?;
            let chunk = row.try_get::<&str, _>("chunk")?;
            let mut rest = chunk;
            while !rest.is_empty() {
                let (fields, tail) = unpack(rest).ok_or_else(|| StoreError::Corrupt {
                    column: "audit_events",
                    value: rest.chars().take(200).collect(),
                })?;
                rest = tail;
                if let Err(breach) = verify_fields(&mut verifier, &fields) {
                    outcome = Some(Err(breach));
                    break 'chunks;
                }
            }
        }
        tx.rollback().await?;
        if let Some(outcome) = outcome {
            return Ok(outcome);
        }
        let head = match head {
            Some(row) => match head_from_row(&row) {
                Ok(h) => Some(h),
                Err(StoreError::Corrupt { .. }) => {
                    return Ok(Err(Breach {
                        seq: verifier.head().seq,
                        kind: BreachKind::Edited,
                        message: "the recorded head is not one deputy wrote".into(),
                    }));
                }
                Err(e) => return Err(e),
            },
            None => {
                return Ok(Err(Breach {
                    seq: verifier.head().seq,
                    kind: BreachKind::Deleted,
                    message: "the recorded head of the chain was deleted".into(),
                }));
            }
        };
        Ok(verifier.finish(head))
    }
}

/// How many events one verification query returns, packed into one value.
const VERIFY_CHUNK: i64 = 4096;

/// The columns verification reads, in this order, packed by the database into one text
/// value of `<length in characters>:<text>` items per event.
const PACKED: [&str; 10] = [
    "seq",
    "time",
    "actor_kind",
    "actor_id",
    "action",
    "target",
    "outcome",
    "detail",
    "prev_hash",
    "hash",
];

fn verify_chunk_sql(backend: Backend) -> String {
    // One variadic concat() per row (SQLite 3.44+, PostgreSQL): chained `||` would copy
    // the growing string once per item.
    let packed = PACKED
        .iter()
        .map(|c| match (backend, *c) {
            (Backend::Postgres, "seq") => "char_length(seq::text), ':', seq".to_owned(),
            (Backend::Sqlite, c) => format!("length({c}), ':', {c}"),
            (Backend::Postgres, c) => format!("char_length({c}), ':', {c}"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let agg = match backend {
        Backend::Sqlite => "group_concat(packed, '' ORDER BY seq)",
        Backend::Postgres => "string_agg(packed, '' ORDER BY seq)",
    };
    format!(
        "SELECT COUNT(*) AS n, MAX(seq) AS last, {agg} AS chunk FROM \
         (SELECT seq, concat({packed}) AS packed FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2) t"
    )
}

/// Splits one packed event off the front of `s`: its ten stored values and the rest.
fn unpack(mut s: &str) -> Option<([&str; 10], &str)> {
    let mut out = [""; 10];
    for slot in &mut out {
        let (len, rest) = s.split_once(':')?;
        let chars: usize = len.parse().ok()?;
        let end = char_boundary(rest, chars)?;
        *slot = rest.get(..end)?;
        s = rest.get(end..)?;
    }
    Some((out, s))
}

/// The byte offset after the first `chars` characters of `s`.
fn char_boundary(s: &str, chars: usize) -> Option<usize> {
    // Almost every stored value is ASCII, where characters are bytes.
    match s.as_bytes().get(..chars) {
        Some(head) if head.is_ascii() => Some(chars),
        _ => match s.char_indices().nth(chars) {
            Some((i, _)) => Some(i),
            None if s.chars().count() == chars => Some(s.len()),
            None => None,
        },
    }
}

/// Feeds one stored event to the verifier, hashing the stored text as it is (no parsing of
/// times, actors or details). A value deputy never writes is a breach at that event.
fn verify_fields(verifier: &mut ChainVerifier, fields: &[&str; 10]) -> Result<(), Breach> {
    let [
        seq,
        time,
        kind,
        id,
        action,
        target,
        outcome,
        detail,
        prev_hash,
        hash,
    ] = *fields;
    let next = verifier.head().seq.saturating_add(1);
    let Ok(seq) = seq.parse::<u64>() else {
        return Err(Breach {
            seq: next,
            kind: BreachKind::Reordered,
            message: format!("an event is stored with sequence number {seq}"),
        });
    };
    let (prev_hash, hash) = match (prev_hash.parse::<Hash>(), hash.parse::<Hash>()) {
        (Ok(p), Ok(h)) => (p, h),
        (Err(e), _) | (_, Err(e)) => {
            return Err(Breach {
                seq,
                kind: BreachKind::Edited,
                message: format!("event {seq} was changed after it was written: {e}"),
            });
        }
    };
    let fields = EventFields {
        time,
        actor_kind: kind,
        actor_id: id,
        action,
        target,
        outcome,
        detail,
    };
    verifier.push_fields(seq, &fields, &prev_hash, &hash)
}

/// Appends `events` inside `tx`, which must be a write transaction (see
/// [`Store::begin_write`]), so that an operation and its audit events commit together.
pub(crate) async fn append_in(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    events: Vec<AuditEvent>,
) -> Result<Vec<ChainedEvent>, StoreError> {
    if events.is_empty() {
        return Ok(Vec::new());
    }
    // INVARIANT: the head is read under the lock every appender takes, so two appends can
    // never link to the same head.
    let lock = match backend {
        Backend::Sqlite => "SELECT seq, hash FROM audit_head WHERE id = 1",
        Backend::Postgres => "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE",
    };
    let row = sqlx::query(lock)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| StoreError::not_found("audit head", 1))?;
    let mut head = head_from_row(&row)?;
    let mut chained = Vec::with_capacity(events.len());
    for event in events {
        let e = deputy_audit::link(&head, event).ok_or(StoreError::Corrupt {
            column: "audit_head.seq",
            value: head.seq.to_string(),
        })?;
        head = e.head();
        chained.push(e);
    }
    let per = rows_per_statement(COLS);
    for batch in chained.chunks(per) {
        let sql = format!(
            "INSERT INTO audit_events ({COLUMNS}) VALUES {}",
            values_list(backend, batch.len(), COLS)
        );
        let mut q = sqlx::query(&sql);
        for e in batch {
            // INVARIANT: stored exactly as hashed (see deputy-audit's canonical form).
            let detail = detail_json(&e.event.detail);
            let kind = actor_kind(e.event.actor.kind);
            q = q
                .bind(to_i64(e.seq, "seq")?)
                .bind(time_fmt::format(e.event.time))
                .bind(kind)
                .bind(e.event.actor.id.clone())
                .bind(e.event.action.clone())
                .bind(e.event.target.clone())
                .bind(e.event.outcome.clone())
                .bind(detail)
                .bind(e.prev_hash.to_hex())
                .bind(e.hash.to_hex());
        }
        q.execute(&mut **tx).await?;
    }
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(to_i64(head.seq, "seq")?)
        .bind(head.hash.to_hex())
        .execute(&mut **tx)
        .await?;
    Ok(chained)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_events_unpack() {
        let packed = "1:73:a:b0:1:é1:x1:y1:z2:{}1:p1:h";
        let both = format!("{packed}2:10");
        assert_eq!(
            unpack(&both),
            Some((["7", "a:b", "", "é", "x", "y", "z", "{}", "p", "h"], "2:10"))
        );
        assert_eq!(unpack("3:ab"), None);
        assert_eq!(char_boundary("éa", 1), Some(2));
        assert_eq!(char_boundary("éa", 2), Some(3));
        assert_eq!(char_boundary("éa", 3), None);
        assert_eq!(unpack("x:ab"), None);
    }
}
