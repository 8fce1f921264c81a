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
