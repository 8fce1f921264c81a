//! OpenFGA's HTTP API (`openfga/v1`, as its gRPC gateway serves it): stores, authorization
//! models, write, read, changes, check, batch-check, expand, list-objects,
//! streamed-list-objects, list-users and assertions — the same paths, JSON field names and
//! error bodies, so OpenFGA's SDKs work against Deputy unchanged.
//!
//! Requests are read leniently as OpenFGA reads them (unknown fields are ignored) but every
//! field that is there must have the right type; a body that does not parse is a 400 that
//! names the field. Ids must be ULIDs, as OpenFGA requires.

use crate::error::ApiError;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use deputy_app::{App, FgaPage};
use deputy_app::{FgaChange, FgaModelRecord, FgaOperation, FgaReadFilter, FgaStoreRecord};
use deputy_authz::TupleKey;
use deputy_authz::cel::RequestContext;
use deputy_authz::engine::{
    CheckRequest, ListObjectsRequest, ListUsersRequest, UserFilter, UsersetTreeNode,
};
use deputy_authz::tuple::User;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

/// OpenFGA's default limit of tuples per Write.
pub const MAX_TUPLES_PER_WRITE: usize = 100;
const DEFAULT_PAGE_SIZE: usize = 50;
const MAX_PAGE_SIZE: usize = 100;

type ApiResult<T = Response> = Result<T, ApiError>;

pub fn routes(app: App) -> Router {
    Router::new()
        .route("/stores", post(create_store).get(list_stores))
        .route("/stores/{store_id}", get(get_store).delete(delete_store))
        .route(
            "/stores/{store_id}/authorization-models",
            post(write_model).get(read_models),
        )
        .route(
            "/stores/{store_id}/authorization-models/{model_id}",
            get(read_model),
        )
        .route("/stores/{store_id}/write", post(write))
        .route("/stores/{store_id}/read", post(read))
        .route("/stores/{store_id}/changes", get(changes))
        .route("/stores/{store_id}/check", post(check))
        .route("/stores/{store_id}/batch-check", post(batch_check))
        .route("/stores/{store_id}/expand", post(expand))
        .route("/stores/{store_id}/list-objects", post(list_objects))
        .route(
            "/stores/{store_id}/streamed-list-objects",
            post(streamed_list_objects),
        )
        .route("/stores/{store_id}/list-users", post(list_users))
        .route(
            "/stores/{store_id}/assertions/{model_id}",
            put(write_assertions).get(read_assertions),
        )
        .with_state(app)
}

// ---------------------------------------------------------------------------------------
// Request reading

/// Parses a JSON body (an empty body is `{}`); errors name the field.
fn body<T: DeserializeOwned>(bytes: &Bytes) -> ApiResult<T> {
    let text: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        bytes
    };
    let mut de = serde_json::Deserializer::from_slice(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." {
            ApiError::validation(format!("invalid request body: {inner}"))
        } else {
            ApiError::validation(format!("invalid request body at `{path}`: {inner}"))
        }
    })
}

/// OpenFGA's id pattern: 26 characters of Crockford's base 32.
fn ulid_field(field: &str, value: &str) -> ApiResult<()> {
    let ok = value.len() == 26
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b.is_ascii_uppercase() && !b"ILOU".contains(&b)));
    if ok {
        Ok(())
    } else {
        Err(ApiError::validation(format!(
            "invalid {field} `{value}`: must be a ULID"
        )))
    }
}

fn model_id(id: &Option<String>) -> ApiResult<Option<&str>> {
    match id.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => ulid_field("authorization_model_id", id).map(|()| Some(id)),
        None => Ok(None),
    }
}

fn consistency(value: &Option<String>) -> ApiResult<()> {
    match value.as_deref() {
        None
        | Some("")
        | Some("UNSPECIFIED")
        | Some("CONSISTENCY_UNSPECIFIED")
        | Some("MINIMIZE_LATENCY")
        | Some("HIGHER_CONSISTENCY") => Ok(()),
        Some(other) => Err(ApiError::validation(format!(
            "invalid consistency `{other}`: use MINIMIZE_LATENCY or HIGHER_CONSISTENCY"
        ))),
    }
}

