//! OpenFGA stores, authorization models and relationship tuples, persisted for the
//! embedded engine in `deputy-authz`.
//!
//! The store persists and reads; it does not evaluate. Writes are validated with
//! `deputy_authz::engine::validate_tuple` and fail with the same OpenFGA error codes and
//! messages as `deputy_authz::memory::MemoryTuples::write`, so the in-memory and the SQL
//! store answer alike. [`FgaSqlReader`] lets the engine read tuples straight from the
//! database. Refusals an OpenFGA client should see (unknown store, unknown model,
//! invalid tuple, …) are [`StoreError::Fga`] with OpenFGA's code.

mod index;
mod reader;
mod tuples;

pub use index::{FgaIndex, FgaIndexSnapshot, FgaIndexes};
pub use reader::FgaSqlReader;
pub use tuples::{FgaChange, FgaOperation, FgaReadFilter, FgaTuple};

use crate::sql::{opt_text, text};
use crate::{Backend, Store, StoreError};
use deputy_authz::{AuthorizationModel, ErrorCode, FgaError};
use deputy_core::time_fmt;
use sqlx::any::AnyRow;
use sqlx::{Any, Transaction};
use std::sync::Mutex;
use time::OffsetDateTime;
use ulid::{Generator, Ulid};

/// An OpenFGA store: a namespace for models and tuples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FgaStoreRecord {
    /// A ULID.
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
    /// Set when the store was deleted; deleted stores are kept but no longer found.
    pub deleted_at: Option<String>,
}

/// An authorization model as written, with its id filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct FgaModelRecord {
    /// A ULID; newer models have greater ids.
    pub id: String,
    pub store_id: String,
    pub created_at: String,
    pub model: AuthorizationModel,
}

/// Ids for stores, models, tuples and changes: ULIDs, monotonic within this process so
/// that changes written in one transaction keep their order.
fn new_ulid(now: OffsetDateTime) -> String {
    static GENERATOR: Mutex<Generator> = Mutex::new(Generator::new());
    let mut generator = GENERATOR.lock().unwrap_or_else(|e| e.into_inner());
    generator
        .generate_from_datetime(now.into())
        // The random part overflowed within one millisecond: fall back to a fresh id,
        // which is still unique but may sort before the previous one.
        .unwrap_or_else(|_| Ulid::from_datetime(now.into()))
        .to_string()
}

fn store_not_found(id: &str) -> StoreError {
    StoreError::Fga(FgaError::new(
        ErrorCode::StoreIdNotFound,
        format!("store `{id}` not found"),
    ))
}

fn store_from_row(row: &AnyRow) -> Result<FgaStoreRecord, StoreError> {
    Ok(FgaStoreRecord {
        id: text(row, "id")?,
        name: text(row, "name")?,
        created_at: text(row, "created_at")?,
        updated_at: text(row, "updated_at")?,
        deleted_at: opt_text(row, "deleted_at")?,
    })
}

fn model_from_row(row: &AnyRow) -> Result<FgaModelRecord, StoreError> {
    let id = text(row, "id")?;
    let json = text(row, "model")?;
    let mut model: AuthorizationModel =
        serde_json::from_str(&json).map_err(|_| StoreError::Corrupt {
            column: "model",
            value: id.clone(),
        })?;
    model.id = Some(id.clone());
    Ok(FgaModelRecord {
        id,
        store_id: text(row, "store_id")?,
        created_at: text(row, "created_at")?,
        model,
    })
}

const STORE_COLUMNS: &str = "id, name, created_at, updated_at, deleted_at";
const MODEL_COLUMNS: &str = "id, store_id, created_at, model";

/// Checks, inside a write transaction, that the store exists and is not deleted. On
/// PostgreSQL the store row is locked so that writes to one store apply one after the
/// other (SQLite's `BEGIN IMMEDIATE` already serializes them).
async fn lock_store(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    store_id: &str,
) -> Result<(), StoreError> {
    let sql = match backend {
        Backend::Sqlite => "SELECT id FROM fga_stores WHERE id = $1 AND deleted_at IS NULL",
        Backend::Postgres => {
            "SELECT id FROM fga_stores WHERE id = $1 AND deleted_at IS NULL FOR UPDATE"
        }
    };
    sqlx::query(sql)
        .bind(store_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| store_not_found(store_id))?;
    Ok(())
}

/// The model `model_id`, or the store's latest when `None`.
async fn model_in<'e, E>(
    executor: E,
    store_id: &str,
    model_id: Option<&str>,
) -> Result<FgaModelRecord, StoreError>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let row = match model_id {
        Some(id) => sqlx::query(&format!(
            "SELECT {MODEL_COLUMNS} FROM fga_models WHERE store_id = $1 AND id = $2"
        ))
        .bind(store_id)
        .bind(id)
        .fetch_optional(executor)
        .await?
        .ok_or_else(|| {
            FgaError::new(
                ErrorCode::AuthorizationModelNotFound,
                format!("authorization model `{id}` not found"),
            )
        })?,
        None => sqlx::query(&format!(
            "SELECT {MODEL_COLUMNS} FROM fga_models WHERE store_id = $1 ORDER BY id DESC LIMIT 1"
        ))
        .bind(store_id)
        .fetch_optional(executor)
        .await?
        .ok_or_else(|| {
            FgaError::new(
                ErrorCode::LatestAuthorizationModelNotFound,
                format!("no authorization model in store `{store_id}`"),
            )
        })?,
    };
    model_from_row(&row)
}

