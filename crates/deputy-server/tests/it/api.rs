//! OpenFGA's HTTP API: paths, shapes, error bodies and statuses, on every backend.

use crate::support::{Server, app, boot, boot_app};
use deputy_testkit::all_backends;
use reqwest::Method;
use serde_json::{Value, json};

const MODEL: &str = r#"model
  schema 1.1
type user
type group
  relations
    define member: [user, user:*]
type folder
  relations
    define viewer: [user]
type doc
  relations
    define parent: [folder]
    define owner: [user]
    define blocked: [user]
    define editor: [user with office_hours] or owner
    define viewer: ([user, group#member] or editor or viewer from parent) but not blocked
condition office_hours(hour: int) {
  hour >= 9 && hour < 17
}
"#;

fn model_json() -> Value {
    let model = deputy_authz::dsl::parse_and_validate(MODEL).unwrap_or_else(|e| panic!("{e:?}"));
    serde_json::to_value(model).unwrap_or_else(|e| panic!("{e}"))
}

fn key(user: &str, relation: &str, object: &str) -> Value {
    json!({"user": user, "relation": relation, "object": object})
}

async fn new_store(s: &Server, name: &str) -> String {
    let store = s.post("/stores", json!({"name": name})).await;
    assert_eq!(store.status, 201, "{}", store.body);
    store.body["id"].as_str().unwrap_or_default().to_owned()
}

async fn check(s: &Server, store: &str, body: Value) -> bool {
    let answer = s.post(&format!("/stores/{store}/check"), body).await.ok();
    assert_eq!(answer["resolution"], "", "{answer}");
    answer["allowed"]
        .as_bool()
        .unwrap_or_else(|| panic!("{answer}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stores_are_created_listed_paged_and_deleted() {
    for db in all_backends("deputy-server api").await {
        let s = boot(&db, "").await;
        let ids = [
            new_store(&s, "one").await,
            new_store(&s, "two").await,
            new_store(&s, "three").await,
        ];
        let got = s.get(&format!("/stores/{}", ids[1])).await.ok();
        assert_eq!(got["name"], "two");
        assert!(got["created_at"].as_str().is_some_and(|t| t.ends_with('Z')));

        let first = s.get("/stores?page_size=2").await.ok();
        assert_eq!(first["stores"].as_array().map(Vec::len), Some(2), "{first}");
        let token = first["continuation_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(!token.is_empty());
        let second = s
            .get(&format!("/stores?page_size=2&continuation_token={token}"))
            .await
            .ok();
        assert_eq!(second["stores"][0]["id"], ids[2].as_str(), "{second}");
        assert_eq!(second["continuation_token"], "");
        let named = s.get("/stores?name=two").await.ok();
        assert_eq!(named["stores"][0]["id"], ids[1].as_str());

        let deleted = s
            .send(Method::DELETE, &format!("/stores/{}", ids[0]), None)
            .await;
        assert_eq!(deleted.status, 204);
        s.get(&format!("/stores/{}", ids[0]))
            .await
            .error(404, "store_id_not_found");
        s.get("/stores/not-a-ulid")
            .await
            .error(400, "validation_error");
        s.post("/stores", json!({"name": ""}))
            .await
            .error(400, "validation_error");
        let message = s
            .post("/stores", json!({"name": 7}))
            .await
            .error(400, "validation_error");
        assert!(message.contains("`name`"), "{message}");
        s.get("/no/such/path")
            .await
            .error(404, "undefined_endpoint");
        s.get("/stores?page_size=1000")
            .await
            .error(400, "validation_error");
        drop(s);
        db.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn models_tuples_and_every_question() {
    for db in all_backends("deputy-server api").await {
        let s = boot(&db, "").await;
        let store = new_store(&s, "docs").await;
        let base = format!("/stores/{store}");

        // Models: an invalid one is refused with every problem; valid ones are immutable
        // and listed newest first.
        let mut bad = model_json();
        bad["type_definitions"][3]["relations"]["viewer"] =
            json!({"computedUserset": {"relation": "nope"}});
        let message = s
            .post(&format!("{base}/authorization-models"), bad)
            .await
            .error(400, "invalid_authorization_model");
        assert!(message.contains("nope"), "{message}");
        let first = s
            .post(&format!("{base}/authorization-models"), model_json())
            .await;
        assert_eq!(first.status, 201, "{}", first.body);
        let first_id = first.body["authorization_model_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let second_id = s
            .post(&format!("{base}/authorization-models"), model_json())
            .await
            .ok()["authorization_model_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let models = s.get(&format!("{base}/authorization-models")).await.ok();
        assert_eq!(models["authorization_models"][0]["id"], second_id.as_str());
        assert_eq!(models["authorization_models"][1]["id"], first_id.as_str());
        let one = s
            .get(&format!("{base}/authorization-models/{first_id}"))
            .await
            .ok();
        assert_eq!(one["authorization_model"]["schema_version"], "1.1");
        assert_eq!(
            one["authorization_model"]["type_definitions"],
            model_json()["type_definitions"]
        );
        assert!(one["authorization_model"]["conditions"]["office_hours"].is_object());
        s.get(&format!(
            "{base}/authorization-models/01ARZ3NDEKTSV4RRFFQ69G5FAV"
        ))
        .await
        .error(400, "authorization_model_not_found");

        // Writes: transactional, with OpenFGA's errors.
        let writes = json!({"writes": {"tuple_keys": [
            key("user:anne", "owner", "doc:1"),
            key("group:eng#member", "viewer", "doc:2"),
            key("user:bob", "member", "group:eng"),
            key("user:*", "member", "group:all"),
            key("folder:x", "parent", "doc:3"),
            key("user:carl", "viewer", "folder:x"),
            key("user:carl", "blocked", "doc:3"),
            key("user:dana", "viewer", "folder:x"),
            {"user": "user:erin", "relation": "editor", "object": "doc:4",
             "condition": {"name": "office_hours"}},
        ]}});
        assert_eq!(
            s.post(&format!("{base}/write"), writes).await.ok(),
            json!({})
        );
        let dup = json!({"writes": {"tuple_keys": [key("user:anne", "owner", "doc:1")]}});
        s.post(&format!("{base}/write"), dup.clone())
            .await
            .error(400, "write_failed_due_to_invalid_input");
        let mut ignore = dup.clone();
        ignore["writes"]["on_duplicate"] = json!("ignore");
        s.post(&format!("{base}/write"), ignore).await.ok();
        s.post(
            &format!("{base}/write"),
            json!({"writes": {"tuple_keys": [key("user:zed", "owner", "doc:9"), key("user:zed", "owner", "doc:9")]}}),
        )
        .await
        .error(400, "cannot_allow_duplicate_tuples_in_one_request");
        // A tuple the model forbids fails the whole request: nothing is written.
        s.post(
            &format!("{base}/write"),
            json!({"writes": {"tuple_keys": [key("user:zed", "owner", "doc:9"), key("group:eng", "owner", "doc:9")]}}),
        )
        .await
        .error(400, "invalid_tuple");
        assert!(
            !check(
                &s,
                &store,
                json!({"tuple_key": key("user:zed", "owner", "doc:9")})
            )
            .await
        );
        s.post(&format!("{base}/write"), json!({}))
            .await
            .error(400, "invalid_write_input");
        let many: Vec<Value> = (0..101)
            .map(|i| key("user:x", "owner", &format!("doc:{i}")))
            .collect();
        s.post(
            &format!("{base}/write"),
            json!({"writes": {"tuple_keys": many}}),
        )
        .await
        .error(400, "validation_error");
        s.post(
            &format!("{base}/write"),
            json!({"deletes": {"tuple_keys": [key("user:nobody", "owner", "doc:1")]}}),
        )
        .await
        .error(400, "write_failed_due_to_invalid_input");

        // Check: direct, userset, wildcard, tuple-to-userset, exclusion, conditions,
        // contextual tuples and a pinned model.
        for (user, relation, object, want) in [
            ("user:anne", "viewer", "doc:1", true),
            ("user:bob", "viewer", "doc:2", true),
            ("user:anne", "viewer", "doc:2", false),
            ("user:anyone", "member", "group:all", true),
            ("user:dana", "viewer", "doc:3", true),
            ("user:carl", "viewer", "doc:3", false),
        ] {
            let got = check(
                &s,
                &store,
                json!({"tuple_key": key(user, relation, object)}),
            )
            .await;
            assert_eq!(got, want, "{user} {relation} {object} on {}", db.backend);
        }
        let erin = key("user:erin", "viewer", "doc:4");
        assert!(
            check(
                &s,
                &store,
                json!({"tuple_key": erin, "context": {"hour": 10}})
            )
            .await
        );
        assert!(
            !check(
                &s,
                &store,
                json!({"tuple_key": erin, "context": {"hour": 20}})
            )
            .await
        );
        let message = s
            .post(&format!("{base}/check"), json!({"tuple_key": erin}))
            .await
            .error(400, "validation_error");
        assert!(message.contains("hour"), "{message}");
        assert!(
            check(
                &s,
                &store,
                json!({"tuple_key": key("user:fay", "viewer", "doc:5"),
                       "contextual_tuples": {"tuple_keys": [key("user:fay", "owner", "doc:5")]},
                       "authorization_model_id": first_id,
                       "consistency": "HIGHER_CONSISTENCY"})
            )
            .await
        );
        s.post(
            &format!("{base}/check"),
            json!({"tuple_key": key("user:fay", "viewer", "doc:5"),
                   "contextual_tuples": {"tuple_keys": [key("group:eng", "owner", "doc:5")]}}),
        )
        .await
        .error(400, "invalid_tuple");
        s.post(
            &format!("{base}/check"),
            json!({"tuple_key": key("user:anne", "nope", "doc:1")}),
        )
        .await
        .error(400, "validation_error");
        s.post(
            &format!("{base}/check"),
            json!({"tuple_key": key("user:anne", "viewer", "doc:1"), "consistency": "SOMETIMES"}),
        )
        .await
        .error(400, "validation_error");
        s.post(
            "/stores/01ARZ3NDEKTSV4RRFFQ69G5FAV/check",
            json!({"tuple_key": key("user:anne", "viewer", "doc:1")}),
        )
        .await
        .error(404, "store_id_not_found");

        // BatchCheck: answers by correlation id, errors per check.
        let batch = s
            .post(
                &format!("{base}/batch-check"),
                json!({"checks": [
                    {"tuple_key": key("user:anne", "viewer", "doc:1"), "correlation_id": "a-1"},
                    {"tuple_key": key("user:carl", "viewer", "doc:3"), "correlation_id": "b_2"},
                    {"tuple_key": key("user:anne", "nope", "doc:1"), "correlation_id": "c"},
                ]}),
            )
            .await
            .ok();
        assert_eq!(batch["result"]["a-1"], json!({"allowed": true}));
        assert_eq!(batch["result"]["b_2"], json!({"allowed": false}));
        assert_eq!(
            batch["result"]["c"]["error"]["input_error"], "validation_error",
            "{batch}"
        );
        s.post(
            &format!("{base}/batch-check"),
            json!({"checks": [
                {"tuple_key": key("user:anne", "viewer", "doc:1"), "correlation_id": "same"},
                {"tuple_key": key("user:bob", "viewer", "doc:1"), "correlation_id": "same"},
            ]}),
        )
        .await
        .error(400, "validation_error");
        s.post(
            &format!("{base}/batch-check"),
            json!({"checks": [{"tuple_key": key("user:anne", "viewer", "doc:1"), "correlation_id": "no spaces"}]}),
        )
        .await
        .error(400, "validation_error");

        // ListObjects, its streamed form, ListUsers and Expand.
        let objects = s
            .post(
                &format!("{base}/list-objects"),
                json!({"type": "doc", "relation": "viewer", "user": "user:dana"}),
            )
            .await
            .ok();
        assert_eq!(objects, json!({"objects": ["doc:3"]}));
        let streamed = s
            .post(
                &format!("{base}/streamed-list-objects"),
                json!({"type": "doc", "relation": "viewer", "user": "user:anne"}),
            )
            .await;
        assert_eq!(streamed.status, 200);
        assert_eq!(streamed.body, json!({"result": {"object": "doc:1"}}));
        let users = s
            .post(
                &format!("{base}/list-users"),
                json!({"object": {"type": "doc", "id": "2"}, "relation": "viewer", "user_filters": [{"type": "user"}]}),
            )
            .await
            .ok();
        assert_eq!(
            users,
            json!({"users": [{"object": {"type": "user", "id": "bob"}}]})
        );
        let members = s
            .post(
                &format!("{base}/list-users"),
                json!({"object": {"type": "doc", "id": "2"}, "relation": "viewer", "user_filters": [{"type": "group", "relation": "member"}]}),
            )
            .await
            .ok();
        assert_eq!(
            members,
            json!({"users": [{"userset": {"type": "group", "id": "eng", "relation": "member"}}]})
        );
        let everyone = s
            .post(
                &format!("{base}/list-users"),
                json!({"object": {"type": "group", "id": "all"}, "relation": "member", "user_filters": [{"type": "user"}]}),
            )
            .await
            .ok();
        assert_eq!(everyone, json!({"users": [{"wildcard": {"type": "user"}}]}));
        s.post(
            &format!("{base}/list-users"),
            json!({"object": {"type": "doc", "id": "2"}, "relation": "viewer", "user_filters": []}),
        )
        .await
        .error(400, "validation_error");
        let tree = s
            .post(
                &format!("{base}/expand"),
                json!({"tuple_key": {"relation": "viewer", "object": "doc:3"}}),
            )
            .await
            .ok();
        let root = &tree["tree"]["root"];
        assert_eq!(root["name"], "doc:3#viewer");
        let base_nodes = &root["difference"]["base"]["union"]["nodes"];
        assert_eq!(base_nodes[0]["leaf"]["users"]["users"], json!([]));
        assert_eq!(base_nodes[1]["leaf"]["computed"]["userset"], "doc:3#editor");
        assert_eq!(
            base_nodes[2]["leaf"]["tupleToUserset"],
            json!({"tupleset": "doc:3#parent", "computed": [{"userset": "folder:x#viewer"}]})
        );
        assert_eq!(
            root["difference"]["subtract"]["leaf"]["computed"]["userset"],
            "doc:3#blocked"
        );
        let blocked = s
            .post(
                &format!("{base}/expand"),
                json!({"tuple_key": {"relation": "blocked", "object": "doc:3"}}),
            )
            .await
            .ok();
        assert_eq!(
            blocked["tree"]["root"]["leaf"]["users"]["users"],
            json!(["user:carl"])
        );

        // Read with filters and pages; the change log.
        let page = s
            .post(
                &format!("{base}/read"),
                json!({"tuple_key": {"object": "doc:"} , "page_size": 2}),
            )
            .await
            .error(400, "validation_error");
        assert!(page.contains("user"), "{page}");
        let mut seen = Vec::new();
        let mut token = String::new();
        loop {
            let page = s
                .post(
                    &format!("{base}/read"),
                    json!({"page_size": 4, "continuation_token": token}),
                )
                .await
                .ok();
            for t in page["tuples"].as_array().into_iter().flatten() {
                assert!(t["timestamp"].is_string());
                seen.push(format!(
                    "{} {} {}",
                    t["key"]["user"], t["key"]["relation"], t["key"]["object"]
                ));
            }
            token = page["continuation_token"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if token.is_empty() {
                break;
            }
        }
        assert_eq!(seen.len(), 9, "{seen:?}");
        let erin_tuple = s
            .post(
                &format!("{base}/read"),
                json!({"tuple_key": {"user": "user:erin", "object": "doc:4"}}),
            )
            .await
            .ok();
        assert_eq!(
            erin_tuple["tuples"][0]["key"]["condition"]["name"],
            "office_hours"
        );
        s.post(
            &format!("{base}/write"),
            json!({"deletes": {"tuple_keys": [key("user:anne", "owner", "doc:1")]}}),
        )
        .await
        .ok();
        assert!(
            !check(
                &s,
                &store,
                json!({"tuple_key": key("user:anne", "viewer", "doc:1")})
            )
            .await
        );
        let changes = s
            .get(&format!("{base}/changes?type=doc&page_size=100"))
            .await
            .ok();
        let ops: Vec<&str> = changes["changes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["operation"].as_str())
            .collect();
        assert_eq!(ops.len(), 6, "{changes}");
        assert_eq!(ops.last(), Some(&"TUPLE_OPERATION_DELETE"));
        assert!(ops[..5].iter().all(|o| *o == "TUPLE_OPERATION_WRITE"));

        let later = s
            .get(&format!("{base}/changes?start_time=2999-01-01T00:00:00Z"))
            .await
            .ok();
        assert_eq!(later["changes"], json!([]), "{later}");
        let earlier = s
            .get(&format!(
                "{base}/changes?start_time=2000-01-01T00:00:00Z&page_size=100"
            ))
            .await
            .ok();
        assert_eq!(
            earlier["changes"].as_array().map(Vec::len),
            Some(10),
            "{earlier}"
        );
        s.get(&format!("{base}/changes?start_time=yesterday"))
            .await
            .error(400, "validation_error");

        // Assertions are kept per model.
        let assertions = json!({"assertions": [{"tuple_key": key("user:bob", "viewer", "doc:2"), "expectation": true}]});
        let put = s
            .send(
                Method::PUT,
                &format!("{base}/assertions/{first_id}"),
                Some(&assertions),
            )
            .await;
        assert_eq!(put.status, 204, "{}", put.body);
        let got = s.get(&format!("{base}/assertions/{first_id}")).await.ok();
        assert_eq!(got["assertions"], assertions["assertions"]);
        assert_eq!(got["authorization_model_id"], first_id.as_str());
        let none = s.get(&format!("{base}/assertions/{second_id}")).await.ok();
        assert_eq!(none["assertions"], json!([]));
        s.send(
            Method::PUT,
            &format!("{base}/assertions/{first_id}"),
            Some(&json!({"assertions": [{"tuple_key": {}}]})),
        )
        .await
        .error(400, "validation_error");
        drop(s);
        db.cleanup().await;
    }
}

/// Two servers over one database, as two instances behind a load balancer: a write
/// through one is seen by the next question to the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_through_one_instance_are_seen_by_another() {
    for db in all_backends("deputy-server api").await {
        let a = boot(&db, "").await;
        let b = boot_app(app(&db.url).await, "").await;
        let store = new_store(&a, "shared").await;
        a.post(
            &format!("/stores/{store}/authorization-models"),
            model_json(),
        )
        .await
        .ok();
        let anne = json!({"tuple_key": key("user:anne", "viewer", "doc:1")});
        assert!(!check(&b, &store, anne.clone()).await);
        for round in 0..3 {
            a.post(
                &format!("/stores/{store}/write"),
                json!({"writes": {"tuple_keys": [key("user:anne", "owner", "doc:1")]}}),
            )
            .await
            .ok();
            assert!(
                check(&b, &store, anne.clone()).await,
                "round {round} on {}",
                db.backend
            );
            a.post(
                &format!("/stores/{store}/write"),
                json!({"deletes": {"tuple_keys": [key("user:anne", "owner", "doc:1")]}}),
            )
            .await
            .ok();
            assert!(
                !check(&b, &store, anne.clone()).await,
                "round {round} on {}",
                db.backend
            );
        }
        // A deleted store stops answering everywhere.
        a.send(Method::DELETE, &format!("/stores/{store}"), None)
            .await
            .ok();
        b.post(&format!("/stores/{store}/check"), anne)
            .await
            .error(404, "store_id_not_found");
        drop((a, b));
        db.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_keys_are_required_when_configured() {
    let db = deputy_testkit::sqlite();
    let mut s = boot(&db, "first-fake-key,second-fake-key").await;
    s.get("/stores").await.ok();
    s.key = Some("second-fake-key".into());
    s.get("/stores").await.ok();
    s.key = Some("wrong-fake-key".into());
    s.get("/stores").await.error(401, "unauthenticated");
    s.key = None;
    s.get("/stores").await.error(401, "bearer_token_missing");
    assert_eq!(
        s.get("/healthz").await.ok(),
        json!({"status": "SERVING"}),
        "health is open"
    );
    s.get("/stores/01ARZ3NDEKTSV4RRFFQ69G5FAV")
        .await
        .error(401, "bearer_token_missing");
    s.get("/no/such/path")
        .await
        .error(401, "bearer_token_missing");
}