fn page_size(query: &HashMap<String, String>) -> ApiResult<usize> {
    match query.get("page_size").filter(|s| !s.is_empty()) {
        None => Ok(DEFAULT_PAGE_SIZE),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
            _ => Err(ApiError::validation(format!(
                "invalid page_size `{s}`: must be between 1 and {MAX_PAGE_SIZE}"
            ))),
        },
    }
}

fn body_page_size(size: Option<usize>) -> ApiResult<usize> {
    match size {
        None | Some(0) => Ok(DEFAULT_PAGE_SIZE),
        Some(n) if n <= MAX_PAGE_SIZE => Ok(n),
        Some(n) => Err(ApiError::validation(format!(
            "invalid page_size {n}: must be between 1 and {MAX_PAGE_SIZE}"
        ))),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ContextualTuples {
    tuple_keys: Vec<TupleKey>,
}

#[derive(Debug, Deserialize)]
struct ObjectRelation {
    #[serde(default)]
    relation: String,
    #[serde(default)]
    object: String,
}

#[derive(Debug, Deserialize)]
struct UserObjectRelation {
    user: String,
    relation: String,
    object: String,
}

// ---------------------------------------------------------------------------------------
// Response shapes

fn store_json(s: &FgaStoreRecord) -> Value {
    json!({
        "id": s.id,
        "name": s.name,
        "created_at": s.created_at,
        "updated_at": s.updated_at,
    })
}

fn model_json(m: &FgaModelRecord) -> Value {
    let mut value = serde_json::to_value(&m.model).unwrap_or(Value::Null);
    if let Some(obj) = value.as_object_mut() {
        obj.insert("id".into(), Value::String(m.id.clone()));
        obj.entry("conditions").or_insert_with(|| json!({}));
    }
    value
}

fn tuple_json(t: &TupleKey) -> Value {
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// `users` entries of ListUsers: `{object}`, `{userset}` or `{wildcard}`.
fn user_json(user: &str) -> Value {
    match User::parse(user) {
        Some(User::Object { type_name, id }) => json!({"object": {"type": type_name, "id": id}}),
        Some(User::Wildcard { type_name }) => json!({"wildcard": {"type": type_name}}),
        Some(User::Userset {
            type_name,
            id,
            relation,
        }) => json!({"userset": {"type": type_name, "id": id, "relation": relation}}),
        None => json!({}),
    }
}

/// An Expand node in OpenFGA's shape: leaves hold users, a computed userset or a
/// tuple-to-userset; inner nodes hold their children.
fn node_json(node: &UsersetTreeNode) -> Value {
    match node {
        UsersetTreeNode::Users { name, users } => {
            json!({"name": name, "leaf": {"users": {"users": users}}})
        }
        UsersetTreeNode::Computed { name, userset } => {
            json!({"name": name, "leaf": {"computed": {"userset": userset}}})
        }
        UsersetTreeNode::TupleToUserset {
            name,
            tupleset,
            computed,
        } => {
            let computed: Vec<Value> = computed.iter().map(|u| json!({"userset": u})).collect();
            json!({"name": name, "leaf": {"tupleToUserset": {"tupleset": tupleset, "computed": computed}}})
        }
        UsersetTreeNode::Union { name, nodes } => {
            json!({"name": name, "union": {"nodes": nodes.iter().map(node_json).collect::<Vec<_>>()}})
        }
        UsersetTreeNode::Intersection { name, nodes } => {
            json!({"name": name, "intersection": {"nodes": nodes.iter().map(node_json).collect::<Vec<_>>()}})
        }
        UsersetTreeNode::Difference {
            name,
            base,
            subtract,
        } => {
            json!({"name": name, "difference": {"base": node_json(base), "subtract": node_json(subtract)}})
        }
    }
}

fn token(page_token: Option<String>) -> String {
    page_token.unwrap_or_default()
}

/// Pages a list of records ordered by id, continuing after the id in the token.
fn page_by_id<T>(
    items: Vec<T>,
    id: impl Fn(&T) -> &str,
    size: usize,
    after: Option<&str>,
) -> (Vec<T>, String) {
    let mut rest: Vec<T> = match after.filter(|t| !t.is_empty()) {
        Some(after) => items.into_iter().filter(|i| id(i) > after).collect(),
        None => items,
    };
    if rest.len() > size {
        rest.truncate(size);
        let next = rest.last().map(|i| id(i).to_owned()).unwrap_or_default();
        (rest, next)
    } else {
        (rest, String::new())
    }
}

// ---------------------------------------------------------------------------------------
// Stores

#[derive(Debug, Deserialize)]
struct CreateStore {
    name: String,
}

async fn create_store(State(app): State<App>, bytes: Bytes) -> ApiResult {
    let req: CreateStore = body(&bytes)?;
    if req.name.is_empty() || req.name.chars().count() > 64 {
        return Err(ApiError::validation(
            "invalid name: must be 1 to 64 characters",
        ));
    }
    let store = app.fga_create_store(&req.name).await?;
    Ok((StatusCode::CREATED, Json(store_json(&store))).into_response())
}

async fn list_stores(
    State(app): State<App>,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    let size = page_size(&query)?;
    let mut stores = app.fga_stores().await?;
    if let Some(name) = query.get("name").filter(|n| !n.is_empty()) {
        stores.retain(|s| &s.name == name);
    }
    let (page, next) = page_by_id(
        stores,
        |s| s.id.as_str(),
        size,
        query.get("continuation_token").map(String::as_str),
    );
    Ok(Json(json!({
        "stores": page.iter().map(store_json).collect::<Vec<_>>(),
        "continuation_token": next,
    }))
    .into_response())
}

async fn get_store(State(app): State<App>, Path(store_id): Path<String>) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let store = app.fga_store(&store_id).await?;
    Ok(Json(store_json(&store)).into_response())
}

async fn delete_store(State(app): State<App>, Path(store_id): Path<String>) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    app.fga_delete_store(&store_id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// ---------------------------------------------------------------------------------------
// Models

async fn write_model(
    State(app): State<App>,
    Path(store_id): Path<String>,
    bytes: Bytes,
) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let model: deputy_authz::AuthorizationModel = body(&bytes)?;
    let id = app.fga_write_model(&store_id, &model).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "authorization_model_id": id })),
    )
        .into_response())
}