impl Store {
    /// Creates an OpenFGA store named `name`.
    pub async fn fga_create_store(&self, name: &str) -> Result<FgaStoreRecord, StoreError> {
        if name.trim().is_empty() {
            return Err(FgaError::new(ErrorCode::ValidationError, "store name is empty").into());
        }
        let now = OffsetDateTime::now_utc();
        let now_s = time_fmt::format(now);
        let record = FgaStoreRecord {
            id: new_ulid(now),
            name: name.to_owned(),
            created_at: now_s.clone(),
            updated_at: now_s,
            deleted_at: None,
        };
        sqlx::query(
            "INSERT INTO fga_stores (id, name, created_at, updated_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&record.id)
        .bind(&record.name)
        .bind(&record.created_at)
        .bind(&record.updated_at)
        .execute(self.pool())
        .await?;
        Ok(record)
    }

    /// The stores that are not deleted, oldest first.
    pub async fn fga_stores(&self) -> Result<Vec<FgaStoreRecord>, StoreError> {
        sqlx::query(&format!(
            "SELECT {STORE_COLUMNS} FROM fga_stores WHERE deleted_at IS NULL ORDER BY id"
        ))
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(store_from_row)
        .collect()
    }

    /// The store `id`; a deleted store is not found (OpenFGA code 5002).
    pub async fn fga_store(&self, id: &str) -> Result<FgaStoreRecord, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {STORE_COLUMNS} FROM fga_stores WHERE id = $1 AND deleted_at IS NULL"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| store_not_found(id))?;
        store_from_row(&row)
    }

    /// Deletes a store softly: its rows stay, but it is no longer found.
    pub async fn fga_delete_store(&self, id: &str) -> Result<(), StoreError> {
        let now = time_fmt::format(OffsetDateTime::now_utc());
        let done = sqlx::query(
            "UPDATE fga_stores SET deleted_at = $1, updated_at = $1 \
             WHERE id = $2 AND deleted_at IS NULL",
        )
        .bind(&now)
        .bind(id)
        .execute(self.pool())
        .await?;
        if done.rows_affected() == 0 {
            return Err(store_not_found(id));
        }
        Ok(())
    }

    /// Stores a model (validated by the caller, e.g. with `deputy_authz::dsl`) and returns
    /// its new id. A model's `id` field is ignored; the stored model gets the new one.
    pub async fn fga_write_model(
        &self,
        store_id: &str,
        model: &AuthorizationModel,
    ) -> Result<String, StoreError> {
        let now = OffsetDateTime::now_utc();
        let id = new_ulid(now);
        let mut stored = model.clone();
        stored.id = None;
        let json = serde_json::to_string(&stored).map_err(|e| {
            FgaError::new(
                ErrorCode::InvalidAuthorizationModel,
                format!("the model cannot be serialized: {e}"),
            )
        })?;
        let mut tx = self.begin_write().await?;
        lock_store(&mut tx, self.backend(), store_id).await?;
        sqlx::query(
            "INSERT INTO fga_models (id, store_id, schema_version, model, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(store_id)
        .bind(&model.schema_version)
        .bind(json)
        .bind(time_fmt::format(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The model `id` of a store (OpenFGA code 2001 when there is none).
    pub async fn fga_model(&self, store_id: &str, id: &str) -> Result<FgaModelRecord, StoreError> {
        self.fga_store(store_id).await?;
        model_in(self.pool(), store_id, Some(id)).await
    }

    /// The store's most recently written model (OpenFGA code 2020 when there is none).
    pub async fn fga_latest_model(&self, store_id: &str) -> Result<FgaModelRecord, StoreError> {
        self.fga_store(store_id).await?;
        model_in(self.pool(), store_id, None).await
    }

    /// Every model of a store, newest first.
    pub async fn fga_models(&self, store_id: &str) -> Result<Vec<FgaModelRecord>, StoreError> {
        self.fga_store(store_id).await?;
        sqlx::query(&format!(
            "SELECT {MODEL_COLUMNS} FROM fga_models WHERE store_id = $1 ORDER BY id DESC"
        ))
        .bind(store_id)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(model_from_row)
        .collect()
    }

    /// Replaces the assertions stored for a model: OpenFGA's JSON list, kept as given.
    pub async fn fga_write_assertions(
        &self,
        store_id: &str,
        model_id: &str,
        assertions: &serde_json::Value,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        lock_store(&mut tx, self.backend(), store_id).await?;
        model_in(&mut *tx, store_id, Some(model_id)).await?;
        sqlx::query(
            "INSERT INTO fga_assertions (store_id, model_id, assertions, updated_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (store_id, model_id) \
             DO UPDATE SET assertions = excluded.assertions, updated_at = excluded.updated_at",
        )
        .bind(store_id)
        .bind(model_id)
        .bind(assertions.to_string())
        .bind(time_fmt::format(OffsetDateTime::now_utc()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The assertions stored for a model; an empty list when none were written.
    pub async fn fga_assertions(
        &self,
        store_id: &str,
        model_id: &str,
    ) -> Result<serde_json::Value, StoreError> {
        self.fga_model(store_id, model_id).await?;
        let row = sqlx::query(
            "SELECT assertions FROM fga_assertions WHERE store_id = $1 AND model_id = $2",
        )
        .bind(store_id)
        .bind(model_id)
        .fetch_optional(self.pool())
        .await?;
        match row {
            None => Ok(serde_json::Value::Array(Vec::new())),
            Some(row) => {
                let json = text(&row, "assertions")?;
                serde_json::from_str(&json).map_err(|_| StoreError::Corrupt {
                    column: "assertions",
                    value: model_id.to_owned(),
                })
            }
        }
    }
}
