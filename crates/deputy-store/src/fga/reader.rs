//! The engine's [`TupleReader`] over the database.

use super::tuples::{split_object, tuple_from_parts};
use crate::sql::{opt_text, text};
use crate::{Backend, Store, StoreError};
use deputy_authz::engine::TupleReader;
use deputy_authz::{ErrorCode, FgaError, TupleKey};
use sqlx::any::AnyRow;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use tokio::runtime::{Handle, RuntimeFlavor};

/// What one read asked for; the key of the per-request cache.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Read {
    /// `object#relation@…`, every user.
    All(String, String),
    /// `object#relation@user`.
    User(String, String, String),
    /// `object#relation@type:id#relation`.
    Usersets(String, String),
    /// `type:…#relation@user`.
    Reverse(String, String, String),
}

/// Reads one store's tuples from the database for the engine, which is synchronous by
/// design: each read runs its query with `block_in_place` and `Handle::block_on`.
///
/// It therefore needs tokio's **multi-thread** runtime (or a thread outside any runtime);
/// on a current-thread runtime every read fails with an internal error rather than
/// blocking the only worker. Every query is a point or prefix lookup on the tuple table's
/// primary key `(store_id, object_type, object_id, relation, user_key)` or on its reverse
/// index `(store_id, user_key, object_type, relation)`.
///
/// Make one reader per request: it remembers what it read, so a request that reaches
/// the same tuples along several paths queries them once, and a long-lived reader would
/// not see later writes.
#[derive(Debug)]
pub struct FgaSqlReader {
    store: Store,
    store_id: String,
    handle: Handle,
    cache: RefCell<HashMap<Read, Vec<TupleKey>>>,
}

const TUPLE_COLUMNS: &str = "user_key, condition_name, condition_context";

fn internal(e: impl std::fmt::Display) -> FgaError {
    FgaError::new(ErrorCode::InternalError, format!("cannot read tuples: {e}"))
}

fn tuple_from_row(row: &AnyRow, object: &str, relation: &str) -> Result<TupleKey, StoreError> {
    Ok(tuple_from_parts(
        object.to_owned(),
        relation.to_owned(),
        text(row, "user_key")?,
        text(row, "condition_name")?,
        opt_text(row, "condition_context")?,
    ))
}

impl FgaSqlReader {
    /// A reader of store `store_id` that runs its queries on `handle`'s runtime.
    pub fn new(store: Store, store_id: impl Into<String>, handle: Handle) -> Self {
        FgaSqlReader {
            store,
            store_id: store_id.into(),
            handle,
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// Runs `query` to completion from the engine's synchronous call.
    fn block_on<T>(
        &self,
        query: impl Future<Output = Result<T, StoreError>>,
    ) -> Result<T, FgaError> {
        if Handle::try_current().is_ok_and(|h| h.runtime_flavor() == RuntimeFlavor::CurrentThread) {
            return Err(internal(
                "the SQL tuple reader needs tokio's multi-thread runtime",
            ));
        }
        tokio::task::block_in_place(|| self.handle.block_on(query)).map_err(internal)
    }

    /// The cached answer to `read`, or the query's, remembered.
    fn cached(
        &self,
        read: Read,
        query: impl Future<Output = Result<Vec<TupleKey>, StoreError>>,
    ) -> Result<Vec<TupleKey>, FgaError> {
        if let Some(hit) = self.cache.borrow().get(&read) {
            return Ok(hit.clone());
        }
        let tuples = self.block_on(query)?;
        self.cache.borrow_mut().insert(read, tuples.clone());
        Ok(tuples)
    }

    async fn query_object(
        &self,
        object: &str,
        relation: &str,
        tail: &str,
        user: Option<&str>,
    ) -> Result<Vec<TupleKey>, StoreError> {
        let (object_type, object_id) = split_object(object);
        let sql = format!(
            "SELECT {TUPLE_COLUMNS} FROM fga_tuples WHERE store_id = $1 AND object_type = $2 \
             AND object_id = $3 AND relation = $4{tail}"
        );
        let mut q = sqlx::query(&sql)
            .persistent(self.persistent())
            .bind(self.store_id.as_str())
            .bind(object_type)
            .bind(object_id)
            .bind(relation);
        if let Some(user) = user {
            q = q.bind(user);
        }
        q.fetch_all(self.store.pool())
            .await?
            .iter()
            .map(|row| tuple_from_row(row, object, relation))
            .collect()
    }

    async fn query_reverse(
        &self,
        object_type: &str,
        relation: &str,
        user: &str,
    ) -> Result<Vec<TupleKey>, StoreError> {
        sqlx::query(
            "SELECT object_id, condition_name, condition_context FROM fga_tuples \
             WHERE store_id = $1 AND object_type = $2 AND relation = $3 AND user_key = $4",
        )
        .persistent(self.persistent())
        .bind(self.store_id.as_str())
        .bind(object_type)
        .bind(relation)
        .bind(user)
        .fetch_all(self.store.pool())
        .await?
        .iter()
        .map(|row| {
            Ok(tuple_from_parts(
                format!("{object_type}:{}", text(row, "object_id")?),
                relation.to_owned(),
                user.to_owned(),
                text(row, "condition_name")?,
                opt_text(row, "condition_context")?,
            ))
        })
        .collect()
    }

    /// Whether to keep the statement prepared. Not on PostgreSQL: after five runs it
    /// switches a prepared statement to a generic plan chosen with the statistics of that
    /// moment (an empty table, say, and a sequential scan) and keeps it; unnamed
    /// statements are planned with their parameters every time.
    fn persistent(&self) -> bool {
        self.store.backend() == Backend::Sqlite
    }

    /// The tuples of `object#relation` if they were read whole before.
    fn cached_all(&self, object: &str, relation: &str) -> Option<Vec<TupleKey>> {
        self.cache
            .borrow()
            .get(&Read::All(object.to_owned(), relation.to_owned()))
            .cloned()
    }
}

impl TupleReader for FgaSqlReader {
    fn read(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        self.cached(
            Read::All(object.to_owned(), relation.to_owned()),
            self.query_object(object, relation, "", None),
        )
        .map(Cow::Owned)
    }

    fn read_user(
        &self,
        object: &str,
        relation: &str,
        user: &str,
    ) -> Result<Option<Cow<'_, TupleKey>>, FgaError> {
        let found = match self.cached_all(object, relation) {
            Some(all) => all.into_iter().find(|t| t.user == user),
            None => self
                .cached(
                    Read::User(object.to_owned(), relation.to_owned(), user.to_owned()),
                    self.query_object(object, relation, " AND user_key = $5", Some(user)),
                )?
                .into_iter()
                .next(),
        };
        Ok(found.map(Cow::Owned))
    }

    fn read_usersets(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        if let Some(all) = self.cached_all(object, relation) {
            return Ok(Cow::Owned(
                all.into_iter().filter(|t| t.user.contains('#')).collect(),
            ));
        }
        self.cached(
            Read::Usersets(object.to_owned(), relation.to_owned()),
            self.query_object(object, relation, " AND user_relation <> ''", None),
        )
        .map(Cow::Owned)
    }

    fn read_reverse(
        &self,
        object_type: &str,
        relation: &str,
        user: &str,
    ) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        self.cached(
            Read::Reverse(object_type.to_owned(), relation.to_owned(), user.to_owned()),
            self.query_reverse(object_type, relation, user),
        )
        .map(Cow::Owned)
    }
}
