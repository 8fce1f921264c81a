//! OpenFGA's language corpus (`openfga/language` `tests/data`) and conformance models run
//! through `deputy_authz::dsl`: DSL → JSON, JSON → DSL, syntax and semantic validation.

use std::collections::BTreeSet;

use deputy_authz::dsl::{self, Diagnostic};
use deputy_authz::model::AuthorizationModel;
use proptest::prelude::*;
use serde::Deserialize;

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/openfga/language/tests/data"
);
const CONFORMANCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/openfga"
);

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Drops what OpenFGA treats as absent: empty metadata is the same as `null`.
fn normalise(mut model: AuthorizationModel) -> AuthorizationModel {
    for ty in &mut model.type_definitions {
        if ty.metadata.as_ref().is_some_and(|m| {
            m.relations.is_empty() && m.module.is_none() && m.source_info.is_none()
        }) {
            ty.metadata = None;
        }
    }
    model
}

fn transformer_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(format!("{DATA}/transformer"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn transformer_dsl_to_json() {
    let mut passed = 0;
    for dir in transformer_dirs() {
        let dsl = read(&format!("{}/authorization-model.fga", dir.display()));
        let json = read(&format!("{}/authorization-model.json", dir.display()));
        let expected: AuthorizationModel = serde_json::from_str(&json).unwrap();
        // Not `parse_and_validate`: `14-mixed-operators` uses a computed relation as a
        // tupleset, which the transformer accepts and the validator rejects.
        let parsed = dsl::parse(&dsl).unwrap_or_else(|e| panic!("{}: {e:?}", dir.display()));
        assert_eq!(normalise(parsed), normalise(expected), "{}", dir.display());
        passed += 1;
    }
    println!("transformer DSL → JSON: {passed}/29");
    assert_eq!(passed, 29);
}

#[test]
fn transformer_json_to_dsl() {
    let mut passed = 0;
    for dir in transformer_dirs() {
        assert!(
            !dir.join("test.skip").exists(),
            "{} is skipped upstream",
            dir.display()
        );
        let dsl = read(&format!("{}/authorization-model.fga", dir.display()));
        let json = read(&format!("{}/authorization-model.json", dir.display()));
        let model: AuthorizationModel = serde_json::from_str(&json).unwrap();
        assert_eq!(dsl::print(&model), dsl, "{}", dir.display());
        passed += 1;
    }
    println!("transformer JSON → DSL: {passed}/29");
    assert_eq!(passed, 29);
}

/// Every `model: |` block in a YAML file, dedented. Read as text: the conformance files hold
/// floats (`1.79e+309`) that a strict YAML decoder refuses.
fn yaml_model_blocks(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut models = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start().trim_start_matches("- ");
        if line.trim_start().starts_with('#') || !trimmed.starts_with("model: |") {
            continue;
        }
        let key_indent = line.find("model:").unwrap_or(0);
        let body: Vec<&str> = lines[i + 1..]
            .iter()
            .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() > key_indent)
            .copied()
            .collect();
        let indent = body
            .iter()
            .find(|l| !l.trim().is_empty())
            .map_or(0, |l| l.len() - l.trim_start().len());
        let mut model = String::new();
        for l in body {
            model.push_str(l.get(indent..).unwrap_or(""));
            model.push('\n');
        }
        models.push(model.trim_end().to_owned() + "\n");
    }
    models
}

#[test]
fn conformance_models_parse() {
    let mut models = Vec::new();
    for file in ["consolidated_1_1_tests.yaml", "abac_tests.yaml"] {
        models.extend(yaml_model_blocks(&read(&format!("{CONFORMANCE}/{file}"))));
    }
    assert!(models.len() >= 180, "found only {} models", models.len());
    for model in &models {
        let parsed = dsl::parse(model).unwrap_or_else(|e| panic!("{model}\n{e:?}"));
        // The printer reproduces a model that parses to the same JSON.
        let printed = dsl::print(&parsed);
        let reparsed = dsl::parse(&printed).unwrap_or_else(|e| panic!("{printed}\n{e:?}"));
        assert_eq!(normalise(reparsed), normalise(parsed), "{printed}");
    }
    // Every conformance model is one OpenFGA accepts at write time.
    for model in &models {
        let errors = dsl::parse_and_validate(model).err().unwrap_or_default();
        assert!(errors.is_empty(), "{model}\n{errors:?}");
    }
    println!("conformance models parsed and validated: {}", models.len());
}

#[derive(Debug, Deserialize)]
struct Expected {
    #[serde(default)]
    line: Option<Span>,
    #[serde(default)]
    metadata: Option<ExpectedMeta>,
}

#[derive(Debug, Deserialize)]
struct Span {
    start: usize,
}

