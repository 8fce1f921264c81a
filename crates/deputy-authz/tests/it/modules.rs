//! Modular models against OpenFGA's language corpus: `fga.mod` manifests
//! (`fga-mod-transformer-cases.yaml`) and module files combined into one model
//! (`transformer-module/*`): the combined JSON, the combined DSL with and without source
//! comments, the module list, and every error with its file, line and column.

use std::path::{Path, PathBuf};

use deputy_authz::dsl::modules::{self, ModuleFile};
use deputy_authz::dsl::{self, Diagnostic};
use deputy_authz::model::AuthorizationModel;
use deputy_authz::testing;
use proptest::prelude::*;
use serde::Deserialize;

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/openfga/language/tests/data"
);

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[derive(Debug, Deserialize, PartialEq, Eq, Clone, Copy)]
struct Range {
    start: usize,
    end: usize,
}

#[derive(Debug, Deserialize)]
struct ExpectedMeta {
    #[serde(default, rename = "errorType")]
    error_type: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ExpectedError {
    msg: String,
    #[serde(default)]
    file: Option<String>,
    line: Range,
    column: Range,
    #[serde(default)]
    metadata: Option<ExpectedMeta>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ModFileCase {
    name: String,
    mod_file: String,
    #[serde(default)]
    json: Option<String>,
    #[serde(default, rename = "expected_errors")]
    expected_errors: Option<Vec<ExpectedError>>,
}

/// Whether a diagnostic is the expected error: message, file, position and kind. Syntax
/// errors are OpenFGA's parser's own words (`no viable alternative at input …`); for them
/// the position and the kind must match, not the wording.
fn matches(actual: &Diagnostic, expected: &ExpectedError) -> bool {
    let kind = expected
        .metadata
        .as_ref()
        .and_then(|m| m.error_type.clone());
    let syntax = expected.kind.as_deref() == Some("syntax");
    (syntax || actual.message == expected.msg)
        && actual.file == expected.file
        && actual.line.start == expected.line.start
        && actual.line.end == expected.line.end
        && actual.column.start == expected.column.start
        && actual.column.end == expected.column.end
        && actual.error_type == kind
}

fn assert_errors(name: &str, actual: &[Diagnostic], expected: &[ExpectedError]) {
    assert_eq!(
        actual.len(),
        expected.len(),
        "{name}: got {actual:#?}, want {expected:#?}"
    );
    for (i, (got, want)) in actual.iter().zip(expected).enumerate() {
        assert!(
            matches(got, want),
            "{name}: error {i}: got {got:#?}, want {want:#?}"
        );
    }
}

#[test]
fn fga_mod_manifests() {
    let cases: Vec<ModFileCase> = serde_saphyr::from_str(&read(Path::new(&format!(
        "{DATA}/fga-mod-transformer-cases.yaml"
    ))))
    .unwrap();
    let mut passed = 0;
    for case in &cases {
        let parsed = modules::parse_mod_file(&case.mod_file);
        match (&case.expected_errors, &case.json) {
            (Some(expected), _) => {
                let errors = parsed.expect_err(&case.name);
                assert_errors(&case.name, &errors, expected);
            }
            (None, Some(json)) => {
                let parsed = parsed.unwrap_or_else(|e| panic!("{}: {e:#?}", case.name));
                let want: serde_json::Value = serde_json::from_str(json).unwrap();
                assert_eq!(
                    serde_json::to_value(&parsed).unwrap(),
                    want,
                    "{}",
                    case.name
                );
            }
            (None, None) => panic!("{}: neither json nor expected_errors", case.name),
        }
        passed += 1;
    }
    println!("fga.mod manifests: {passed}/{}", cases.len());
    assert_eq!(passed, 9);
    assert_eq!(passed, cases.len());
}

fn module_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(format!("{DATA}/transformer-module"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// A case's module files, by name, as OpenFGA's tests read them.
fn module_files(dir: &Path) -> Option<Vec<ModuleFile>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir.join("module"))
        .ok()?
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "fga"))
        .collect();
    paths.sort();
    Some(
        paths
            .iter()
            .map(|p| ModuleFile {
                name: p.file_name().unwrap().to_string_lossy().into_owned(),
                contents: read(p),
            })
            .collect(),
    )
}

/// Drops what OpenFGA treats as absent: empty relation metadata maps.
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