async fn read_models(
    State(app): State<App>,
    Path(store_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let size = page_size(&query)?;
    // Newest first, as OpenFGA lists them: page by descending id.
    let models = app.fga_models(&store_id).await?;
    let after = query
        .get("continuation_token")
        .filter(|t| !t.is_empty())
        .cloned();
    let mut rest: Vec<FgaModelRecord> = match &after {
        Some(after) => models
            .into_iter()
            .filter(|m| m.id.as_str() < after.as_str())
            .collect(),
        None => models,
    };
    let mut next = String::new();
    if rest.len() > size {
        rest.truncate(size);
        next = rest.last().map(|m| m.id.clone()).unwrap_or_default();
    }
    Ok(Json(json!({
        "authorization_models": rest.iter().map(model_json).collect::<Vec<_>>(),
        "continuation_token": next,
    }))
    .into_response())
}

async fn read_model(
    State(app): State<App>,
    Path((store_id, model_id)): Path<(String, String)>,
) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    ulid_field("authorization_model_id", &model_id)?;
    let model = app.fga_model(&store_id, Some(&model_id)).await?;
    Ok(Json(json!({ "authorization_model": model_json(&model) })).into_response())
}

// ---------------------------------------------------------------------------------------
// Tuples

#[derive(Debug, Deserialize)]
struct WriteSet {
    #[serde(default)]
    tuple_keys: Vec<TupleKey>,
    #[serde(default)]
    on_duplicate: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DeleteSet {
    #[serde(default)]
    tuple_keys: Vec<UserObjectRelation>,
    #[serde(default)]
    on_missing: Option<String>,
}

#[derive(Debug, Deserialize)]
struct WriteBody {
    #[serde(default)]
    writes: Option<WriteSet>,
    #[serde(default)]
    deletes: Option<DeleteSet>,
    #[serde(default)]
    authorization_model_id: Option<String>,
}

/// `error` (the default) or `ignore`.
fn ignore_flag(field: &str, value: &Option<String>) -> ApiResult<bool> {
    match value.as_deref() {
        None | Some("") | Some("error") => Ok(false),
        Some("ignore") => Ok(true),
        Some(other) => Err(ApiError::validation(format!(
            "invalid {field} `{other}`: use `error` or `ignore`"
        ))),
    }
}

async fn write(State(app): State<App>, Path(store_id): Path<String>, bytes: Bytes) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let req: WriteBody = body(&bytes)?;
    let model_id = model_id(&req.authorization_model_id)?;
    let (writes, on_duplicate) = match req.writes {
        Some(w) => (w.tuple_keys, ignore_flag("on_duplicate", &w.on_duplicate)?),
        None => (Vec::new(), false),
    };
    let (deletes, on_missing) = match req.deletes {
        Some(d) => (
            d.tuple_keys
                .into_iter()
                .map(|k| TupleKey {
                    user: k.user,
                    relation: k.relation,
                    object: k.object,
                    condition: None,
                })
                .collect::<Vec<_>>(),
            ignore_flag("on_missing", &d.on_missing)?,
        ),
        None => (Vec::new(), false),
    };
    if writes.len() + deletes.len() > MAX_TUPLES_PER_WRITE {
        return Err(ApiError::validation(format!(
            "the number of write operations exceeds the allowed limit of {MAX_TUPLES_PER_WRITE}"
        )));
    }
    app.fga_write(
        &store_id,
        model_id,
        &writes,
        &deletes,
        on_duplicate,
        on_missing,
    )
    .await?;
    Ok(Json(json!({})).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ReadKey {
    user: String,
    relation: String,
    object: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ReadBody {
    tuple_key: Option<ReadKey>,
    page_size: Option<usize>,
    continuation_token: Option<String>,
    consistency: Option<String>,
}

async fn read(State(app): State<App>, Path(store_id): Path<String>, bytes: Bytes) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let req: ReadBody = body(&bytes)?;
    consistency(&req.consistency)?;
    let key = req.tuple_key.unwrap_or_default();
    if !key.object.is_empty() && !key.object.contains(':') {
        return Err(ApiError::validation(format!(
            "invalid object `{}`: use `type:id` or `type:`",
            key.object
        )));
    }
    if key.object.ends_with(':') && key.user.is_empty() {
        return Err(ApiError::validation(
            "reading every object of a type needs a user",
        ));
    }
    let filter = FgaReadFilter {
        object: key.object,
        relation: key.relation,
        user: key.user,
    };
    let FgaPage {
        items,
        continuation_token,
    } = app
        .fga_read(
            &store_id,
            &filter,
            body_page_size(req.page_size)?,
            req.continuation_token.as_deref(),
        )
        .await?;
    let tuples: Vec<Value> = items
        .iter()
        .map(|t| json!({"key": tuple_json(&t.key), "timestamp": t.timestamp}))
        .collect();
    Ok(
        Json(json!({"tuples": tuples, "continuation_token": token(continuation_token)}))
            .into_response(),
    )
}

async fn changes(
    State(app): State<App>,
    Path(store_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let size = page_size(&query)?;
    let FgaPage {
        items,
        continuation_token,
    } = app
        .fga_changes(
            &store_id,
            query
                .get("type")
                .map(String::as_str)
                .filter(|t| !t.is_empty()),
            size,
            query.get("continuation_token").map(String::as_str),
            query.get("start_time").map(String::as_str),
        )
        .await?;
    let changes: Vec<Value> = items
        .iter()
        .map(|c: &FgaChange| {
            json!({
                "tuple_key": tuple_json(&c.key),
                "operation": match c.operation {
                    FgaOperation::Write => "TUPLE_OPERATION_WRITE",
                    FgaOperation::Delete => "TUPLE_OPERATION_DELETE",
                },
                "timestamp": c.timestamp,
            })
        })
        .collect();
    Ok(
        Json(json!({"changes": changes, "continuation_token": token(continuation_token)}))
            .into_response(),
    )
}

// ---------------------------------------------------------------------------------------
// Questions

#[derive(Debug, Deserialize)]
struct CheckBody {
    tuple_key: UserObjectRelation,
    #[serde(default)]
    contextual_tuples: ContextualTuples,
    #[serde(default)]
    context: RequestContext,
    #[serde(default)]
    authorization_model_id: Option<String>,
    #[serde(default)]
    consistency: Option<String>,
}

fn check_request(
    key: UserObjectRelation,
    contextual: ContextualTuples,
    context: RequestContext,
) -> CheckRequest {
    CheckRequest {
        tuple_key: TupleKey {
            user: key.user,
            relation: key.relation,
            object: key.object,
            condition: None,
        },
        contextual_tuples: contextual.tuple_keys,
        context,
    }
}

async fn check(State(app): State<App>, Path(store_id): Path<String>, bytes: Bytes) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let req: CheckBody = body(&bytes)?;
    consistency(&req.consistency)?;
    let model_id = model_id(&req.authorization_model_id)?;
    let request = check_request(req.tuple_key, req.contextual_tuples, req.context);
    let allowed = app.fga_check(&store_id, model_id, request).await?;
    Ok(Json(json!({"allowed": allowed, "resolution": ""})).into_response())
}

#[derive(Debug, Deserialize)]
struct BatchItem {
    tuple_key: UserObjectRelation,
    #[serde(default)]
    contextual_tuples: ContextualTuples,
    #[serde(default)]
    context: RequestContext,
    correlation_id: String,
}

#[derive(Debug, Deserialize)]
struct BatchBody {
    checks: Vec<BatchItem>,
    #[serde(default)]
    authorization_model_id: Option<String>,
    #[serde(default)]
    consistency: Option<String>,
}

/// OpenFGA's correlation id pattern `^[\w\d-]{1,36}$`.
fn correlation_id_ok(id: &str) -> bool {
    (1..=36).contains(&id.chars().count())
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

async fn batch_check(
    State(app): State<App>,
    Path(store_id): Path<String>,
    bytes: Bytes,
) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let req: BatchBody = body(&bytes)?;
    consistency(&req.consistency)?;
    let model_id = model_id(&req.authorization_model_id)?;
    if req.checks.is_empty() {
        return Err(ApiError::validation(
            "checks: at least one check is required",
        ));
    }
    let mut ids = Vec::with_capacity(req.checks.len());
    let mut seen = HashSet::new();
    let mut requests = Vec::with_capacity(req.checks.len());
    for (n, item) in req.checks.into_iter().enumerate() {
        if !correlation_id_ok(&item.correlation_id) {
            return Err(ApiError::validation(format!(
                "checks[{n}].correlation_id `{}` must be 1 to 36 letters, digits, `_` or `-`",
                item.correlation_id
            )));
        }
        if !seen.insert(item.correlation_id.clone()) {
            return Err(ApiError::validation(format!(
                "duplicate correlation_id `{}`",
                item.correlation_id
            )));
        }
        ids.push(item.correlation_id);
        requests.push(check_request(
            item.tuple_key,
            item.contextual_tuples,
            item.context,
        ));
    }
    let outcomes = app.fga_batch_check(&store_id, model_id, requests).await?;
    let mut result = serde_json::Map::new();
    for (id, outcome) in ids.into_iter().zip(outcomes) {
        let entry = match outcome {
            Ok(allowed) => json!({"allowed": allowed}),
            Err(e) => {
                let kind = if e.code.http_status() == 500 {
                    "internal_error"
                } else {
                    "input_error"
                };
                json!({"allowed": false, "error": {kind: e.code.name(), "message": e.message}})
            }
        };
        result.insert(id, entry);
    }
    Ok(Json(json!({ "result": result })).into_response())
}

#[derive(Debug, Deserialize)]
struct ExpandBody {
    tuple_key: ObjectRelation,
    #[serde(default)]
    contextual_tuples: ContextualTuples,
    #[serde(default)]
    authorization_model_id: Option<String>,
    #[serde(default)]
    consistency: Option<String>,
}

async fn expand(State(app): State<App>, Path(store_id): Path<String>, bytes: Bytes) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let req: ExpandBody = body(&bytes)?;
    consistency(&req.consistency)?;
    let model_id = model_id(&req.authorization_model_id)?;
    let tree = app
        .fga_expand(
            &store_id,
            model_id,
            req.tuple_key.object,
            req.tuple_key.relation,
            req.contextual_tuples.tuple_keys,
        )
        .await?;
    Ok(Json(json!({"tree": {"root": node_json(&tree.root)}})).into_response())
}

#[derive(Debug, Deserialize)]
struct ListObjectsBody {
    #[serde(rename = "type")]
    object_type: String,
    relation: String,
    user: String,
    #[serde(default)]
    contextual_tuples: ContextualTuples,
    #[serde(default)]
    context: RequestContext,
    #[serde(default)]
    authorization_model_id: Option<String>,
    #[serde(default)]
    consistency: Option<String>,
}

async fn objects_of(app: &App, store_id: &str, bytes: &Bytes) -> ApiResult<Vec<String>> {
    ulid_field("store_id", store_id)?;
    let req: ListObjectsBody = body(bytes)?;
    consistency(&req.consistency)?;
    let model_id = model_id(&req.authorization_model_id)?;
    let request = ListObjectsRequest {
        object_type: req.object_type,
        relation: req.relation,
        user: req.user,
        contextual_tuples: req.contextual_tuples.tuple_keys,
        context: req.context,
    };
    Ok(app.fga_list_objects(store_id, model_id, request).await?)
}

async fn list_objects(
    State(app): State<App>,
    Path(store_id): Path<String>,
    bytes: Bytes,
) -> ApiResult {
    let objects = objects_of(&app, &store_id, &bytes).await?;
    Ok(Json(json!({ "objects": objects })).into_response())
}

/// Newline-delimited `{"result": {"object": …}}` messages, as OpenFGA's gateway streams.
async fn streamed_list_objects(
    State(app): State<App>,
    Path(store_id): Path<String>,
    bytes: Bytes,
) -> ApiResult {
    let objects = objects_of(&app, &store_id, &bytes).await?;
    let mut text = String::new();
    for object in objects {
        text.push_str(&json!({"result": {"object": object}}).to_string());
        text.push('\n');
    }
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        Body::from(text),
    )
        .into_response())
}