#[derive(Debug, Deserialize)]
struct ExpectedMeta {
    #[serde(default, rename = "errorType")]
    error_type: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DslCase {
    name: String,
    dsl: String,
    #[serde(default)]
    expected_errors: Option<Vec<Expected>>,
    #[serde(default)]
    skip: bool,
}

fn dsl_cases(file: &str) -> Vec<DslCase> {
    serde_saphyr::from_str(&read(&format!("{DATA}/{file}"))).unwrap()
}

/// The diagnostics `parse_and_validate` gives, or none.
fn diagnostics(dsl: &str) -> Vec<Diagnostic> {
    dsl::parse_and_validate(dsl).err().unwrap_or_default()
}

#[test]
fn semantic_validation() {
    let (mut passed, mut skipped) = (0, 0);
    for case in dsl_cases("dsl-semantic-validation-cases.yaml") {
        if case.skip {
            skipped += 1;
            continue;
        }
        let expected = case.expected_errors.unwrap_or_default();
        let actual = diagnostics(&case.dsl);
        let want: BTreeSet<_> = expected
            .iter()
            .filter_map(|e| e.metadata.as_ref()?.error_type.clone())
            .collect();
        let got: BTreeSet<_> = actual.iter().filter_map(|d| d.error_type.clone()).collect();
        assert_eq!(got, want, "{}: {actual:#?}", case.name);
        assert_eq!(actual.len(), expected.len(), "{}: {actual:#?}", case.name);
        for error in &expected {
            let (Some(line), Some(kind)) = (
                &error.line,
                error.metadata.as_ref().and_then(|m| m.error_type.as_ref()),
            ) else {
                continue;
            };
            assert!(
                actual
                    .iter()
                    .any(|d| d.error_type.as_ref() == Some(kind) && d.line.start == line.start),
                "{}: no {kind} on line {}: {actual:#?}",
                case.name,
                line.start
            );
        }
        passed += 1;
    }
    println!("semantic validation: {passed} passed, {skipped} skipped upstream");
    assert_eq!(passed + skipped, 91);
}

#[test]
fn syntax_validation() {
    let mut passed = 0;
    for case in dsl_cases("dsl-syntax-validation-cases.yaml") {
        let expected = case.expected_errors.unwrap_or_default();
        let actual = diagnostics(&case.dsl);
        if expected.is_empty() {
            assert!(actual.is_empty(), "{}: {actual:#?}", case.name);
        } else {
            assert!(!actual.is_empty(), "{}: expected errors", case.name);
            let lines: BTreeSet<_> = expected
                .iter()
                .filter_map(|e| e.line.as_ref().map(|l| l.start))
                .collect();
            assert!(
                lines.is_empty() || actual.iter().any(|d| lines.contains(&d.line.start)),
                "{}: expected an error on lines {lines:?}: {actual:#?}",
                case.name
            );
        }
        passed += 1;
    }
    println!("syntax validation: {passed}/81");
    assert_eq!(passed, 81);
}

#[derive(Debug, Deserialize)]
struct JsonCase {
    name: String,
    json: String,
    #[serde(default)]
    expected_errors: Option<Vec<Expected>>,
}

#[test]
fn json_validation() {
    let cases: Vec<JsonCase> =
        serde_saphyr::from_str(&read(&format!("{DATA}/json-validation-cases.yaml"))).unwrap();
    let mut passed = 0;
    for case in &cases {
        let mut value: serde_json::Value = serde_json::from_str(&case.json).unwrap();
        // A missing schema version is an error to report, not a decoding failure.
        if let Some(map) = value.as_object_mut() {
            map.entry("schema_version").or_insert_with(|| "".into());
        }
        let model: AuthorizationModel = serde_json::from_value(value).unwrap();
        let got: BTreeSet<_> = dsl::validate(&model)
            .into_iter()
            .filter_map(|d| d.error_type)
            .collect();
        let want: BTreeSet<_> = case
            .expected_errors
            .iter()
            .flatten()
            .filter_map(|e| e.metadata.as_ref()?.error_type.clone())
            .collect();
        assert_eq!(got, want, "{}", case.name);
        passed += 1;
    }
    println!("json validation: {passed}/{}", cases.len());
    assert_eq!(passed, cases.len());
}

#[derive(Debug, Deserialize)]
struct ObjectIdCase {
    name: String,
    object_id: String,
    valid: bool,
}

#[test]
fn object_ids() {
    let cases: Vec<ObjectIdCase> =
        serde_saphyr::from_str(&read(&format!("{DATA}/object-id-validation-cases.yaml"))).unwrap();
    for case in &cases {
        assert_eq!(
            dsl::valid_object_id(&case.object_id),
            case.valid,
            "{}",
            case.name
        );
    }
    println!("object ids: {}/{}", cases.len(), cases.len());
    assert_eq!(cases.len(), 23);
}

#[test]
fn diagnostics_display_one_based_positions() {
    let errors = dsl::parse(
        "model\n  schema 1.1\ntype user\n  relations\n    define a: [user] or b and c\n",
    )
    .unwrap_err();
    let first = errors.first().unwrap();
    assert_eq!(first.line.start, 4);
    assert!(first.to_string().starts_with("line 5, column "), "{first}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    let text = format!(
        "model\n  schema 1.1\ntype user\n  relations\n    define a: [user]\n    define b: {}a{}\n",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    assert!(dsl::parse(&text).is_err());
    let fine =
        "model\n  schema 1.1\ntype user\n  relations\n    define a: [user]\n    define b: ((a))\n";
    assert!(dsl::parse(fine).is_ok());
}

fn corpus_model_texts() -> Vec<String> {
    transformer_dirs()
        .into_iter()
        .map(|dir| read(&format!("{}/authorization-model.fga", dir.display())))
        .collect()
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = dsl::parse_and_validate(&text);
    }

    #[test]
    fn mutated_models_never_panic(
        index in 0usize..29,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<char>()), 1..8),
    ) {
        let models = corpus_model_texts();
        let mut chars: Vec<char> = models[index % models.len()].chars().collect();
        for (at, kind, c) in edits {
            if chars.is_empty() {
                break;
            }
            let i = at.index(chars.len());
            match kind {
                0 => { chars.remove(i); }
                1 => chars.insert(i, c),
                2 => chars[i] = c,
                _ => chars.insert(i, ['(', ')', '[', ']', '#', ':', '\n', ' ', '{', '}'][i % 10]),
            }
        }
        let text: String = chars.into_iter().collect();
        if let Ok(model) = dsl::parse_and_validate(&text) {
            let _ = dsl::print(&model);
        }
    }
}