#[test]
fn module_files_combine() {
    let mut checks = 0;
    let dirs = module_dirs();
    for dir in &dirs {
        let name = dir.display().to_string();
        assert!(
            !dir.join("test.skip").exists(),
            "{name} is skipped upstream"
        );
        let files = module_files(dir);
        let expected_json = std::fs::read_to_string(dir.join("authorization-model.json")).ok();
        let expected_model = expected_json
            .as_ref()
            .map(|j| serde_json::from_str::<AuthorizationModel>(j).unwrap());
        let combined = files.as_ref().map(|f| modules::combine(f, "1.2"));

        if let Ok(text) = std::fs::read_to_string(dir.join("expected_errors.json")) {
            let expected: Vec<ExpectedError> = serde_json::from_str(&text).unwrap();
            let errors = combined.clone().unwrap().expect_err(&name);
            assert_errors(&name, &errors, &expected);
            checks += 1;
        }
        if let (Some(expected), Some(combined)) = (&expected_model, &combined) {
            let model = combined
                .clone()
                .unwrap_or_else(|e| panic!("{name}: {e:#?}"));
            assert_eq!(normalise(model), normalise(expected.clone()), "{name}");
            checks += 1;
        }
        let combined_model = combined.and_then(Result::ok);
        for (file, print) in [
            (
                "combined.fga",
                dsl::print as fn(&AuthorizationModel) -> String,
            ),
            ("combined-sourceinfo.fga", dsl::print_with_source_info),
        ] {
            let Ok(want) = std::fs::read_to_string(dir.join(file)) else {
                continue;
            };
            let model = expected_model.as_ref().unwrap();
            assert_eq!(print(model), want, "{name}: {file} from the JSON");
            let combined = combined_model.as_ref().unwrap();
            assert_eq!(print(combined), want, "{name}: {file} from the modules");
            checks += 1;
        }
        if let Ok(text) = std::fs::read_to_string(dir.join("expected_modules.json")) {
            let want: Vec<String> = serde_json::from_str(&text).unwrap();
            let model = expected_model.as_ref().unwrap();
            assert_eq!(modules::modules(model).unwrap(), want, "{name}");
            if let Some(combined) = &combined_model {
                assert_eq!(modules::modules(combined).unwrap(), want, "{name}");
            }
            checks += 1;
        }
    }
    println!(
        "transformer-module: {} cases, {checks}/{checks} expected files matched",
        dirs.len()
    );
    assert_eq!(dirs.len(), 7);
    // 4 error lists, 2 combined models (06 has the JSON only), 2 × 2 printed models,
    // 3 module lists.
    assert_eq!(checks, 13);
}

#[test]
fn combined_models_print_and_parse_back() {
    for dir in module_dirs() {
        let Some(files) = module_files(&dir) else {
            continue;
        };
        let Ok(model) = modules::combine(&files, "1.2") else {
            continue;
        };
        for printed in [dsl::print(&model), dsl::print_with_source_info(&model)] {
            let reparsed = dsl::parse_and_validate(&printed)
                .unwrap_or_else(|e| panic!("{}: {printed}\n{e:#?}", dir.display()));
            assert_eq!(
                reparsed.type_definitions.len(),
                model.type_definitions.len()
            );
            assert_eq!(reparsed.conditions.len(), model.conditions.len());
        }
    }
}

#[test]
fn modules_need_schema_1_2() {
    let model = AuthorizationModel {
        schema_version: "1.1".into(),
        ..AuthorizationModel::default()
    };
    let error = modules::modules(&model).unwrap_err();
    assert_eq!(
        error.error_type.as_deref(),
        Some("unsupported-modular-modules")
    );
}

#[test]
fn load_reads_files_relative_to_the_manifest() {
    let files = |name: &str| {
        match name {
        "core.fga" => Ok("module core\n\ntype user\n".to_owned()),
        "team/doc.fga" => Ok(
            "module docs\n\ntype doc\n  relations\n    define viewer: [user]\n\nextend type user\n  relations\n    define friend: [user]\n"
                .to_owned(),
        ),
        other => Err(format!("no file {other}")),
    }
    };
    let model = modules::load(
        "fga.mod",
        "schema: '1.2'\ncontents:\n  - core.fga\n  - team/doc.fga\n",
        &files,
    )
    .unwrap();
    assert_eq!(model.schema_version, "1.2");
    let user = model.type_definition("user").unwrap();
    let friend = &user.metadata.as_ref().unwrap().relations["friend"];
    assert_eq!(friend.module.as_deref(), Some("docs"));
    assert_eq!(friend.source_info.as_ref().unwrap().file, "team/doc.fga");

    let errors = modules::load(
        "fga.mod",
        "schema: '1.2'\ncontents:\n  - core.fga\n  - missing.fga\n",
        &files,
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file.as_deref(), Some("fga.mod"));
    assert_eq!(errors[0].line.start, 3);
    assert!(
        errors[0].to_string().starts_with("fga.mod: line 4"),
        "{}",
        errors[0]
    );
}

#[derive(Debug, Deserialize)]
struct SemanticError {
    #[serde(default)]
    line: Option<Range>,
    #[serde(default)]
    metadata: Option<ExpectedMeta>,
}

#[derive(Debug, Deserialize)]
struct SemanticCase {
    name: String,
    dsl: String,
    #[serde(default)]
    expected_errors: Option<Vec<SemanticError>>,
    #[serde(default)]
    skip: bool,
}

