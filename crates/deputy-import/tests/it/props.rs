use super::fixture;
use deputy_import::{ImportOptions, ReportFormat};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};

const RULES: [&str; 3] = ["R1", "R2", "R3"];
const PATHS: [&str; 3] = ["a.py", "lib/b.py", "infra/main.tf"];
const RESOURCES: [&str; 2] = ["mod.f", "mod.g"];

/// One generated result.
#[derive(Debug, Clone)]
struct Spec {
    rule: String,
    path: String,
    line: u32,
    column: Option<u32>,
    message: String,
    partial: Option<String>,
    resource: Option<String>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::sample::select(&RULES[..]),
        prop::sample::select(&PATHS[..]),
        1..500_u32,
        prop::option::of(1..80_u32),
        ".{0,20}",
        prop::option::weighted(0.3, "[a-f0-9]{8}"),
        prop::option::of(prop::sample::select(&RESOURCES[..])),
    )
        .prop_map(
            |(rule, path, line, column, message, partial, resource)| Spec {
                rule: rule.to_owned(),
                path: path.to_owned(),
                line,
                column,
                message,
                partial,
                resource: resource.map(str::to_owned),
            },
        )
}

fn log(specs: &[Spec]) -> Vec<u8> {
    let results: Vec<Value> = specs
        .iter()
        .map(|s| {
            let mut region = json!({ "startLine": s.line, "endLine": s.line + 2 });
            if let Some(column) = s.column {
                region["startColumn"] = json!(column);
            }
            let mut location = json!({
                "physicalLocation": { "artifactLocation": { "uri": s.path }, "region": region }
            });
            if let Some(resource) = &s.resource {
                location["logicalLocations"] = json!([{ "fullyQualifiedName": resource }]);
            }
            let mut result = json!({
                "ruleId": s.rule,
                "message": { "text": s.message },
                "locations": [location],
            });
            if let Some(partial) = &s.partial {
                result["partialFingerprints"] = json!({ "primaryLocationLineHash": partial });
            }
            result
        })
        .collect();
    let log = json!({
        "version": "2.1.0",
        "runs": [{ "tool": { "driver": { "name": "GenScan" } }, "results": results }]
    });
    serde_json::to_vec(&log).unwrap()
}

fn fingerprints(specs: &[Spec]) -> Vec<String> {
    let scan =
        deputy_import::parse(ReportFormat::Sarif, &log(specs), &ImportOptions::default()).unwrap();
    assert_eq!(scan.findings.len(), specs.len());
    scan.findings
        .into_iter()
        .map(|f| f.fingerprint.to_string())
        .collect()
}

/// Every JSON pointer into `value`, the root included.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(-1)),
        Just(json!(0)),
        Just(json!(i64::MAX)),
        Just(json!(u64::MAX)),
        Just(json!(1.5)),
        Just(json!(true)),
        Just(json!("")),
        Just(json!("file:///%ff%fe/../x")),
        Just(json!([])),
        Just(json!({})),
        Just(json!([{}])),
    ]
}

/// Parses `bytes` as both formats; the test fails if either panics.
fn parse_both(bytes: &[u8]) {
    for format in ReportFormat::ALL {
        let _ = deputy_import::parse(format, bytes, &ImportOptions::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn fingerprints_survive_line_shifts_and_rewording(
        specs in prop::collection::vec(spec(), 1..30),
        shift in 1..10_000_u32,
        prefix in ".{1,10}",
    ) {
        let moved: Vec<Spec> = specs
            .iter()
            .map(|s| Spec {
                line: s.line + shift,
                message: format!("{prefix}{}", s.message),
                ..s.clone()
            })
            .collect();
        prop_assert_eq!(fingerprints(&specs), fingerprints(&moved));
    }

    #[test]
    fn changing_rule_or_path_changes_the_fingerprint(
        specs in prop::collection::vec(spec(), 1..30),
        which in any::<Index>(),
        change_path in any::<bool>(),
    ) {
        let before = fingerprints(&specs);
        let k = which.index(specs.len());
        let mut changed = specs.clone();
        if change_path {
            changed[k].path = "changed/elsewhere.py".to_owned();
        } else {
            changed[k].rule = "R_CHANGED".to_owned();
        }
        let after = fingerprints(&changed);
        prop_assert!(!before.contains(&after[k]));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        parse_both(&bytes);
    }

    #[test]
    fn truncated_and_mutated_reports_never_panic(
        which in any::<Index>(),
        cut in any::<Index>(),
        edits in prop::collection::vec((any::<Index>(), prop::sample::select(&b"{}[]\":,-0159.aeflnrstu \\"[..])), 0..6),
    ) {
        let names = ["multi_run.sarif.json", "partial.sarif.json", "checkov_small.json"];
        let mut bytes = fixture(names[which.index(names.len())]);
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        parse_both(&bytes);
        bytes.truncate(cut.index(bytes.len() + 1));
        parse_both(&bytes);
    }

    #[test]
    fn reports_with_odd_values_never_panic(
        which in any::<Index>(),
        edits in prop::collection::vec((any::<Index>(), odd_value()), 1..4),
    ) {
        let names = ["multi_run.sarif.json", "partial.sarif.json", "checkov_small.json"];
        let mut value: Value = serde_json::from_slice(&fixture(names[which.index(names.len())])).unwrap();
        for (at, replacement) in edits {
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let pointer = &all[at.index(all.len())];
            if let Some(slot) = value.pointer_mut(pointer) {
                *slot = replacement;
            }
        }
        parse_both(&serde_json::to_vec(&value).unwrap());
    }
}
