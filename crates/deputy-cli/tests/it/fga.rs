use crate::support::{Deputy, corpus};

#[test]
fn fga_test_passes_both_conformance_files_and_store_files() {
    let deputy = Deputy::sqlite();
    let consolidated = corpus("openfga/consolidated_1_1_tests.yaml")
        .display()
        .to_string();
    let abac = corpus("openfga/abac_tests.yaml").display().to_string();
    let r = deputy.run(&["fga", "test", &consolidated, &abac]).ok();
    let last = r.stdout.lines().last().unwrap_or_default().to_owned();
    // Stored and contextual variants: 925 + 738 consolidated, 291 + 271 ABAC assertions.
    assert_eq!(last, "2225 passed, 0 failed", "{}", r.stdout);

    let store = corpus("openfga/language/tests/data/stores/01-valid-model-file/store.fga.yaml");
    let r = deputy
        .run(&["fga", "test", &store.display().to_string()])
        .ok();
    assert!(r.stdout.ends_with("3 passed, 0 failed\n"), "{}", r.stdout);
}

#[test]
fn fga_test_fails_on_a_wrong_expectation() {
    let deputy = Deputy::sqlite();
    let file = deputy.path("wrong.fga.yaml");
    std::fs::write(
        &file,
        "model: |\n  model\n    schema 1.1\n  type user\n  type doc\n    relations\n      define viewer: [user]\n\
         tuples:\n  - {user: \"user:anne\", relation: viewer, object: \"doc:1\"}\n\
         tests:\n  - name: t\n    check:\n      - user: user:anne\n        object: doc:1\n        assertions:\n          viewer: false\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let r = deputy.run(&["fga", "test", &file.display().to_string()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("0 passed, 1 failed"), "{}", r.stdout);
    assert!(r.stdout.contains("FAIL"), "{}", r.stdout);
}

#[test]
fn fga_models_validate_and_transform_both_ways() {
    let deputy = Deputy::sqlite();
    let dir = corpus("openfga/language/tests/data/transformer/08-tuple-to-userset");
    let dsl = dir.join("authorization-model.fga").display().to_string();
    let r = deputy.run(&["fga", "model", "validate", &dsl]).ok();
    assert!(r.stdout.contains("valid"), "{}", r.stdout);
    let json = deputy.run(&["fga", "model", "transform", &dsl]).ok().json();
    assert_eq!(json["type_definitions"][1]["type"], "folder");
    let json_file = deputy.path("model.json");
    std::fs::write(&json_file, serde_json::to_vec(&json).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let back = deputy
        .run(&[
            "fga",
            "model",
            "transform",
            &json_file.display().to_string(),
            "--to",
            "dsl",
        ])
        .ok();
    let original = std::fs::read_to_string(&dsl).unwrap_or_default();
    assert_eq!(back.stdout, original);

    let bad = deputy.path("bad.fga");
    std::fs::write(
        &bad,
        "model\n  schema 1.1\ntype user\ntype doc\n  relations\n    define viewer: [usr]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let r = deputy.run(&["fga", "model", "validate", &bad.display().to_string()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bad.fga") && r.stderr.contains("line 6"),
        "{}",
        r.stderr
    );
}

#[test]
fn fga_models_from_an_fga_mod_manifest() {
    let deputy = Deputy::sqlite();
    let dir = corpus("openfga/language/tests/data/transformer-module/02-module-with-extends");
    let manifest = deputy.path("fga.mod");
    std::fs::create_dir_all(deputy.path("module")).unwrap_or_else(|e| panic!("{e}"));
    for name in ["core.fga", "board.fga", "org.fga", "otherboard.fga"] {
        std::fs::copy(
            dir.join("module").join(name),
            deputy.path("module").join(name),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    std::fs::write(
        &manifest,
        "schema: '1.2'\ncontents:\n  - module/core.fga\n  - module/board.fga\n  - module/org.fga\n  - module/otherboard.fga\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let manifest = manifest.display().to_string();
    let r = deputy.run(&["fga", "model", "validate", &manifest]).ok();
    assert!(r.stdout.contains("valid"), "{}", r.stdout);
    let json = deputy
        .run(&["fga", "model", "transform", &manifest])
        .ok()
        .json();
    assert_eq!(json["schema_version"], "1.2");
    assert_eq!(json["type_definitions"][0]["metadata"]["module"], "core");
    assert_eq!(
        json["type_definitions"][0]["metadata"]["relations"]["manager"]["source_info"]["file"],
        "module/org.fga"
    );
    let dsl = deputy
        .run(&["fga", "model", "transform", &manifest, "--to", "dsl"])
        .ok();
    let combined = std::fs::read_to_string(dir.join("combined.fga")).unwrap_or_default();
    assert_eq!(dsl.stdout, combined);

    // A combined model is stored like any other, as schema 1.2.
    deputy.run(&["fga", "store", "create", "boards"]).ok();
    deputy
        .run(&["fga", "model", "write", "--store", "boards", &manifest])
        .ok();
    let stored = deputy
        .run(&["fga", "model", "get", "--store", "boards", "--to", "json"])
        .ok()
        .json();
    assert_eq!(stored["schema_version"], "1.2");
    assert_eq!(stored["type_definitions"], json["type_definitions"]);

    std::fs::write(
        deputy.path("module/org.fga"),
        "module org\n\nextend type nothere\n  relations\n    define x: [user]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let r = deputy.run(&["fga", "model", "validate", &manifest]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("module/org.fga: line 3")
            && r.stderr.contains("extended type nothere does not exist"),
        "{}",
        r.stderr
    );

    std::fs::write(
        deputy.path("bad.mod"),
        "schema: '1.2'\ncontents:\n  - ../x.fga\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let bad = deputy.path("bad.mod").display().to_string();
    let r = deputy.run(&["fga", "model", "validate", &bad]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("line 3") && r.stderr.contains("invalid contents item ../x.fga"),
        "{}",
        r.stderr
    );
}

const DOCS_MODEL: &str = "model\n  schema 1.1\ntype user\ntype group\n  relations\n    define member: [user]\n\
type doc\n  relations\n    define owner: [user]\n    define viewer: [user, group#member, user with weekday] or owner\n\
condition weekday(day: string) {\n  day != \"sunday\"\n}\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fga_stores_models_tuples_and_questions_from_the_command_line() {
    for (deputy, db) in Deputy::all("deputy fga stored").await {
        let model = deputy.path("docs.fga");
        std::fs::write(&model, DOCS_MODEL).unwrap_or_else(|e| panic!("{e}"));
        let model = model.display().to_string();
        let store = deputy.run(&["fga", "store", "create", "docs"]).ok().stdout;
        let store = store.trim().to_owned();
        assert_eq!(store.len(), 26, "{store}");
        let model_id = deputy
            .run(&["fga", "model", "write", "--store", "docs", &model])
            .ok()
            .stdout
            .trim()
            .to_owned();
        let dsl = deputy
            .run(&["fga", "model", "get", "--store", &store])
            .ok()
            .stdout;
        assert!(
            dsl.contains("define viewer: [user, group#member, user with weekday] or owner"),
            "{dsl}"
        );
        let listed = deputy
            .run(&[
                "fga", "model", "list", "--store", "docs", "--format", "json",
            ])
            .ok()
            .json();
        assert_eq!(listed[0]["id"], model_id.as_str());

        // Tuples from a CSV file, all or nothing.
        let csv = deputy.path("tuples.csv");
        std::fs::write(
            &csv,
            "user_type,user_id,user_relation,relation,object_type,object_id,condition_name,condition_context\n\
             user,anne,,owner,doc,1,,\n\
             group,eng,member,viewer,doc,2,,\n\
             user,bob,,member,group,eng,,\n\
             user,carl,,viewer,doc,3,weekday,\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let csv = csv.display().to_string();
        let r = deputy
            .run(&["fga", "tuple", "write", "--store", "docs", "--file", &csv])
            .ok();
        assert_eq!(r.stdout, "written 4 tuples\n");
        let again = deputy.run(&["fga", "tuple", "write", "--store", "docs", "--file", &csv]);
        assert_eq!(again.code, 2);
        assert!(again.stderr.contains("already exists"), "{}", again.stderr);
        deputy
            .run(&[
                "fga",
                "tuple",
                "write",
                "--store",
                "docs",
                "--file",
                &csv,
                "--ignore-duplicates",
            ])
            .ok();
        let bad = deputy.path("bad.csv");
        std::fs::write(&bad, "user_type,user_id,relation,object_type,object_id\nuser,dan,owner,doc,7\nuser,,owner,doc,8\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let r = deputy.run(&[
            "fga",
            "tuple",
            "write",
            "--store",
            "docs",
            "--file",
            &bad.display().to_string(),
        ]);
        assert_eq!(r.code, 2);
        assert!(
            r.stderr.contains("line 3") && r.stderr.contains("user_id"),
            "{}",
            r.stderr
        );

        // Questions: exit 0 when allowed, 1 when not.
        let check = |args: &[&str]| {
            let mut all = vec!["fga", "check", "--store", "docs"];
            all.extend_from_slice(args);
            deputy.run(&all)
        };
        let r = check(&["user:bob", "viewer", "doc:2"]);
        assert_eq!((r.code, r.stdout.as_str()), (0, "allowed\n"));
        let r = check(&["user:dan", "viewer", "doc:7"]);
        assert_eq!(
            (r.code, r.stdout.as_str()),
            (1, "not allowed\n"),
            "nothing of bad.csv was written"
        );
        assert_eq!(
            check(&[
                "user:carl",
                "viewer",
                "doc:3",
                "--context",
                r#"{"day":"monday"}"#
            ])
            .code,
            0
        );
        assert_eq!(
            check(&[
                "user:carl",
                "viewer",
                "doc:3",
                "--context",
                r#"{"day":"sunday"}"#
            ])
            .code,
            1
        );
        let missing = check(&["user:carl", "viewer", "doc:3"]);
        assert_eq!(missing.code, 2);
        assert!(missing.stderr.contains("day"), "{}", missing.stderr);
        assert_eq!(
            check(&[
                "user:fay",
                "viewer",
                "doc:9",
                "--contextual-tuple",
                "user:fay owner doc:9"
            ])
            .code,
            0
        );
        let json = deputy
            .run(&[
                "fga",
                "check",
                "--store",
                &store,
                "--model",
                &model_id,
                "user:anne",
                "viewer",
                "doc:1",
                "--format",
                "json",
            ])
            .ok()
            .json();
        assert_eq!(json, serde_json::json!({"allowed": true}));
        let objects = deputy
            .run(&[
                "fga",
                "list-objects",
                "--store",
                "docs",
                "user:bob",
                "viewer",
                "doc",
            ])
            .ok();
        assert_eq!(objects.stdout, "doc:2\n");
        let users = deputy
            .run(&[
                "fga",
                "list-users",
                "--store",
                "docs",
                "doc:2",
                "viewer",
                "--user-filter",
                "user",
                "--format",
                "json",
            ])
            .ok()
            .json();
        assert_eq!(users, serde_json::json!({"users": ["user:bob"]}));

        // Read, delete, changes.
        let read = deputy
            .run(&[
                "fga", "tuple", "read", "--store", "docs", "--object", "doc:3",
            ])
            .ok();
        assert_eq!(read.stdout, "user:carl viewer doc:3 with weekday\n");
        deputy
            .run(&[
                "fga",
                "tuple",
                "delete",
                "--store",
                "docs",
                "user:anne",
                "owner",
                "doc:1",
            ])
            .ok();
        assert_eq!(check(&["user:anne", "viewer", "doc:1"]).code, 1);
        let missing = deputy.run(&[
            "fga",
            "tuple",
            "delete",
            "--store",
            "docs",
            "user:anne",
            "owner",
            "doc:1",
        ]);
        assert_eq!(missing.code, 2);
        deputy
            .run(&[
                "fga",
                "tuple",
                "delete",
                "--store",
                "docs",
                "user:anne",
                "owner",
                "doc:1",
                "--ignore-missing",
            ])
            .ok();
        let changes = deputy
            .run(&[
                "fga", "tuple", "changes", "--store", "docs", "--format", "json",
            ])
            .ok()
            .json();
        let ops: Vec<&str> = changes["changes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["operation"].as_str())
            .collect();
        assert_eq!(ops, ["write", "write", "write", "write", "delete"]);

        // Unknown stores and a second store of the same name.
        let r = deputy.run(&[
            "fga", "check", "--store", "nope", "user:a", "viewer", "doc:1",
        ]);
        assert_eq!(r.code, 2);
        assert!(
            r.stderr.contains("no store has the id or name `nope`"),
            "{}",
            r.stderr
        );
        deputy.run(&["fga", "store", "create", "docs"]).ok();
        let r = deputy.run(&["fga", "tuple", "read", "--store", "docs"]);
        assert_eq!(r.code, 2);
        assert!(
            r.stderr.contains("2 stores are named `docs`"),
            "{}",
            r.stderr
        );
        deputy.run(&["fga", "store", "delete", &store]).ok();
        let stores = deputy
            .run(&["fga", "store", "list", "--format", "json"])
            .ok()
            .json();
        assert_eq!(stores.as_array().map(Vec::len), Some(1));
        if let Some(db) = db {
            db.cleanup().await;
        }
    }
}

/// `deputy serve` prints where it listens, answers OpenFGA's API, and stops on SIGTERM.
#[test]
fn serve_answers_the_openfga_api_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};
    let deputy = Deputy::sqlite();
    let mut child = deputy
        .command(&["serve", "--listen", "127.0.0.1:0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut first = String::new();
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    BufReader::new(stdout)
        .read_line(&mut first)
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = first
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line `{first}`"))
        .to_owned();
    let body = r#"{"name":"from-curl"}"#;
    let mut stream = std::net::TcpStream::connect(&addr).unwrap_or_else(|e| panic!("{e}"));
    write!(
        stream,
        "POST /stores HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert!(answer.contains(r#""name":"from-curl""#), "{answer}");
    let listed = deputy.run(&["fga", "store", "list"]).ok();
    assert!(listed.stdout.contains("from-curl"), "{}", listed.stdout);

    let pid = child.id().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "{status:?}");
}

#[test]
fn serve_refuses_an_open_address_without_keys() {
    let deputy = Deputy::sqlite();
    let r = deputy.run(&["serve", "--listen", "0.0.0.0:0"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("DEPUTY_API_KEYS"), "{}", r.stderr);
}
