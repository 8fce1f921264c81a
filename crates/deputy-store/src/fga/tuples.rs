//! Relationship tuples: writing and deleting them in one transaction with OpenFGA's errors,
//! reading them with filters and paging, and the change log behind ReadChanges.

use super::{lock_store, model_in, new_ulid};
use crate::sql::{in_list, opt_text, rows_per_statement, text, values_list};
use crate::{Backend, Store, StoreError};
use deputy_authz::engine::validate_tuple;
use deputy_authz::tuple::RelationshipCondition;
use deputy_authz::{ErrorCode, FgaError, TupleKey};
use deputy_core::time_fmt;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

/// A Read filter. `object` is `type:id`, `type:` (every object of a type) or empty (every
/// tuple); `relation` and `user` are exact, empty for any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FgaReadFilter {
    pub object: String,
    pub relation: String,
    pub user: String,
}

/// A stored tuple and when it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FgaTuple {
    pub key: TupleKey,
    pub timestamp: String,
}

/// What a change did to a tuple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FgaOperation {
    Write,
    Delete,
}

impl FgaOperation {
    pub fn as_str(self) -> &'static str {
        match self {
            FgaOperation::Write => "write",
            FgaOperation::Delete => "delete",
        }
    }
}

/// One entry of a store's change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FgaChange {
    pub key: TupleKey,
    pub operation: FgaOperation,
    pub timestamp: String,
}

/// `type:id` split at its first colon; an object without one has an empty id.
pub(super) fn split_object(object: &str) -> (&str, &str) {
    object.split_once(':').unwrap_or((object, ""))
}

/// `type:id#relation` split into type, id (or `*`) and relation (empty when none).
fn split_user(user: &str) -> (&str, &str, &str) {
    let (object, relation) = user.split_once('#').unwrap_or((user, ""));
    let (type_name, id) = split_object(object);
    (type_name, id, relation)
}

fn condition_of(tuple: &TupleKey) -> (&str, Option<&str>) {
    tuple
        .condition
        .as_ref()
        .map_or(("", None), |c| (c.name.as_str(), c.context.as_deref()))
}

/// A tuple from its stored parts; an empty condition name means none.
pub(super) fn tuple_from_parts(
    object: String,
    relation: String,
    user: String,
    condition_name: String,
    condition_context: Option<String>,
) -> TupleKey {
    TupleKey {
        user,
        relation,
        object,
        condition: (!condition_name.is_empty()).then_some(RelationshipCondition {
            name: condition_name,
            context: condition_context,
        }),
    }
}

type Key<'a> = (&'a str, &'a str, &'a str);
type StoredCondition = (String, Option<String>);

fn key_of(tuple: &TupleKey) -> Key<'_> {
    (&tuple.object, &tuple.relation, &tuple.user)
}

fn tuple_message(what: &str, tuple: &TupleKey) -> String {
    format!(
        "{what}: user: `{}`, relation: `{}`, object: `{}`",
        tuple.user, tuple.relation, tuple.object
    )
}

/// The stored conditions of those of `tuples` that exist, by key.
async fn existing(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    store_id: &str,
    tuples: &[&TupleKey],
) -> Result<HashMap<(String, String, String), StoredCondition>, StoreError> {
    let mut found = HashMap::new();
    for chunk in tuples.chunks(rows_per_statement(4)) {
        let sql = format!(
            "SELECT object_type, object_id, relation, user_key, condition_name, condition_context \
             FROM fga_tuples WHERE (object_type, object_id, relation, user_key) IN (VALUES {}) \
             AND store_id = {}",
            values_list(backend, chunk.len(), 4),
            in_list(backend, chunk.len() * 4 + 1, 1)
        );
        let mut q = sqlx::query(&sql).persistent(backend == Backend::Sqlite);
        for t in chunk {
            let (object_type, object_id) = split_object(&t.object);
            q = q
                .bind(object_type)
                .bind(object_id)
                .bind(t.relation.as_str())
                .bind(t.user.as_str());
        }
        for row in q.bind(store_id).fetch_all(&mut **tx).await? {
            let object = format!(
                "{}:{}",
                text(&row, "object_type")?,
                text(&row, "object_id")?
            );
            found.insert(
                (object, text(&row, "relation")?, text(&row, "user_key")?),
                (
                    text(&row, "condition_name")?,
                    opt_text(&row, "condition_context")?,
                ),
            );
        }
    }
    Ok(found)
}

