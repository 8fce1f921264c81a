//! In-memory copies of stores' tuples, kept in step with the database.
//!
//! Every Write request increments its store's `revision` under the store's write lock and
//! stamps its change-log rows with it. [`FgaIndexes::snapshot`] reads the current revision
//! (one point query), and if the copy is behind, replays the changes after the revision it
//! holds — in commit order, so writers on other machines with other clocks are caught up
//! just the same. A request therefore always evaluates the tuples of the latest committed
//! write, as OpenFGA's `HIGHER_CONSISTENCY` would, at the cost of one small query instead of
//! one per tuple read.
//!
//! The first snapshot of a store loads all its tuples. Replaying changes on top of a load
//! that already saw some of them is harmless: for each tuple the last change wins, and
//! tuples without later changes were loaded as they are.

use super::tuples::tuple_from_parts;
use super::{FgaOperation, store_not_found};
use crate::sql::{opt_text, text};
use crate::{Store, StoreError};
use deputy_authz::TupleKey;
use deputy_authz::memory::MemoryTuples;
use futures_util::TryStreamExt;
use sqlx::Row;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedRwLockReadGuard, RwLock};

/// One store's tuples and the revision they reflect (`None` before the first load).
#[derive(Debug, Default)]
pub struct FgaIndex {
    tuples: MemoryTuples,
    revision: Option<i64>,
}

impl FgaIndex {
    /// The tuples, as the engine's reader.
    pub fn tuples(&self) -> &MemoryTuples {
        &self.tuples
    }

    /// The store revision these tuples reflect.
    pub fn revision(&self) -> i64 {
        self.revision.unwrap_or(0)
    }
}

/// A read-locked, up-to-date index: writers of the copy wait until it is dropped.
pub type FgaIndexSnapshot = OwnedRwLockReadGuard<FgaIndex>;

#[derive(Debug)]
struct Slot {
    index: Arc<RwLock<FgaIndex>>,
    last_used: u64,
}

#[derive(Debug, Default)]
struct Slots {
    by_store: HashMap<String, Slot>,
    clock: u64,
}

/// The indexes of up to `capacity` stores, the least recently used dropped first.
/// Cloning shares the cache.
#[derive(Debug, Clone)]
pub struct FgaIndexes {
    slots: Arc<Mutex<Slots>>,
    capacity: usize,
}

impl FgaIndexes {
    pub fn new(capacity: usize) -> Self {
        FgaIndexes {
            slots: Arc::new(Mutex::new(Slots::default())),
            capacity: capacity.max(1),
        }
    }

    fn slot(&self, store_id: &str) -> Arc<RwLock<FgaIndex>> {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots.clock += 1;
        let now = slots.clock;
        if let Some(slot) = slots.by_store.get_mut(store_id) {
            slot.last_used = now;
            return slot.index.clone();
        }
        if slots.by_store.len() >= self.capacity {
            let oldest = slots
                .by_store
                .iter()
                .min_by_key(|(_, s)| s.last_used)
                .map(|(id, _)| id.clone());
            if let Some(oldest) = oldest {
                slots.by_store.remove(&oldest);
            }
        }
        let index = Arc::new(RwLock::new(FgaIndex::default()));
        slots.by_store.insert(
            store_id.to_owned(),
            Slot {
                index: index.clone(),
                last_used: now,
            },
        );
        index
    }