#[derive(Debug, Deserialize)]
struct ObjectRef {
    #[serde(rename = "type")]
    object_type: String,
    id: String,
}

#[derive(Debug, Deserialize)]
struct UserTypeFilter {
    #[serde(rename = "type")]
    type_name: String,
    #[serde(default)]
    relation: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ListUsersBody {
    object: ObjectRef,
    relation: String,
    user_filters: Vec<UserTypeFilter>,
    #[serde(default)]
    contextual_tuples: Vec<TupleKey>,
    #[serde(default)]
    context: RequestContext,
    #[serde(default)]
    authorization_model_id: Option<String>,
    #[serde(default)]
    consistency: Option<String>,
}

async fn list_users(
    State(app): State<App>,
    Path(store_id): Path<String>,
    bytes: Bytes,
) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    let req: ListUsersBody = body(&bytes)?;
    consistency(&req.consistency)?;
    let model_id = model_id(&req.authorization_model_id)?;
    if req.user_filters.len() != 1 {
        return Err(ApiError::validation(
            "user_filters: exactly one filter is required",
        ));
    }
    let request = ListUsersRequest {
        object: format!("{}:{}", req.object.object_type, req.object.id),
        relation: req.relation,
        filters: req
            .user_filters
            .into_iter()
            .map(|f| UserFilter {
                type_name: f.type_name,
                relation: f.relation.filter(|r| !r.is_empty()),
            })
            .collect(),
        contextual_tuples: req.contextual_tuples,
        context: req.context,
    };
    let users = app.fga_list_users(&store_id, model_id, request).await?;
    Ok(
        Json(json!({"users": users.iter().map(|u| user_json(u)).collect::<Vec<_>>()}))
            .into_response(),
    )
}

