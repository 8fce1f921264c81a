//! Engine behaviour the conformance corpus does not pin down: writes, conditions with every
//! parameter type, contextual-tuple limits, BatchCheck and Expand.

use deputy_authz::cel::RequestContext;
use deputy_authz::dsl;
use deputy_authz::engine::{CheckRequest, Engine, UsersetTreeNode};
use deputy_authz::memory::MemoryTuples;
use deputy_authz::tuple::RelationshipCondition;
use deputy_authz::{ErrorCode, TupleKey};
use serde_json::json;

const MODEL: &str = r#"model
  schema 1.1
type user
type group
  relations
    define member: [user, user:*, group#member]
type document
  relations
    define owner: [user]
    define blocked: [user]
    define viewer: [user, group#member, user with in_network, user with fresh, user with tags] or owner
    define can_view: viewer but not blocked
condition in_network(ip: ipaddress, cidr: string) {
  ip.in_cidr(cidr)
}
condition fresh(now: timestamp, granted: timestamp, ttl: duration) {
  now < granted + ttl
}
condition tags(wanted: list<string>, limits: map<int>, n: int) {
  wanted.exists(t, t == "a") && limits["max"] > n
}
"#;

fn tuple(user: &str, relation: &str, object: &str) -> TupleKey {
    TupleKey {
        user: user.into(),
        relation: relation.into(),
        object: object.into(),
        condition: None,
    }
}

fn with_condition(mut t: TupleKey, name: &str, context: Option<serde_json::Value>) -> TupleKey {
    t.condition = Some(RelationshipCondition {
        name: name.into(),
        context: context.map(|c| c.to_string()),
    });
    t
}

fn engine() -> Engine {
    Engine::new(dsl::parse(MODEL).unwrap())
}

fn context(value: serde_json::Value) -> RequestContext {
    match value {
        serde_json::Value::Object(m) => m,
        _ => panic!("context must be an object"),
    }
}

/// One Check, with its request context.
fn check(
    engine: &Engine,
    store: &MemoryTuples,
    user: &str,
    relation: &str,
    object: &str,
    ctx: serde_json::Value,
) -> Result<bool, ErrorCode> {
    engine
        .check(
            store,
            &CheckRequest {
                tuple_key: tuple(user, relation, object),
                contextual_tuples: vec![],
                context: context(ctx),
            },
        )
        .map_err(|e| e.code)
}

#[test]
fn writes_are_validated_and_transactional() {
    let engine = engine();
    let model = engine.model();
    let mut store = MemoryTuples::new();
    let anne = tuple("user:anne", "owner", "document:1");
    store
        .write(model, std::slice::from_ref(&anne), &[])
        .unwrap();

    let err = |r: Result<(), deputy_authz::FgaError>| r.unwrap_err().code;
    assert_eq!(
        err(store.write(model, std::slice::from_ref(&anne), &[])),
        ErrorCode::WriteFailedDueToInvalidInput
    );
    assert_eq!(
        err(store.write(model, &[], &[tuple("user:bob", "owner", "document:1")])),
        ErrorCode::WriteFailedDueToInvalidInput
    );
    let bob = tuple("user:bob", "owner", "document:1");
    assert_eq!(
        err(store.write(model, &[bob.clone(), bob.clone()], &[])),
        ErrorCode::CannotAllowDuplicateTuplesInOneRequest
    );
    for bad in [
        tuple("user:bob", "owner", "folder:1"),
        tuple("user:bob", "nope", "document:1"),
        tuple("user:*", "owner", "document:1"),
        tuple("group:eng#member", "owner", "document:1"),
        tuple("user:bob", "can_view", "document:1"),
        with_condition(tuple("user:bob", "owner", "document:1"), "in_network", None),
        with_condition(tuple("user:bob", "viewer", "document:1"), "unknown", None),
    ] {
        assert_eq!(
            err(store.write(model, std::slice::from_ref(&bad), &[])),
            ErrorCode::InvalidTuple,
            "{bad:?}"
        );
    }
    // One invalid tuple rejects the whole request.
    let carl = tuple("user:carl", "owner", "document:1");
    assert!(
        store
            .write(
                model,
                &[carl.clone(), tuple("user:x", "nope", "document:1")],
                &[]
            )
            .is_err()
    );
    assert_eq!(
        check(
            &engine,
            &store,
            "user:carl",
            "owner",
            "document:1",
            json!({})
        ),
        Ok(false)
    );
    // Deleting and writing in one request.
    store.write(model, &[carl], &[anne]).unwrap();
    assert_eq!(
        check(
            &engine,
            &store,
            "user:anne",
            "owner",
            "document:1",
            json!({})
        ),
        Ok(false)
    );
    assert_eq!(
        check(
            &engine,
            &store,
            "user:carl",
            "owner",
            "document:1",
            json!({})
        ),
        Ok(true)
    );
    assert_eq!(store.len(), 1);
}

#[test]
fn conditions_with_every_parameter_kind() {
    let engine = engine();
    let mut store = MemoryTuples::new();
    store
        .write(
            engine.model(),
            &[
                with_condition(
                    tuple("user:anne", "viewer", "document:ip"),
                    "in_network",
                    Some(json!({"cidr": "10.0.0.0/8"})),
                ),
                with_condition(
                    tuple("user:anne", "viewer", "document:time"),
                    "fresh",
                    Some(json!({"granted": "2026-01-01T00:00:00Z", "ttl": "1h30m"})),
                ),
                with_condition(
                    tuple("user:anne", "viewer", "document:tags"),
                    "tags",
                    Some(json!({"limits": {"max": "5"}})),
                ),
            ],
            &[],
        )
        .unwrap();
    let c = |object: &str, ctx| check(&engine, &store, "user:anne", "viewer", object, ctx);
    assert_eq!(c("document:ip", json!({"ip": "10.1.2.3"})), Ok(true));
    assert_eq!(c("document:ip", json!({"ip": "192.168.0.1"})), Ok(false));
    // Persisted context wins over the request's.
    assert_eq!(
        c(
            "document:ip",
            json!({"ip": "10.1.2.3", "cidr": "192.168.0.0/16"})
        ),
        Ok(true)
    );
    assert_eq!(
        c("document:ip", json!({"ip": "not an ip"})),
        Err(ErrorCode::ValidationError)
    );
    assert_eq!(c("document:ip", json!({})), Err(ErrorCode::ValidationError));
    assert_eq!(
        c("document:time", json!({"now": "2026-01-01T01:00:00Z"})),
        Ok(true)
    );
    assert_eq!(
        c("document:time", json!({"now": "2026-01-01T02:00:00+00:00"})),
        Ok(false)
    );
    assert_eq!(
        c("document:time", json!({"now": "yesterday"})),
        Err(ErrorCode::ValidationError)
    );
    assert_eq!(
        c("document:tags", json!({"wanted": ["b", "a"], "n": "4"})),
        Ok(true)
    );
    assert_eq!(
        c("document:tags", json!({"wanted": ["b"], "n": 4})),
        Ok(false)
    );
    assert_eq!(
        c("document:tags", json!({"wanted": ["a"], "n": 5})),
        Ok(false)
    );
    assert_eq!(
        c("document:tags", json!({"wanted": "a", "n": 1})),
        Err(ErrorCode::ValidationError)
    );
}

#[test]
fn wildcards_usersets_and_exclusion() {
    let engine = engine();
    let mut store = MemoryTuples::new();
    store
        .write(
            engine.model(),
            &[
                tuple("user:*", "member", "group:all"),
                tuple("group:all#member", "viewer", "document:1"),
                tuple("user:bob", "blocked", "document:1"),
            ],
            &[],
        )
        .unwrap();
    let c = |user: &str, relation: &str| {
        check(&engine, &store, user, relation, "document:1", json!({}))
    };
    assert_eq!(c("user:anne", "can_view"), Ok(true));
    assert_eq!(c("user:bob", "viewer"), Ok(true));
    assert_eq!(c("user:bob", "can_view"), Ok(false));
    assert_eq!(c("user:*", "viewer"), Ok(true));
    assert_eq!(c("group:all#member", "viewer"), Ok(true));
    assert_eq!(c("group:other#member", "viewer"), Ok(false));
    assert_eq!(c("user:anne", "unknown"), Err(ErrorCode::ValidationError));
    assert_eq!(c("robot:anne", "viewer"), Err(ErrorCode::ValidationError));
}

#[test]
fn contextual_tuples_are_validated_and_bounded() {
    let engine = engine();
    let store = MemoryTuples::new();
    let request = |contextual_tuples: Vec<TupleKey>| CheckRequest {
        tuple_key: tuple("user:anne", "owner", "document:1"),
        contextual_tuples,
        context: RequestContext::new(),
    };
    assert_eq!(
        engine.check(
            &store,
            &request(vec![tuple("user:anne", "owner", "document:1")])
        ),
        Ok(true)
    );
    assert_eq!(
        engine
            .check(
                &store,
                &request(vec![tuple("user:*", "owner", "document:1")])
            )
            .unwrap_err()
            .code,
        ErrorCode::InvalidTuple
    );
    let many = (0..101)
        .map(|i| tuple(&format!("user:{i}"), "owner", "document:1"))
        .collect();
    assert_eq!(
        engine.check(&store, &request(many)).unwrap_err().code,
        ErrorCode::ValidationError
    );

    let results = engine
        .batch_check(
            &store,
            &[
                request(vec![tuple("user:anne", "owner", "document:1")]),
                request(vec![]),
            ],
        )
        .unwrap();
    assert_eq!(results, vec![Ok(true), Ok(false)]);
}

#[test]
fn cycles_are_not_allowed_even_under_exclusion() {
    let model = dsl::parse(
        "model\n  schema 1.1\ntype user\ntype document\n  relations\n    define direct: [user]\n    define a: [user] or b\n    define b: a\n    define c: direct but not b\n    define d: b but not direct\n",
    )
    .unwrap();
    let engine = Engine::new(model);
    let mut store = MemoryTuples::new();
    store
        .write(
            engine.model(),
            &[tuple("user:anne", "direct", "document:1")],
            &[],
        )
        .unwrap();
    let c = |relation: &str| {
        check(
            &engine,
            &store,
            "user:anne",
            relation,
            "document:1",
            json!({}),
        )
    };
    assert_eq!(c("a"), Ok(false));
    // `true but not cycle` and `cycle but not false` are both false.
    assert_eq!(c("c"), Ok(false));
    assert_eq!(c("d"), Ok(false));
}

#[test]
fn expand_is_one_level() {
    let engine = engine();
    let mut store = MemoryTuples::new();
    store
        .write(
            engine.model(),
            &[
                tuple("user:anne", "owner", "document:1"),
                tuple("group:eng#member", "viewer", "document:1"),
            ],
            &[],
        )
        .unwrap();
    let tree = engine.expand(&store, "document:1", "viewer", &[]).unwrap();
    let UsersetTreeNode::Union { name, nodes } = tree.root else {
        panic!("expected a union")
    };
    assert_eq!(name, "document:1#viewer");
    assert_eq!(
        nodes,
        vec![
            UsersetTreeNode::Users {
                name: name.clone(),
                users: vec!["group:eng#member".into()]
            },
            UsersetTreeNode::Computed {
                name: name.clone(),
                userset: "document:1#owner".into()
            },
        ]
    );
    let tree = engine
        .expand(&store, "document:1", "can_view", &[])
        .unwrap();
    assert!(matches!(tree.root, UsersetTreeNode::Difference { .. }));
    assert_eq!(
        engine
            .expand(&store, "document:1", "nope", &[])
            .unwrap_err()
            .code,
        ErrorCode::ValidationError
    );
}

#[test]
fn list_answers_stop_at_their_limits() {
    use deputy_authz::engine::{ListLimits, ListObjectsRequest, ListUsersRequest, UserFilter};
    use std::time::{Duration, Instant};
    let model = dsl::parse_and_validate(MODEL).unwrap();
    let engine = Engine::new(model.clone());
    let mut tuples = MemoryTuples::new();
    let writes: Vec<TupleKey> = (0..50)
        .flat_map(|i| {
            [
                tuple("user:anne", "owner", &format!("document:{i:02}")),
                tuple(&format!("user:u{i:02}"), "viewer", "document:shared"),
            ]
        })
        .collect();
    tuples.write(&model, &writes, &[]).unwrap();
    let objects = ListObjectsRequest {
        object_type: "document".into(),
        relation: "viewer".into(),
        user: "user:anne".into(),
        ..Default::default()
    };
    assert_eq!(engine.list_objects(&tuples, &objects).unwrap().len(), 50);
    let capped = ListLimits {
        max_results: Some(7),
        deadline: None,
    };
    let some = engine
        .list_objects_within(&tuples, &objects, capped)
        .unwrap();
    assert_eq!(some.len(), 7);
    assert!(some.iter().all(|o| o.starts_with("document:")));
    let expired = ListLimits {
        max_results: None,
        deadline: Some(Instant::now() - Duration::from_millis(1)),
    };
    assert!(
        engine
            .list_objects_within(&tuples, &objects, expired)
            .unwrap()
            .is_empty()
    );

    let users = ListUsersRequest {
        object: "document:shared".into(),
        relation: "viewer".into(),
        filters: vec![UserFilter::parse("user")],
        contextual_tuples: vec![],
        context: RequestContext::new(),
    };
    assert_eq!(engine.list_users(&tuples, &users).unwrap().len(), 50);
    assert_eq!(
        engine
            .list_users_within(&tuples, &users, capped)
            .unwrap()
            .len(),
        7
    );
}
