//! OpenFGA stores, models and tuples in the database, checked against the in-memory tuple
//! store wherever the two must agree.

use deputy_authz::engine::{
    CheckRequest, Engine, ListObjectsRequest, ListUsersRequest, TupleReader, UserFilter,
};
use deputy_authz::memory::MemoryTuples;
use deputy_authz::tuple::RelationshipCondition;
use deputy_authz::{AuthorizationModel, ErrorCode, FgaError, TupleKey, dsl};
use deputy_store::{FgaOperation, FgaReadFilter, FgaSqlReader, Store, StoreError};
use std::collections::BTreeSet;

const MODEL: &str = r#"model
  schema 1.1
type user
type group
  relations
    define member: [user, user:*, group#member]
type folder
  relations
    define viewer: [user, group#member]
type document
  relations
    define parent: [folder]
    define owner: [user]
    define editor: [user]
    define blocked: [user]
    define viewer: [user, group#member, user with fresh] or owner or viewer from parent
    define can_view: viewer but not blocked
    define can_edit: editor and can_view
condition fresh(now: timestamp, granted: timestamp, ttl: duration) {
  now < granted + ttl
}
"#;

fn model() -> AuthorizationModel {
    dsl::parse_and_validate(MODEL).unwrap_or_else(|e| panic!("model: {e:?}"))
}

fn tuple(user: &str, relation: &str, object: &str) -> TupleKey {
    TupleKey {
        user: user.into(),
        relation: relation.into(),
        object: object.into(),
        condition: None,
    }
}

async fn each_backend<F, Fut>(suite: &str, f: F)
where
    F: Fn(Store) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for db in deputy_testkit::all_backends(suite).await {
        let store = Store::connect(&db.url)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", db.backend));
        f(store.clone()).await;
        store.close().await;
        db.cleanup().await;
    }
}

/// A store with [`MODEL`] written; returns the store id and the model id.
async fn store_with_model(store: &Store) -> (String, String) {
    let s = store.fga_create_store("test").await.unwrap();
    let model_id = store.fga_write_model(&s.id, &model()).await.unwrap();
    (s.id, model_id)
}

fn fga_code(result: Result<impl std::fmt::Debug, StoreError>) -> (ErrorCode, String) {
    match result {
        Err(StoreError::Fga(e)) => (e.code, e.message),
        other => panic!("expected an OpenFGA error, got {other:?}"),
    }
}

async fn all_tuples(store: &Store, store_id: &str) -> BTreeSet<(String, String, String)> {
    let (tuples, token) = store
        .fga_read_tuples(store_id, &FgaReadFilter::default(), 100_000, None)
        .await
        .unwrap();
    assert_eq!(token, None);
    tuples
        .into_iter()
        .map(|t| (t.key.object, t.key.relation, t.key.user))
        .collect()
}

fn memory_tuples(memory: &MemoryTuples) -> BTreeSet<(String, String, String)> {
    memory
        .tuples()
        .map(|t| (t.object.clone(), t.relation.clone(), t.user.clone()))
        .collect()
}

#[tokio::test]
async fn stores_and_models_have_a_lifecycle() {
    each_backend("stores_and_models_have_a_lifecycle", |store| async move {
        let a = store.fga_create_store("alpha").await.unwrap();
        let b = store.fga_create_store("beta").await.unwrap();
        assert_eq!(a.id.len(), 26);
        assert!(a.id < b.id, "ids are ULIDs in creation order");
        assert_eq!(store.fga_store(&a.id).await.unwrap(), a);
        let names: Vec<_> = store
            .fga_stores()
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["alpha", "beta"]);
        assert_eq!(
            fga_code(store.fga_create_store(" ").await).0,
            ErrorCode::ValidationError
        );

        assert_eq!(
            fga_code(store.fga_latest_model(&a.id).await).0,
            ErrorCode::LatestAuthorizationModelNotFound
        );
        let first = store.fga_write_model(&a.id, &model()).await.unwrap();
        let mut second_model = model();
        second_model.id = Some("ignored".into());
        let second = store.fga_write_model(&a.id, &second_model).await.unwrap();
        assert!(first < second);
        let latest = store.fga_latest_model(&a.id).await.unwrap();
        assert_eq!(latest.id, second);
        assert_eq!(latest.model.id.as_deref(), Some(second.as_str()));
        let mut expected = model();
        expected.id = Some(first.clone());
        assert_eq!(
            store.fga_model(&a.id, &first).await.unwrap().model,
            expected
        );
        let ids: Vec<_> = store
            .fga_models(&a.id)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(ids, [second.clone(), first.clone()], "newest first");
        assert_eq!(
            fga_code(store.fga_model(&b.id, &first).await).0,
            ErrorCode::AuthorizationModelNotFound,
            "a model belongs to its store"
        );

        store.fga_delete_store(&a.id).await.unwrap();
        for result in [
            store.fga_store(&a.id).await.map(|_| ()),
            store.fga_delete_store(&a.id).await,
            store.fga_latest_model(&a.id).await.map(|_| ()),
            store.fga_write_model(&a.id, &model()).await.map(|_| ()),
            store
                .fga_write_tuples(&a.id, None, &[], &[], false, false)
                .await,
        ] {
            assert_eq!(fga_code(result).0, ErrorCode::StoreIdNotFound);
        }
        let left: Vec<_> = store
            .fga_stores()
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(left, [b.id]);
    })
    .await;
}

/// Applies each request to the database and to `MemoryTuples`: both must give the same
/// result (error code and message) and hold the same tuples afterwards.
#[tokio::test]
async fn writes_fail_like_memory_and_leave_nothing_behind() {
    each_backend("writes_fail_like_memory", |store| async move {
        let (store_id, model_id) = store_with_model(&store).await;
        let model = model();
        let mut memory = MemoryTuples::new();
        let requests: Vec<(Vec<TupleKey>, Vec<TupleKey>)> = vec![
            (
                vec![
                    tuple("user:anne", "owner", "document:1"),
                    tuple("group:eng#member", "viewer", "document:1"),
                    tuple("user:*", "member", "group:all"),
                ],
                vec![],
            ),
            // Already there.
            (vec![tuple("user:anne", "owner", "document:1")], vec![]),
            // A new tuple and an existing one: neither is written.
            (
                vec![
                    tuple("user:bob", "owner", "document:2"),
                    tuple("user:anne", "owner", "document:1"),
                ],
                vec![],
            ),
            // Twice in one request, as a write and a delete.
            (
                vec![tuple("user:bob", "owner", "document:2")],
                vec![tuple("user:bob", "owner", "document:2")],
            ),
            // Invalid: wrong type restriction, unknown relation, unknown type, bad object.
            (vec![tuple("group:eng", "owner", "document:3")], vec![]),
            (vec![tuple("user:anne", "nope", "document:3")], vec![]),
            (vec![tuple("user:anne", "owner", "widget:3")], vec![]),
            (vec![tuple("user:anne", "owner", "document")], vec![]),
            // The invalid tuple comes after a valid one: nothing is written.
            (
                vec![
                    tuple("user:carl", "owner", "document:4"),
                    tuple("user:carl", "owner", "document:bad id"),
                ],
                vec![],
            ),
            // Deleting a missing tuple, next to a valid delete: nothing is deleted.
            (
                vec![],
                vec![
                    tuple("user:anne", "owner", "document:1"),
                    tuple("user:zed", "owner", "document:1"),
                ],
            ),
            // A valid delete and write together.
            (
                vec![tuple("user:bob", "owner", "document:2")],
                vec![tuple("user:anne", "owner", "document:1")],
            ),
        ];
        for (i, (writes, deletes)) in requests.iter().enumerate() {
            let expected = memory.write(&model, writes, deletes);
            let got = store
                .fga_write_tuples(&store_id, Some(&model_id), writes, deletes, false, false)
                .await;
            match (&expected, got) {
                (Ok(()), Ok(())) => {}
                (Err(e), Err(StoreError::Fga(g))) => assert_eq!(&g, e, "request {i}"),
                (e, g) => panic!("request {i}: memory {e:?}, database {g:?}"),
            }
            assert_eq!(
                all_tuples(&store, &store_id).await,
                memory_tuples(&memory),
                "request {i}"
            );
        }
        // The codes the brief promises, in one place.
        let codes: Vec<u32> = [
            store
                .fga_write_tuples(
                    &store_id,
                    None,
                    &[tuple("user:x", "owner", "document:9")],
                    &[tuple("user:x", "owner", "document:9")],
                    false,
                    false,
                )
                .await,
            store
                .fga_write_tuples(
                    &store_id,
                    None,
                    &[tuple("user:x", "nope", "document:9")],
                    &[],
                    false,
                    false,
                )
                .await,
            store
                .fga_write_tuples(
                    &store_id,
                    None,
                    &[tuple("user:bob", "owner", "document:2")],
                    &[],
                    false,
                    false,
                )
                .await,
            store
                .fga_write_tuples(
                    &store_id,
                    Some("01ARZ3NDEKTSV4RRFFQ69G5FAV"),
                    &[],
                    &[],
                    false,
                    false,
                )
                .await,
        ]
        .into_iter()
        .map(|r| fga_code(r).0.code())
        .collect();
        assert_eq!(codes, [2004, 2027, 2017, 2001]);
    })
    .await;
}

#[tokio::test]
async fn ignore_flags_skip_duplicates_and_missing_tuples() {
    each_backend("ignore_flags", |store| async move {
        let (store_id, _) = store_with_model(&store).await;
        let anne = tuple("user:anne", "owner", "document:1");
        store
            .fga_write_tuples(
                &store_id,
                None,
                std::slice::from_ref(&anne),
                &[],
                false,
                false,
            )
            .await
            .unwrap();
        let bob = tuple("user:bob", "owner", "document:1");
        store
            .fga_write_tuples(
                &store_id,
                None,
                &[anne.clone(), bob.clone()],
                &[],
                true,
                false,
            )
            .await
            .unwrap();
        // An existing tuple with another condition is still a conflict.
        let mut conditioned = tuple("user:anne", "viewer", "document:1");
        store
            .fga_write_tuples(
                &store_id,
                None,
                std::slice::from_ref(&conditioned),
                &[],
                false,
                false,
            )
            .await
            .unwrap();
        conditioned.condition = Some(RelationshipCondition {
            name: "fresh".into(),
            context: None,
        });
        assert_eq!(
            fga_code(
                store
                    .fga_write_tuples(&store_id, None, &[conditioned], &[], true, false)
                    .await
            )
            .0,
            ErrorCode::WriteFailedDueToInvalidInput
        );
        let missing = tuple("user:zed", "owner", "document:1");
        store
            .fga_write_tuples(&store_id, None, &[], &[missing, bob], false, true)
            .await
            .unwrap();
        let left = all_tuples(&store, &store_id).await;
        assert_eq!(left.len(), 2, "{left:?}");
        let (changes, _) = store.fga_changes(&store_id, None, 100, None).await.unwrap();
        let ops: Vec<_> = changes
            .iter()
            .map(|c| (c.operation, c.key.user.as_str()))
            .collect();
        assert_eq!(
            ops,
            [
                (FgaOperation::Write, "user:anne"),
                (FgaOperation::Write, "user:bob"),
                (FgaOperation::Write, "user:anne"),
                (FgaOperation::Delete, "user:bob"),
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn reads_filter_and_page() {
    each_backend("reads_filter_and_page", |store| async move {
        let (store_id, _) = store_with_model(&store).await;
        let mut writes = Vec::new();
        for d in 0..5 {
            for u in 0..4 {
                writes.push(tuple(
                    &format!("user:u{u}"),
                    "owner",
                    &format!("document:d{d}"),
                ));
            }
            writes.push(tuple(
                "group:eng#member",
                "viewer",
                &format!("document:d{d}"),
            ));
        }
        writes.push(tuple("user:u0", "viewer", "folder:f"));
        let mut conditioned = tuple("user:u9", "viewer", "document:d0");
        conditioned.condition = Some(RelationshipCondition {
            name: "fresh".into(),
            context: Some(r#"{"ttl":"1h"}"#.into()),
        });
        writes.push(conditioned.clone());
        store
            .fga_write_tuples(&store_id, None, &writes, &[], false, false)
            .await
            .unwrap();

        let read = |object: &str, relation: &str, user: &str| {
            let store = store.clone();
            let store_id = store_id.clone();
            let filter = FgaReadFilter {
                object: object.into(),
                relation: relation.into(),
                user: user.into(),
            };
            async move {
                let (tuples, token) = store
                    .fga_read_tuples(&store_id, &filter, 1000, None)
                    .await
                    .unwrap();
                assert_eq!(token, None);
                tuples.into_iter().map(|t| t.key).collect::<Vec<_>>()
            }
        };
        assert_eq!(read("", "", "").await.len(), 27);
        assert_eq!(read("document:", "", "").await.len(), 26);
        assert_eq!(read("document:d0", "", "").await.len(), 6);
        assert_eq!(read("document:d0", "owner", "").await.len(), 4);
        assert_eq!(read("document:", "owner", "user:u1").await.len(), 5);
        assert_eq!(read("document:", "", "group:eng#member").await.len(), 5);
        assert_eq!(
            read("document:d0", "viewer", "user:u9").await,
            [conditioned],
            "conditions round-trip"
        );
        assert!(read("document:d9", "", "").await.is_empty());
        assert_eq!(
            fga_code(
                store
                    .fga_read_tuples(
                        &store_id,
                        &FgaReadFilter {
                            object: "document".into(),
                            ..Default::default()
                        },
                        10,
                        None
                    )
                    .await
            )
            .0,
            ErrorCode::ValidationError
        );

        // Pages of 10 cover everything once, in order.
        let mut pages = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let (tuples, next) = store
                .fga_read_tuples(&store_id, &FgaReadFilter::default(), 10, token.as_deref())
                .await
                .unwrap();
            pages.push(tuples.len());
            token = next;
            if token.is_none() {
                break;
            }
        }
        assert_eq!(pages, [10, 10, 7]);
        assert_eq!(
            fga_code(
                store
                    .fga_read_tuples(&store_id, &FgaReadFilter::default(), 10, Some("zz"))
                    .await
            )
            .0,
            ErrorCode::InvalidContinuationToken
        );
    })
    .await;
}

#[tokio::test]
async fn changes_are_logged_in_order() {
    each_backend("changes_are_logged_in_order", |store| async move {
        let (store_id, _) = store_with_model(&store).await;
        let writes: Vec<_> = (0..7)
            .map(|i| tuple(&format!("user:u{i}"), "owner", "document:1"))
            .collect();
        store
            .fga_write_tuples(&store_id, None, &writes, &[], false, false)
            .await
            .unwrap();
        store
            .fga_write_tuples(
                &store_id,
                None,
                &[tuple("user:u0", "viewer", "folder:f")],
                &[tuple("user:u3", "owner", "document:1")],
                false,
                false,
            )
            .await
            .unwrap();
        let (first, token) = store.fga_changes(&store_id, None, 5, None).await.unwrap();
        let (second, token) = store
            .fga_changes(&store_id, None, 5, token.as_deref())
            .await
            .unwrap();
        let users: Vec<_> = first
            .iter()
            .chain(&second)
            .map(|c| {
                (
                    c.operation.as_str(),
                    c.key.user.as_str(),
                    c.key.object.as_str(),
                )
            })
            .collect();
        assert_eq!(
            users,
            [
                ("write", "user:u0", "document:1"),
                ("write", "user:u1", "document:1"),
                ("write", "user:u2", "document:1"),
                ("write", "user:u3", "document:1"),
                ("write", "user:u4", "document:1"),
                ("write", "user:u5", "document:1"),
                ("write", "user:u6", "document:1"),
                ("delete", "user:u3", "document:1"),
                ("write", "user:u0", "folder:f"),
            ]
        );
        // Polling at the end yields nothing and keeps the position.
        let (none, same) = store
            .fga_changes(&store_id, None, 5, token.as_deref())
            .await
            .unwrap();
        assert!(none.is_empty());
        assert_eq!(same, token);
        let (folders, _) = store
            .fga_changes(&store_id, Some("folder"), 50, None)
            .await
            .unwrap();
        assert_eq!(folders.len(), 1);
        assert_eq!(
            fga_code(
                store
                    .fga_changes(&store_id, None, 5, Some("not-a-ulid"))
                    .await
            )
            .0,
            ErrorCode::InvalidContinuationToken
        );
    })
    .await;
}

/// A deterministic tuple set over [`MODEL`]: groups nested, folders, documents with
/// owners, editors, viewers, blocked users and parents.
fn equivalence_tuples() -> Vec<TupleKey> {
    let mut t = Vec::new();
    for u in 0..12 {
        t.push(tuple(
            &format!("user:u{u}"),
            "member",
            &format!("group:g{}", u % 3),
        ));
    }
    t.push(tuple("group:g0#member", "member", "group:g1"));
    t.push(tuple("group:g1#member", "member", "group:g2"));
    t.push(tuple("user:*", "member", "group:everyone"));
    for f in 0..3 {
        t.push(tuple(
            &format!("user:u{f}"),
            "viewer",
            &format!("folder:f{f}"),
        ));
        t.push(tuple(
            &format!("group:g{f}#member"),
            "viewer",
            &format!("folder:f{f}"),
        ));
    }
    for d in 0..15 {
        let doc = format!("document:d{d}");
        t.push(tuple(&format!("folder:f{}", d % 3), "parent", &doc));
        t.push(tuple(&format!("user:u{}", (d * 5) % 12), "owner", &doc));
        t.push(tuple(&format!("user:u{}", (d * 7) % 12), "editor", &doc));
        if d % 4 == 0 {
            t.push(tuple(&format!("user:u{}", (d * 7) % 12), "blocked", &doc));
        }
        if d % 5 == 1 {
            t.push(tuple("group:everyone#member", "viewer", &doc));
        }
    }
    t
}

#[tokio::test(flavor = "multi_thread")]
async fn engine_answers_alike_over_memory_and_sql() {
    each_backend("engine_answers_alike", |store| async move {
        let (store_id, _) = store_with_model(&store).await;
        let model = model();
        let tuples = equivalence_tuples();
        let mut memory = MemoryTuples::new();
        memory.write(&model, &tuples, &[]).unwrap();
        store
            .fga_write_tuples(&store_id, None, &tuples, &[], false, false)
            .await
            .unwrap();
        let engine = Engine::new(model);
        let sql = || {
            FgaSqlReader::new(
                store.clone(),
                store_id.clone(),
                tokio::runtime::Handle::current(),
            )
        };

        let users: Vec<String> = (0..13)
            .map(|u| format!("user:u{u}"))
            .chain(["group:g0#member".into(), "group:g2#member".into()])
            .collect();
        let objects: Vec<(String, Vec<&str>)> = (0..16)
            .map(|d| {
                (
                    format!("document:d{d}"),
                    vec!["owner", "viewer", "can_view", "can_edit", "blocked"],
                )
            })
            .chain((0..3).map(|f| (format!("folder:f{f}"), vec!["viewer"])))
            .chain((0..3).map(|g| (format!("group:g{g}"), vec!["member"])))
            .collect();
        let mut checks = 0;
        let mut allowed = 0;
        for (object, relations) in &objects {
            for relation in relations {
                for user in &users {
                    let request = CheckRequest {
                        tuple_key: tuple(user, relation, object),
                        contextual_tuples: vec![],
                        context: Default::default(),
                    };
                    let want = engine.check(&memory, &request);
                    let got = engine.check(&sql(), &request);
                    assert_eq!(got, want, "check {user} {relation} {object}");
                    checks += 1;
                    allowed += usize::from(want == Ok(true));
                }
                let request = ListUsersRequest {
                    object: object.clone(),
                    relation: relation.to_string(),
                    filters: vec![UserFilter::parse("user"), UserFilter::parse("group#member")],
                    contextual_tuples: vec![],
                    context: Default::default(),
                };
                assert_eq!(
                    engine.list_users(&sql(), &request),
                    engine.list_users(&memory, &request),
                    "list_users {relation} {object}"
                );
            }
        }
        assert!(
            allowed > 20 && allowed < checks - 20,
            "{allowed} of {checks}"
        );
        for user in &users {
            for (object_type, relation) in [
                ("document", "can_view"),
                ("document", "can_edit"),
                ("document", "viewer"),
                ("folder", "viewer"),
                ("group", "member"),
            ] {
                let request = ListObjectsRequest {
                    object_type: object_type.into(),
                    relation: relation.into(),
                    user: user.clone(),
                    ..Default::default()
                };
                assert_eq!(
                    engine.list_objects(&sql(), &request),
                    engine.list_objects(&memory, &request),
                    "list_objects {object_type} {relation} {user}"
                );
            }
        }
        // One reader answers repeated reads from its cache, identically.
        let reader = sql();
        let first = reader.read("document:d1", "viewer").unwrap().into_owned();
        assert_eq!(
            reader.read("document:d1", "viewer").unwrap().into_owned(),
            first
        );
        assert_eq!(first.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn the_sql_reader_refuses_a_current_thread_runtime() {
    each_backend("sql_reader_current_thread", |store| async move {
        let (store_id, _) = store_with_model(&store).await;
        let reader = FgaSqlReader::new(store.clone(), store_id, tokio::runtime::Handle::current());
        let err: FgaError = reader.read("document:1", "owner").unwrap_err();
        assert_eq!(err.code, ErrorCode::InternalError);
        assert!(err.message.contains("multi-thread"), "{}", err.message);
    })
    .await;
}

/// The in-memory index follows every kind of write: new tuples, deletes, a tuple deleted and
/// written again with another condition in one request, writes by another `Store` handle
/// (another instance), and the loss of its store.
#[tokio::test]
async fn indexes_follow_the_store_revision() {
    each_backend("fga index", |store| async move {
        let (store_id, _) = store_with_model(&store).await;
        let other = store.clone();
        let indexes = deputy_store::FgaIndexes::new(1);
        let tuples = |i: &deputy_store::FgaIndexSnapshot| memory_tuples(i.tuples());
        let first = indexes
            .snapshot(&store, &store_id)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(tuples(&first).is_empty());
        assert_eq!(first.revision(), 0);
        drop(first);

        let fresh = |granted: &str| TupleKey {
            condition: Some(RelationshipCondition {
                name: "fresh".into(),
                context: Some(format!(r#"{{"granted":"{granted}","ttl":"1h"}}"#)),
            }),
            ..tuple("user:anne", "viewer", "document:1")
        };
        let writes = [
            fresh("2026-01-01T00:00:00Z"),
            tuple("user:bob", "owner", "document:1"),
        ];
        other
            .fga_write_tuples(&store_id, None, &writes, &[], false, false)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let second = indexes
            .snapshot(&store, &store_id)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(second.revision(), 1);
        assert_eq!(tuples(&second).len(), 2);
        drop(second);

        // Delete anne and bob, then write anne again with another condition context; the
        // index catches up on both revisions at once.
        let gone = [
            tuple("user:anne", "viewer", "document:1"),
            tuple("user:bob", "owner", "document:1"),
        ];
        other
            .fga_write_tuples(&store_id, None, &[], &gone, false, false)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let back = [fresh("2026-06-01T00:00:00Z")];
        other
            .fga_write_tuples(&store_id, None, &back, &[], false, false)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let third = indexes
            .snapshot(&store, &store_id)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(third.revision(), 3);
        let stored = third
            .tuples()
            .read_user("document:1", "viewer", "user:anne")
            .unwrap_or_else(|e| panic!("{e}"))
            .map(|t| t.into_owned());
        let context = stored.and_then(|t| t.condition).and_then(|c| c.context);
        assert!(
            context.is_some_and(|c| c.contains("2026-06-01")),
            "the new condition context"
        );
        assert_eq!(tuples(&third).len(), 1);
        drop(third);

        // A second store pushes the first out of a one-store cache; it reloads whole.
        let (second_store, _) = store_with_model(&store).await;
        drop(
            indexes
                .snapshot(&store, &second_store)
                .await
                .unwrap_or_else(|e| panic!("{e}")),
        );
        let again = indexes
            .snapshot(&store, &store_id)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tuples(&again).len(), 1);
        drop(again);

        store
            .fga_delete_store(&store_id)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let gone = indexes.snapshot(&store, &store_id).await.map(|_| ());
        assert_eq!(fga_code(gone).0, ErrorCode::StoreIdNotFound);
    })
    .await;
}
