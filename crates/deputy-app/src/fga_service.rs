//! The OpenFGA use-cases over stored state: stores, models, tuples, assertions, and the
//! questions (Check, BatchCheck, ListObjects, ListUsers, Expand) answered by the embedded
//! engine. The CLI's `deputy fga …` and the server's OpenFGA-compatible API both call these.
//!
//! Questions are evaluated over an in-memory copy of the store's tuples that is brought up
//! to the store's latest committed write before each request (`deputy_store::FgaIndexes`),
//! on a blocking thread, so a long ListObjects never stalls the async workers. Engines are
//! built once per model: models are immutable.

use crate::{App, AppError};
use deputy_authz::engine::{
    CheckRequest, Engine, ListLimits, ListObjectsRequest, ListUsersRequest, UsersetTree,
};
use deputy_authz::{AuthorizationModel, ErrorCode, FgaError, TupleKey};
use deputy_store::{
    FgaChange, FgaIndexSnapshot, FgaIndexes, FgaModelRecord, FgaReadFilter, FgaStoreRecord,
    FgaTuple,
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How many stores keep their tuples in memory at once.
const CACHED_STORES: usize = 16;
/// How many prepared models are kept.
const CACHED_ENGINES: usize = 64;

/// OpenFGA's server defaults for the list APIs.
pub const LIST_MAX_RESULTS: usize = 1000;
pub const LIST_DEADLINE: Duration = Duration::from_secs(3);

/// The engine-side state an [`App`] shares between its clones.
#[derive(Debug, Clone)]
pub(crate) struct FgaRuntime {
    indexes: FgaIndexes,
    engines: Arc<Mutex<HashMap<String, Arc<Engine>>>>,
}

impl FgaRuntime {
    pub(crate) fn new() -> Self {
        FgaRuntime {
            indexes: FgaIndexes::new(CACHED_STORES),
            engines: Arc::new(Mutex::new(HashMap::new())),
        }
    }
}

/// One answer per check of a BatchCheck, in request order.
pub type BatchOutcome = Vec<Result<bool, FgaError>>;

/// A page of results and the token for the next page, if there is one.
#[derive(Debug, Clone)]
pub struct FgaPage<T> {
    pub items: Vec<T>,
    pub continuation_token: Option<String>,
}

fn validation(message: impl Into<String>) -> AppError {
    AppError::Fga(FgaError::new(ErrorCode::ValidationError, message))
}

impl App {
    pub async fn fga_create_store(&self, name: &str) -> Result<FgaStoreRecord, AppError> {
        Ok(self.store.fga_create_store(name).await?)
    }

    pub async fn fga_stores(&self) -> Result<Vec<FgaStoreRecord>, AppError> {
        Ok(self.store.fga_stores().await?)
    }

    pub async fn fga_store(&self, store_id: &str) -> Result<FgaStoreRecord, AppError> {
        Ok(self.store.fga_store(store_id).await?)
    }

    /// A store by id, or else by name (which must then be unique).
    pub async fn fga_resolve_store(&self, reference: &str) -> Result<FgaStoreRecord, AppError> {
        let stores = self.store.fga_stores().await?;
        if let Some(store) = stores.iter().find(|s| s.id == reference) {
            return Ok(store.clone());
        }
        let named: Vec<&FgaStoreRecord> = stores.iter().filter(|s| s.name == reference).collect();
        match named.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(AppError::Fga(FgaError::new(
                ErrorCode::StoreIdNotFound,
                format!("no store has the id or name `{reference}`"),
            ))),
            many => Err(AppError::Usage(format!(
                "{} stores are named `{reference}`; give one of their ids: {}",
                many.len(),
                many.iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    pub async fn fga_delete_store(&self, store_id: &str) -> Result<(), AppError> {
        Ok(self.store.fga_delete_store(store_id).await?)
    }

    /// Validates a model with OpenFGA's rules (code 2056 with every problem when it breaks
    /// one) and stores it as the store's latest; returns its id.
    pub async fn fga_write_model(
        &self,
        store_id: &str,
        model: &AuthorizationModel,
    ) -> Result<String, AppError> {
        // 1.2 is a model combined from modules (`fga.mod`).
        if model.schema_version != "1.1" && model.schema_version != "1.2" {
            return Err(AppError::Fga(FgaError::new(
                ErrorCode::InvalidAuthorizationModel,
                format!(
                    "schema version `{}` is not supported; write schema 1.1 (or 1.2 from modules)",
                    model.schema_version
                ),
            )));
        }
        let errors = deputy_authz::dsl::validate(model);
        if !errors.is_empty() {
            let message = errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("; ");
            return Err(AppError::Fga(FgaError::new(
                ErrorCode::InvalidAuthorizationModel,
                message,
            )));
        }
        Ok(self.store.fga_write_model(store_id, model).await?)
    }

    /// The store's models, newest first.
    pub async fn fga_models(&self, store_id: &str) -> Result<Vec<FgaModelRecord>, AppError> {
        Ok(self.store.fga_models(store_id).await?)
    }

    /// The model `model_id`, or the store's latest.
    pub async fn fga_model(
        &self,
        store_id: &str,
        model_id: Option<&str>,
    ) -> Result<FgaModelRecord, AppError> {
        Ok(match model_id.filter(|m| !m.is_empty()) {
            Some(id) => self.store.fga_model(store_id, id).await?,
            None => self.store.fga_latest_model(store_id).await?,
        })
    }

    /// Writes and deletes tuples in one transaction, validated against the model.
    pub async fn fga_write(
        &self,
        store_id: &str,
        model_id: Option<&str>,
        writes: &[TupleKey],
        deletes: &[TupleKey],
        on_duplicate_ignore: bool,
        on_missing_ignore: bool,
    ) -> Result<(), AppError> {
        if writes.is_empty() && deletes.is_empty() {
            return Err(AppError::Fga(FgaError::new(
                ErrorCode::InvalidWriteInput,
                "invalid input: provide at least one write or one delete",
            )));
        }
        let model_id = model_id.filter(|m| !m.is_empty());
        Ok(self
            .store
            .fga_write_tuples(
                store_id,
                model_id,
                writes,
                deletes,
                on_duplicate_ignore,
                on_missing_ignore,
            )
            .await?)
    }

    /// Stored tuples matching the filter (no rewrites evaluated).
    pub async fn fga_read(
        &self,
        store_id: &str,
        filter: &FgaReadFilter,
        page_size: usize,
        continuation: Option<&str>,
    ) -> Result<FgaPage<FgaTuple>, AppError> {
        let (items, continuation_token) = self
            .store
            .fga_read_tuples(store_id, filter, page_size, continuation)
            .await?;
        Ok(FgaPage {
            items,
            continuation_token,
        })
    }

    /// The store's change log, oldest first: after the continuation token, or else from
    /// `start_time` (RFC 3339), or else from the beginning.
    pub async fn fga_changes(
        &self,
        store_id: &str,
        object_type: Option<&str>,
        page_size: usize,
        continuation: Option<&str>,
        start_time: Option<&str>,
    ) -> Result<FgaPage<FgaChange>, AppError> {
        let from_time = match (continuation.filter(|c| !c.is_empty()), start_time) {
            (None, Some(t)) if !t.is_empty() => {
                let instant =
                    time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
                        .map_err(|e| validation(format!("invalid start_time `{t}`: {e}")))?;
                Some(deputy_store::Store::fga_changes_token_at(instant))
            }
            _ => None,
        };
        let continuation = from_time.as_deref().or(continuation);
        let (items, continuation_token) = self
            .store
            .fga_changes(store_id, object_type, page_size, continuation)
            .await?;
        Ok(FgaPage {
            items,
            continuation_token,
        })
    }

    pub async fn fga_write_assertions(
        &self,
        store_id: &str,
        model_id: &str,
        assertions: &serde_json::Value,
    ) -> Result<(), AppError> {
        Ok(self
            .store
            .fga_write_assertions(store_id, model_id, assertions)
            .await?)
    }

    pub async fn fga_assertions(
        &self,
        store_id: &str,
        model_id: &str,
    ) -> Result<serde_json::Value, AppError> {
        Ok(self.store.fga_assertions(store_id, model_id).await?)
    }

    /// The prepared engine of a model (the latest when `model_id` is `None`), and the
    /// store's tuples as of its latest write.
    async fn fga_prepare(
        &self,
        store_id: &str,
        model_id: Option<&str>,
    ) -> Result<(Arc<Engine>, FgaIndexSnapshot), AppError> {
        let (revision, latest) = match self.store.fga_head(store_id).await {
            Ok(head) => head,
            Err(e) => {
                self.fga.indexes.forget(store_id);
                return Err(e.into());
            }
        };
        let model_id = match (model_id.filter(|m| !m.is_empty()), latest) {
            (Some(id), _) => id.to_owned(),
            (None, Some(latest)) => latest,
            (None, None) => {
                return Err(AppError::Fga(FgaError::new(
                    ErrorCode::LatestAuthorizationModelNotFound,
                    format!("no authorization model in store `{store_id}`"),
                )));
            }
        };
        let key = format!("{store_id}/{model_id}");
        let cached = {
            let engines = self.fga.engines.lock().unwrap_or_else(|e| e.into_inner());
            engines.get(&key).cloned()
        };
        let engine = match cached {
            Some(engine) => engine,
            None => {
                let record = self.fga_model(store_id, Some(&model_id)).await?;
                let mut engines = self.fga.engines.lock().unwrap_or_else(|e| e.into_inner());
                if engines.len() >= CACHED_ENGINES {
                    engines.clear();
                }
                engines
                    .entry(key)
                    .or_insert_with(|| Arc::new(Engine::new(record.model)))
                    .clone()
            }
        };
        let snapshot = self
            .fga
            .indexes
            .snapshot_at(&self.store, store_id, revision)
            .await?;
        Ok((engine, snapshot))
    }

    /// Runs `question` against the store's tuples on a blocking thread.
    async fn fga_ask<T: Send + 'static>(
        &self,
        store_id: &str,
        model_id: Option<&str>,
        question: impl FnOnce(&Engine, &FgaIndexSnapshot) -> Result<T, FgaError> + Send + 'static,
    ) -> Result<T, AppError> {
        let (engine, snapshot) = self.fga_prepare(store_id, model_id).await?;
        tokio::task::spawn_blocking(move || question(&engine, &snapshot))
            .await
            .map_err(|e| {
                AppError::Fga(FgaError::new(
                    ErrorCode::InternalError,
                    format!("the evaluation stopped: {e}"),
                ))
            })?
            .map_err(AppError::Fga)
    }

    pub async fn fga_check(
        &self,
        store_id: &str,
        model_id: Option<&str>,
        request: CheckRequest,
    ) -> Result<bool, AppError> {
        self.fga_ask(store_id, model_id, move |engine, index| {
            engine.check(index.tuples(), &request)
        })
        .await
    }

    /// Each check answered independently; the batch fails only when it is malformed.
    pub async fn fga_batch_check(
        &self,
        store_id: &str,
        model_id: Option<&str>,
        requests: Vec<CheckRequest>,
    ) -> Result<BatchOutcome, AppError> {
        self.fga_ask(store_id, model_id, move |engine, index| {
            engine.batch_check(index.tuples(), &requests)
        })
        .await
    }

    /// At most [`LIST_MAX_RESULTS`] objects, found within [`LIST_DEADLINE`].
    pub async fn fga_list_objects(
        &self,
        store_id: &str,
        model_id: Option<&str>,
        request: ListObjectsRequest,
    ) -> Result<Vec<String>, AppError> {
        let limits = list_limits();
        self.fga_ask(store_id, model_id, move |engine, index| {
            engine.list_objects_within(index.tuples(), &request, limits)
        })
        .await
    }

    /// At most [`LIST_MAX_RESULTS`] users, found within [`LIST_DEADLINE`].
    pub async fn fga_list_users(
        &self,
        store_id: &str,
        model_id: Option<&str>,
        request: ListUsersRequest,
    ) -> Result<Vec<String>, AppError> {
        let limits = list_limits();
        self.fga_ask(store_id, model_id, move |engine, index| {
            engine.list_users_within(index.tuples(), &request, limits)
        })
        .await
    }

    pub async fn fga_expand(
        &self,
        store_id: &str,
        model_id: Option<&str>,
        object: String,
        relation: String,
        contextual_tuples: Vec<TupleKey>,
    ) -> Result<UsersetTree, AppError> {
        self.fga_ask(store_id, model_id, move |engine, index| {
            engine.expand(index.tuples(), &object, &relation, &contextual_tuples)
        })
        .await
    }
}

fn list_limits() -> ListLimits {
    ListLimits {
        max_results: Some(LIST_MAX_RESULTS),
        deadline: Some(Instant::now() + LIST_DEADLINE),
    }
}