fn owned_key(tuple: &TupleKey) -> (String, String, String) {
    (
        tuple.object.clone(),
        tuple.relation.clone(),
        tuple.user.clone(),
    )
}

const TUPLE_COLS: usize = 12;
const CHANGE_COLS: usize = 11;

impl Store {
    /// Writes and deletes tuples in one transaction, validated against the model
    /// `model_id` (the store's latest when `None`), recording each change.
    ///
    /// The errors are those of `MemoryTuples::write`: a tuple twice in the request is 2004,
    /// an invalid write 2027, writing an existing tuple or deleting a missing one 2017 —
    /// unless `on_duplicate_ignore` (an identical tuple, condition included, is already
    /// there) or `on_missing_ignore` is set. Nothing changes unless everything succeeds.
    pub async fn fga_write_tuples(
        &self,
        store_id: &str,
        model_id: Option<&str>,
        writes: &[TupleKey],
        deletes: &[TupleKey],
        on_duplicate_ignore: bool,
        on_missing_ignore: bool,
    ) -> Result<(), StoreError> {
        let mut seen = HashSet::new();
        for tuple in writes.iter().chain(deletes) {
            if !seen.insert(key_of(tuple)) {
                return Err(FgaError::new(
                    ErrorCode::CannotAllowDuplicateTuplesInOneRequest,
                    tuple_message("duplicate tuple in write", tuple),
                )
                .into());
            }
        }
        let backend = self.backend();
        let mut tx = self.begin_write().await?;
        lock_store(&mut tx, backend, store_id).await?;
        let model = model_in(&mut *tx, store_id, model_id).await?.model;
        let all: Vec<&TupleKey> = writes.iter().chain(deletes).collect();
        let stored = existing(&mut tx, backend, store_id, &all).await?;

        let mut to_write = Vec::with_capacity(writes.len());
        for tuple in writes {
            validate_tuple(&model, tuple).map_err(|e| FgaError::new(ErrorCode::InvalidTuple, e))?;
            if let Some((name, context)) = stored.get(&owned_key(tuple)) {
                let (new_name, new_context) = condition_of(tuple);
                if on_duplicate_ignore
                    && name.as_str() == new_name
                    && context.as_deref() == new_context
                {
                    continue;
                }
                return Err(FgaError::new(
                    ErrorCode::WriteFailedDueToInvalidInput,
                    tuple_message("cannot write a tuple which already exists", tuple),
                )
                .into());
            }
            to_write.push(tuple);
        }
        let mut to_delete = Vec::with_capacity(deletes.len());
        for tuple in deletes {
            match stored.get(&owned_key(tuple)) {
                // The change log records the condition the deleted tuple had.
                Some((name, context)) => to_delete.push(tuple_from_parts(
                    tuple.object.clone(),
                    tuple.relation.clone(),
                    tuple.user.clone(),
                    name.clone(),
                    context.clone(),
                )),
                None if on_missing_ignore => {}
                None => {
                    return Err(FgaError::new(
                        ErrorCode::WriteFailedDueToInvalidInput,
                        tuple_message("cannot delete a tuple which does not exist", tuple),
                    )
                    .into());
                }
            }
        }

        if to_write.is_empty() && to_delete.is_empty() {
            return Ok(tx.commit().await?);
        }
        let now = OffsetDateTime::now_utc();
        let now_s = time_fmt::format(now);
        // One revision per request; the store row is locked, so revisions follow commits.
        let revision: i64 = sqlx::query(
            "UPDATE fga_stores SET revision = revision + 1, updated_at = $1 WHERE id = $2 \
             RETURNING revision",
        )
        .bind(&now_s)
        .bind(store_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("revision")?;
        for chunk in to_delete.chunks(rows_per_statement(4)) {
            let sql = format!(
                "DELETE FROM fga_tuples WHERE (object_type, object_id, relation, user_key) \
                 IN (VALUES {}) AND store_id = {}",
                values_list(backend, chunk.len(), 4),
                in_list(backend, chunk.len() * 4 + 1, 1)
            );
            let mut q = sqlx::query(&sql).persistent(backend == Backend::Sqlite);
            for t in chunk {
                let (object_type, object_id) = split_object(&t.object);
                q = q
                    .bind(object_type)
                    .bind(object_id)
                    .bind(t.relation.as_str())
                    .bind(t.user.as_str());
            }
            q.bind(store_id).execute(&mut *tx).await?;
        }
        for chunk in to_write.chunks(rows_per_statement(TUPLE_COLS)) {
            let sql = format!(
                "INSERT INTO fga_tuples (store_id, object_type, object_id, relation, user_key, \
                 user_type, user_id_or_wildcard, user_relation, condition_name, condition_context, \
                 inserted_at, ulid) VALUES {}",
                values_list(backend, chunk.len(), TUPLE_COLS)
            );
            let mut q = sqlx::query(&sql).persistent(backend == Backend::Sqlite);
            for t in chunk {
                let (object_type, object_id) = split_object(&t.object);
                let (user_type, user_id, user_relation) = split_user(&t.user);
                let (name, context) = condition_of(t);
                q = q
                    .bind(store_id)
                    .bind(object_type)
                    .bind(object_id)
                    .bind(t.relation.as_str())
                    .bind(t.user.as_str())
                    .bind(user_type)
                    .bind(user_id)
                    .bind(user_relation)
                    .bind(name)
                    .bind(context)
                    .bind(&now_s)
                    .bind(new_ulid(now));
            }
            q.execute(&mut *tx).await?;
        }
        // Deletes are applied before writes, and logged in that order.
        let changes: Vec<(&TupleKey, FgaOperation)> = to_delete
            .iter()
            .map(|t| (t, FgaOperation::Delete))
            .chain(to_write.iter().map(|t| (*t, FgaOperation::Write)))
            .collect();
        for chunk in changes.chunks(rows_per_statement(CHANGE_COLS)) {
            let sql = format!(
                "INSERT INTO fga_changes (store_id, ulid, object_type, object, relation, user_key, \
                 condition_name, condition_context, operation, at, revision) VALUES {}",
                values_list(backend, chunk.len(), CHANGE_COLS)
            );
            let mut q = sqlx::query(&sql).persistent(backend == Backend::Sqlite);
            for (t, operation) in chunk {
                let (name, context) = condition_of(t);
                q = q
                    .bind(store_id)
                    .bind(new_ulid(now))
                    .bind(split_object(&t.object).0)
                    .bind(t.object.as_str())
                    .bind(t.relation.as_str())
                    .bind(t.user.as_str())
                    .bind(name)
                    .bind(context)
                    .bind(operation.as_str())
                    .bind(&now_s)
                    .bind(revision);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Tuples matching `filter`, ordered by object, relation and user, `page_size` at a
    /// time (50 when 0). The token, when there are more, continues after the last one.
    pub async fn fga_read_tuples(
        &self,
        store_id: &str,
        filter: &FgaReadFilter,
        page_size: usize,
        continuation: Option<&str>,
    ) -> Result<(Vec<FgaTuple>, Option<String>), StoreError> {
        self.fga_store(store_id).await?;
        let backend = self.backend();
        let mut binds: Vec<String> = vec![store_id.to_owned()];
        let mut sql = String::from(
            "SELECT object_type, object_id, relation, user_key, condition_name, \
             condition_context, inserted_at FROM fga_tuples WHERE store_id = $1",
        );
        let mut push = |sql: &mut String, column: &str, value: &str| {
            binds.push(value.to_owned());
            sql.push_str(&format!(" AND {column} = ${}", binds.len()));
        };
        if !filter.object.is_empty() {
            let (object_type, object_id) = filter
                .object
                .split_once(':')
                .filter(|(t, _)| !t.is_empty())
                .ok_or_else(|| {
                    FgaError::new(
                        ErrorCode::ValidationError,
                        format!("invalid object `{}`", filter.object),
                    )
                })?;
            push(&mut sql, "object_type", object_type);
            if !object_id.is_empty() {
                push(&mut sql, "object_id", object_id);
            }
        }
        if !filter.relation.is_empty() {
            push(&mut sql, "relation", &filter.relation);
        }
        if !filter.user.is_empty() {
            push(&mut sql, "user_key", &filter.user);
        }
        if let Some(token) = continuation.filter(|t| !t.is_empty()) {
            let after = decode_read_token(token)?;
            let first = binds.len() + 1;
            binds.extend(after);
            sql.push_str(&format!(
                " AND (object_type, object_id, relation, user_key) > (${first}, ${}, ${}, ${})",
                first + 1,
                first + 2,
                first + 3
            ));
        }
        let page = if page_size == 0 { 50 } else { page_size };
        sql.push_str(&format!(
            " ORDER BY object_type, object_id, relation, user_key LIMIT {}",
            page.saturating_add(1)
        ));
        let mut q = sqlx::query(&sql).persistent(backend == Backend::Sqlite);
        for b in &binds {
            q = q.bind(b.as_str());
        }
        let rows = q.fetch_all(self.pool()).await?;
        let more = rows.len() > page;
        let mut tuples = Vec::with_capacity(rows.len().min(page));
        let mut last = None;
        for row in rows.iter().take(page) {
            let object_type = text(row, "object_type")?;
            let object_id = text(row, "object_id")?;
            let key = tuple_from_parts(
                format!("{object_type}:{object_id}"),
                text(row, "relation")?,
                text(row, "user_key")?,
                text(row, "condition_name")?,
                opt_text(row, "condition_context")?,
            );
            last = Some([
                object_type,
                object_id,
                key.relation.clone(),
                key.user.clone(),
            ]);
            tuples.push(FgaTuple {
                key,
                timestamp: text(row, "inserted_at")?,
            });
        }
        let token = match (more, last) {
            (true, Some(last)) => Some(encode_read_token(&last)),
            _ => None,
        };
        Ok((tuples, token))
    }

    /// The ReadChanges position just before `instant`: paging from it yields the changes
    /// made at or after it.
    pub fn fga_changes_token_at(instant: OffsetDateTime) -> String {
        let ms = (instant.unix_timestamp_nanos() / 1_000_000).clamp(0, (1i128 << 48) - 1);
        ulid::Ulid::from_parts(u64::try_from(ms).unwrap_or(0), 0).to_string()
    }

    /// The store's changes in the order they were made, optionally for one object type,
    /// `page_size` at a time (50 when 0), after `continuation`. The returned token is the
    /// position after the last change returned (or the given one when there is nothing
    /// new), so polling with it yields only later changes.
    pub async fn fga_changes(
        &self,
        store_id: &str,
        object_type: Option<&str>,
        page_size: usize,
        continuation: Option<&str>,
    ) -> Result<(Vec<FgaChange>, Option<String>), StoreError> {
        self.fga_store(store_id).await?;
        let continuation = continuation.filter(|t| !t.is_empty());
        if let Some(token) = continuation
            && ulid::Ulid::from_string(token).is_err()
        {
            return Err(invalid_token().into());
        }
        let mut sql = String::from(
            "SELECT ulid, object, relation, user_key, condition_name, condition_context, \
             operation, at FROM fga_changes WHERE store_id = $1",
        );
        let mut binds = vec![store_id];
        if let Some(t) = object_type.filter(|t| !t.is_empty()) {
            binds.push(t);
            sql.push_str(&format!(" AND object_type = ${}", binds.len()));
        }
        if let Some(token) = continuation {
            binds.push(token);
            sql.push_str(&format!(" AND ulid > ${}", binds.len()));
        }
        let page = if page_size == 0 { 50 } else { page_size };
        sql.push_str(&format!(" ORDER BY ulid LIMIT {page}"));
        let backend = self.backend();
        let mut q = sqlx::query(&sql).persistent(backend == Backend::Sqlite);
        for b in binds {
            q = q.bind(b);
        }
        let rows = q.fetch_all(self.pool()).await?;
        let mut changes = Vec::with_capacity(rows.len());
        let mut last = continuation.map(str::to_owned);
        for row in &rows {
            changes.push(change_from_row(row)?);
            last = Some(text(row, "ulid")?);
        }
        Ok((changes, last))
    }
}

fn change_from_row(row: &AnyRow) -> Result<FgaChange, StoreError> {
    let operation = match text(row, "operation")?.as_str() {
        "write" => FgaOperation::Write,
        "delete" => FgaOperation::Delete,
        other => {
            return Err(StoreError::Corrupt {
                column: "operation",
                value: other.to_owned(),
            });
        }
    };
    Ok(FgaChange {
        key: tuple_from_parts(
            text(row, "object")?,
            text(row, "relation")?,
            text(row, "user_key")?,
            text(row, "condition_name")?,
            opt_text(row, "condition_context")?,
        ),
        operation,
        timestamp: text(row, "at")?,
    })
}

fn invalid_token() -> FgaError {
    FgaError::new(
        ErrorCode::InvalidContinuationToken,
        "invalid continuation token",
    )
}

/// A Read token: the hex of the last returned key as a JSON array, opaque to clients.
fn encode_read_token(last: &[String; 4]) -> String {
    hex::encode(serde_json::to_string(last).unwrap_or_default())
}

fn decode_read_token(token: &str) -> Result<[String; 4], FgaError> {
    let bytes = hex::decode(token).map_err(|_| invalid_token())?;
    serde_json::from_slice(&bytes).map_err(|_| invalid_token())
}