    /// Drops a store's copy (when the store is gone).
    pub fn forget(&self, store_id: &str) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots.by_store.remove(store_id);
    }

    /// The store's tuples as of its latest committed write (OpenFGA code 5002 when the
    /// store does not exist or was deleted).
    pub async fn snapshot(
        &self,
        store: &Store,
        store_id: &str,
    ) -> Result<FgaIndexSnapshot, StoreError> {
        match store.fga_revision(store_id).await {
            Ok(current) => self.snapshot_at(store, store_id, current).await,
            Err(e) => {
                self.forget(store_id);
                Err(e)
            }
        }
    }

    /// The store's tuples as of at least revision `current`, which the caller has just
    /// read (with [`Store::fga_head`], say).
    pub async fn snapshot_at(
        &self,
        store: &Store,
        store_id: &str,
        current: i64,
    ) -> Result<FgaIndexSnapshot, StoreError> {
        let slot = self.slot(store_id);
        {
            let read = slot.clone().read_owned().await;
            if read.revision.is_some_and(|r| r >= current) {
                return Ok(read);
            }
        }
        let mut write = slot.write_owned().await;
        if write.revision.is_none() {
            write.tuples = store.fga_load_tuples(store_id).await?;
            write.revision = Some(current);
        }
        let since = write.revision();
        if since < current {
            let changes = store.fga_changes_since(store_id, since).await?;
            let mut latest = since;
            for (tuple, operation, revision) in changes {
                match operation {
                    FgaOperation::Write => write.tuples.insert(tuple),
                    FgaOperation::Delete => write.tuples.remove(&tuple),
                }
                latest = latest.max(revision);
            }
            write.revision = Some(latest.max(current));
        }
        Ok(write.downgrade())
    }
}

impl Store {
    /// The store's revision: how many tuple writes it has committed.
    pub async fn fga_revision(&self, store_id: &str) -> Result<i64, StoreError> {
        let row =
            sqlx::query("SELECT revision FROM fga_stores WHERE id = $1 AND deleted_at IS NULL")
                .bind(store_id)
                .fetch_optional(self.pool())
                .await?
                .ok_or_else(|| store_not_found(store_id))?;
        Ok(row.try_get("revision")?)
    }

    /// The store's revision and its latest model's id (`None` without models) in one
    /// query: what a question needs to know before it is answered from memory.
    pub async fn fga_head(&self, store_id: &str) -> Result<(i64, Option<String>), StoreError> {
        let row = sqlx::query(
            "SELECT s.revision, (SELECT m.id FROM fga_models m WHERE m.store_id = s.id \
             ORDER BY m.id DESC LIMIT 1) AS model_id \
             FROM fga_stores s WHERE s.id = $1 AND s.deleted_at IS NULL",
        )
        .bind(store_id)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| store_not_found(store_id))?;
        Ok((row.try_get("revision")?, opt_text(&row, "model_id")?))
    }

    /// Every tuple of a store, streamed into an index.
    async fn fga_load_tuples(&self, store_id: &str) -> Result<MemoryTuples, StoreError> {
        let mut tuples = MemoryTuples::new();
        let mut rows = sqlx::query(
            "SELECT object_type, object_id, relation, user_key, condition_name, \
             condition_context FROM fga_tuples WHERE store_id = $1",
        )
        .bind(store_id)
        .fetch(self.pool());
        while let Some(row) = rows.try_next().await? {
            tuples.insert(tuple_from_parts(
                format!(
                    "{}:{}",
                    text(&row, "object_type")?,
                    text(&row, "object_id")?
                ),
                text(&row, "relation")?,
                text(&row, "user_key")?,
                text(&row, "condition_name")?,
                opt_text(&row, "condition_context")?,
            ));
        }
        Ok(tuples)
    }

    /// The changes committed after `revision`, in commit order.
    async fn fga_changes_since(
        &self,
        store_id: &str,
        revision: i64,
    ) -> Result<Vec<(TupleKey, FgaOperation, i64)>, StoreError> {
        sqlx::query(
            "SELECT object, relation, user_key, condition_name, condition_context, operation, \
             revision FROM fga_changes WHERE store_id = $1 AND revision > $2 \
             ORDER BY revision, ulid",
        )
        .bind(store_id)
        .bind(revision)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|row| {
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
            Ok((
                tuple_from_parts(
                    text(row, "object")?,
                    text(row, "relation")?,
                    text(row, "user_key")?,
                    text(row, "condition_name")?,
                    opt_text(row, "condition_context")?,
                ),
                operation,
                row.try_get("revision")?,
            ))
        })
        .collect()
    }
}