// ---------------------------------------------------------------------------------------
// Assertions

#[derive(Debug, Deserialize)]
struct Assertion {
    #[allow(dead_code)]
    tuple_key: UserObjectRelation,
    #[allow(dead_code)]
    expectation: bool,
}

async fn write_assertions(
    State(app): State<App>,
    Path((store_id, model_id)): Path<(String, String)>,
    bytes: Bytes,
) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    ulid_field("authorization_model_id", &model_id)?;
    let req: Value = body(&bytes)?;
    let assertions = req.get("assertions").cloned().unwrap_or(json!([]));
    // Check the shape of each assertion; they are stored as given.
    let _: Vec<Assertion> = serde_path_to_error::deserialize(assertions.clone()).map_err(|e| {
        ApiError::validation(format!(
            "invalid assertions at `{}`: {}",
            e.path(),
            e.inner()
        ))
    })?;
    app.fga_write_assertions(&store_id, &model_id, &assertions)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn read_assertions(
    State(app): State<App>,
    Path((store_id, model_id)): Path<(String, String)>,
) -> ApiResult {
    ulid_field("store_id", &store_id)?;
    ulid_field("authorization_model_id", &model_id)?;
    let assertions = app.fga_assertions(&store_id, &model_id).await?;
    Ok(Json(json!({"authorization_model_id": model_id, "assertions": assertions})).into_response())
}