/// OpenFGA's language tests also run every semantic-validation case as a one-file modular
/// model (`model\n  schema 1.1` turned into `module test\n`): the same errors must come out,
/// on the same lines, now naming the file.
#[test]
fn semantic_validation_cases_as_modules() {
    let cases: Vec<SemanticCase> = serde_saphyr::from_str(&read(Path::new(&format!(
        "{DATA}/dsl-semantic-validation-cases.yaml"
    ))))
    .unwrap();
    let (mut passed, mut not_applicable) = (0, 0);
    for case in &cases {
        // As upstream: skipped cases, module cases, and other schema versions do not apply.
        if case.skip || case.dsl.trim().starts_with("module") || !case.dsl.contains("schema 1.1") {
            not_applicable += 1;
            continue;
        }
        let dsl = case.dsl.replacen("model\n  schema 1.1", "module test\n", 1);
        let files = [ModuleFile {
            name: "test.fga".into(),
            contents: dsl,
        }];
        let errors = modules::combine(&files, "1.2").err().unwrap_or_default();
        let expected = case.expected_errors.as_deref().unwrap_or_default();
        let want: Vec<_> = expected
            .iter()
            .map(|e| {
                (
                    e.metadata.as_ref().and_then(|m| m.error_type.clone()),
                    e.line.map(|l| l.start),
                )
            })
            .collect();
        let got: Vec<_> = errors
            .iter()
            .map(|e| (e.error_type.clone(), Some(e.line.start)))
            .collect();
        let mut want_sorted = want.clone();
        let mut got_sorted = got.clone();
        want_sorted.sort();
        got_sorted.sort();
        assert_eq!(got_sorted, want_sorted, "{}: {errors:#?}", case.name);
        for error in &errors {
            assert_eq!(error.file.as_deref(), Some("test.fga"), "{}", case.name);
        }
        passed += 1;
    }
    println!(
        "semantic validation as modules: {passed}/{} ({not_applicable} not applicable upstream)",
        cases.len() - not_applicable
    );
    assert_eq!(passed + not_applicable, cases.len());
}

#[test]
fn store_files_may_name_a_manifest_as_their_model() {
    let store = "model_file: model/fga.mod\n\
                 tuples:\n  - {user: \"user:anne\", relation: member, object: \"team:a\"}\n  - {user: \"team:a#member\", relation: viewer, object: \"doc:1\"}\n\
                 tests:\n  - name: modular\n    check:\n      - user: user:anne\n        object: doc:1\n        assertions:\n          viewer: true\n          owner: false\n";
    let read = |path: &str| {
        match path {
        "model/fga.mod" => Ok("schema: '1.2'\ncontents:\n  - core.fga\n  - docs/doc.fga\n".to_owned()),
        "model/core.fga" => Ok("module core\n\ntype user\n\ntype team\n  relations\n    define member: [user]\n".to_owned()),
        "model/docs/doc.fga" => Ok("module docs\n\ntype doc\n  relations\n    define owner: [user]\n    define viewer: [team#member] or owner\n".to_owned()),
        other => Err(format!("no file {other}")),
    }
    };
    let report = testing::store_file::run("store.fga.yaml", store, &read).unwrap();
    assert_eq!(report.failures, Vec::<String>::new());
    assert_eq!(report.totals(), (2, 0));

    let broken = |path: &str| match path {
        "model/docs/doc.fga" => Ok(
            "module docs\n\ntype doc\n  relations\n    define viewer: [tem#member]\n".to_owned(),
        ),
        other => read(other),
    };
    let err = testing::store_file::run("store.fga.yaml", store, &broken).unwrap_err();
    assert!(err.contains("docs/doc.fga: line 5"), "{err}");
}

fn corpus_module_texts() -> Vec<String> {
    module_dirs()
        .iter()
        .filter_map(|dir| module_files(dir))
        .flatten()
        .map(|f| f.contents)
        .collect()
}

proptest! {
    #[test]
    fn arbitrary_manifests_never_panic(text in "\\PC{0,200}") {
        let _ = modules::parse_mod_file(&text);
    }

    #[test]
    fn mutated_module_files_never_panic(
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..4),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 0..8),
    ) {
        let texts = corpus_module_texts();
        let mut files: Vec<ModuleFile> = picks
            .iter()
            .enumerate()
            .map(|(i, pick)| ModuleFile {
                name: format!("f{i}.fga"),
                contents: texts[pick.index(texts.len())].clone(),
            })
            .collect();
        for (at, kind, c) in edits {
            let file_count = files.len();
            let file = &mut files[at.index(file_count)];
            let mut chars: Vec<char> = file.contents.chars().collect();
            if chars.is_empty() {
                continue;
            }
            let i = at.index(chars.len());
            match kind {
                0 => { chars.remove(i); }
                1 => chars.insert(i, c),
                _ => chars[i] = c,
            }
            file.contents = chars.into_iter().collect();
        }
        if let Ok(model) = modules::combine(&files, "1.2") {
            let _ = dsl::print_with_source_info(&model);
        }
    }
}
