//! OpenFGA store files (`fga model test` format) through `deputy_authz::testing::store_file`.

use deputy_authz::testing::{self, TestFileKind, store_file};
use std::path::Path;

const STORES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/openfga/language/tests/data/stores/"
);

fn run(dir: &str) -> Result<testing::Report, String> {
    let base = Path::new(STORES).join(dir);
    let text = std::fs::read_to_string(base.join("store.fga.yaml")).unwrap();
    assert_eq!(testing::detect(&text), TestFileKind::StoreFile);
    let read =
        |rel: &str| std::fs::read_to_string(base.join(rel)).map_err(|e| format!("{rel}: {e}"));
    store_file::run(dir, &text, &read)
}

#[test]
fn valid_store_files_pass() {
    for dir in ["00-valid-model", "01-valid-model-file"] {
        let report = run(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        assert_eq!(report.failures, Vec::<String>::new(), "{dir}");
        assert_eq!(
            report.totals(),
            (3, 0),
            "{dir}: one check, one list_objects and one list_users assertion"
        );
    }
}

#[test]
fn invalid_store_files_are_rejected() {
    let err = run("02-missing-model").err().unwrap_or_default();
    assert!(err.contains("`model` or `model_file`"), "{err}");
    let err = run("03-additional-properties").err().unwrap_or_default();
    assert!(err.contains("unexpected_field"), "{err}");
}

#[test]
fn wrong_expectations_fail() {
    let text = r#"
model: |
  model
    schema 1.1
  type user
  type doc
    relations
      define viewer: [user]
tuples:
  - {user: "user:anne", relation: viewer, object: "doc:1"}
tests:
  - name: wrong
    check:
      - user: user:anne
        object: doc:1
        assertions:
          viewer: false
    list_objects:
      - user: user:anne
        type: doc
        assertions:
          viewer: []
"#;
    let report = store_file::run("inline", text, &|_| Err("no files".into())).unwrap();
    assert_eq!(report.totals(), (0, 2));
    assert_eq!(report.failures.len(), 2);
}

#[test]
fn conformance_files_are_detected() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/openfga/abac_tests.yaml"
    ))
    .unwrap();
    assert_eq!(testing::detect(&text), TestFileKind::Conformance);
}
