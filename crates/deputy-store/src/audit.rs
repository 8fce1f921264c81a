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
        if self.backend() == Backend::Sqlite {
            // Reading the whole table through a memory map skips a copy per page.
            tx.execute("PRAGMA mmap_size = 4294967296").await?;
        }
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_optional(&mut *tx)
            .await?;
        let (verifier, breach) = match verify_packed(&mut tx, self.backend()).await? {
            Some(done) => done,
            // The packed reading met something it cannot split unambiguously, or a breach:
            // read again one row at a time, where every value arrives on its own, to name
            // exactly what (if anything) is wrong.
            None => verify_rows(&mut tx, self.backend()).await?,
        };
        tx.rollback().await?;
        if let Some(breach) = breach {
            return Ok(Err(breach));
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

/// The columns verification reads, in this order.
const VERIFIED: [&str; 10] = [
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

/// Between two values of one packed event (ASCII unit separator).
const FIELD_SEP: char = '\u{1f}';
/// After each packed event (ASCII record separator).
const EVENT_END: char = '\u{1e}';

type Verified = (ChainVerifier, Option<Breach>);

/// The fast path: events come in chunks of [`VERIFY_CHUNK`], each chunk one row holding
/// the events in sequence order, their values joined by separators — the driver's cost
/// per row and per column, not hashing, bounds verification. Hashing runs on a blocking
/// thread while the next chunk is read, so the two overlap.
///
/// Returns `None` when a chunk does not split into ten values per event (a value holds a
/// separator) or the chain breaks: the caller then verifies row by row, which is exact.
async fn verify_packed(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
) -> Result<Option<Verified>, StoreError> {
    let (send, chunks) = tokio::sync::mpsc::channel::<String>(2);
    let worker = tokio::task::spawn_blocking(move || verify_chunks(chunks));
    let sql = verify_chunk_sql(backend);
    let mut after = i64::MIN;
    loop {
        let row = sqlx::query(&sql)
            .bind(after)
            .bind(VERIFY_CHUNK)
            .fetch_one(&mut **tx)
            .await?;
        if int(&row, "n")? == 0 {
            break;
        }
        after = int(&row, "last")?;
        let chunk: String = row.try_get("chunk")?;
        if send.send(chunk).await.is_err() {
            // The worker stopped: nothing after that point matters.
            break;
        }
    }
    drop(send);
    worker
        .await
        .map_err(|e| StoreError::Interrupted(format!("audit verification: {e}")))
}

/// Verifies packed chunks in order; `None` at the first event that does not split into
/// ten values or does not verify.
fn verify_chunks(mut chunks: tokio::sync::mpsc::Receiver<String>) -> Option<Verified> {
    let mut verifier = ChainVerifier::new();
    while let Some(chunk) = chunks.blocking_recv() {
        let events = chunk.strip_suffix(EVENT_END)?;
        for event in events.split(EVENT_END) {
            let mut fields = [""; 10];
            let mut values = event.split(FIELD_SEP);
            for slot in &mut fields {
                *slot = values.next()?;
            }
            if values.next().is_some() {
                return None;
            }
            verify_fields(&mut verifier, &fields).ok()?;
        }
    }
    Some((verifier, None))
}

/// The exact path: one row per event, each value its own column.
async fn verify_rows(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
) -> Result<Verified, StoreError> {
    let seq = match backend {
        Backend::Sqlite => "CAST(seq AS TEXT)",
        Backend::Postgres => "seq::text",
    };
    let rest = VERIFIED.get(1..).unwrap_or_default().join(", ");
    // The text column gets its own name: ordering by an alias `seq` would sort text.
    let sql = format!("SELECT {seq} AS seq_text, {rest} FROM audit_events ORDER BY seq");
    let mut verifier = ChainVerifier::new();
    let mut rows = sqlx::query(&sql).fetch(&mut **tx);
    while let Some(row) = rows.try_next().await? {
        let mut fields = [""; 10];
        for (i, (slot, column)) in fields.iter_mut().zip(VERIFIED).enumerate() {
            let Some(value) = row.try_get::<Option<&str>, _>(i)? else {
                // Deputy never writes NULL: the row was changed around the triggers.
                let seq = verifier.head().seq.saturating_add(1);
                let breach = Breach {
                    seq,
                    kind: BreachKind::Edited,
                    message: format!("the event after {} has no `{column}`", seq - 1),
                };
                return Ok((verifier, Some(breach)));
            };
            *slot = value;
        }
        if let Err(breach) = verify_fields(&mut verifier, &fields) {
            return Ok((verifier, Some(breach)));
        }
    }
    Ok((verifier, None))
}

fn verify_chunk_sql(backend: Backend) -> String {
    // One variadic concat() per row (SQLite 3.44+, PostgreSQL): chained `||` would copy
    // the growing string once per value.
    let (fs, end, agg) = match backend {
        Backend::Sqlite => (
            "char(31)",
            "char(30)",
            "group_concat(packed, '' ORDER BY seq)",
        ),
        Backend::Postgres => ("chr(31)", "chr(30)", "string_agg(packed, '' ORDER BY seq)"),
    };
    let packed = VERIFIED.join(&format!(", {fs}, "));
    format!(
        "SELECT COUNT(*) AS n, MAX(seq) AS last, {agg} AS chunk FROM \
         (SELECT seq, concat({packed}, {end}) AS packed FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2) t"
    )
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
