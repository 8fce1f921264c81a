//! The Kubernetes, Dockerfile and CloudFormation front ends against Checkov's outputs:
//! the resources (address, file, lines) Checkov reports on kubernetes-goat and on its own
//! test cases must all be produced by Deputy's front ends. (What the checks find there is
//! compared in `corpora.rs`.)

use deputy_iac::model::{Framework, Resource, SourceFile, Span, Value};
use deputy_iac::{cloudformation, detect, dockerfile, kubernetes};
use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/iac")
}

/// (address, file, start, end).
type Site = (String, String, u32, u32);

fn read_golden(path: &Path) -> Json {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every resource the front ends produce for `file` (under `root`), with the
/// per-instruction addresses a Dockerfile's results can carry.
fn sites(root: &Path, file: &str) -> Vec<Site> {
    let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
    let source = SourceFile {
        path: file.to_owned(),
        text,
    };
    let name = file.rsplit('/').next().unwrap_or(file);
    let parsed = if deputy_iac::scan::is_dockerfile(name) {
        dockerfile::parse(&source)
    } else {
        match detect::structured(&source) {
            Some(Framework::Kubernetes) => kubernetes::parse(&source),
            Some(Framework::CloudFormation) => cloudformation::parse(&source),
            _ => return Vec::new(),
        }
    };
    let mut out = Vec::new();
    for r in &parsed.resources {
        out.push(site(&r.address, r));
        if r.framework == Framework::Dockerfile {
            for ins in r
                .config
                .get("instructions")
                .into_iter()
                .flat_map(Value::items)
            {
                let word = ins.get("instruction").and_then(Value::as_str).unwrap_or("");
                let line = |k: &str| ins.get(k).and_then(Value::as_f64).unwrap_or(0.0) as u32;
                let address = dockerfile::instruction_address(&r.file, word);
                out.push((address, r.file.clone(), line("start"), line("end")));
            }
        }
    }
    out
}

fn site(address: &str, r: &Resource) -> Site {
    let Span { start, end } = r.span;
    (address.to_owned(), r.file.clone(), start, end)
}

fn report(name: &str, theirs: &BTreeSet<Site>, ours: &BTreeSet<Site>) -> f64 {
    let both = theirs.intersection(ours).count();
    let recall = both as f64 / theirs.len().max(1) as f64;
    let precision = both as f64 / ours.len().max(1) as f64;
    println!(
        "{name}: Checkov {} sites, Deputy {}, both {both}: recall {:.1} %, precision {:.1} %",
        theirs.len(),
        ours.len(),
        recall * 100.0,
        precision * 100.0
    );
    for miss in theirs.difference(ours).take(10) {
        let near: Vec<&Site> = ours
            .iter()
            .filter(|o| o.0 == miss.0 && o.1 == miss.1)
            .collect();
        println!("    ours: {near:?}");
        println!("  only Checkov: {miss:?}");
    }
    recall
}

#[test]
fn front_ends_produce_every_resource_checkov_reports_on_kubernetes_goat() {
    let root = shared().join("kubernetes-goat");
    let golden = read_golden(&shared().join("checkov-results/k8sgoat_all.json.gz"));
    let runs = golden.as_array().cloned().unwrap_or_default();
    let mut theirs = BTreeSet::new();
    for run in &runs {
        let check_type = run.get("check_type").and_then(Json::as_str).unwrap_or("");
        if !["kubernetes", "dockerfile"].contains(&check_type) {
            continue;
        }
        for list in ["passed_checks", "failed_checks"] {
            let records = run.pointer(&format!("/results/{list}"));
            for r in records.and_then(Json::as_array).into_iter().flatten() {
                let file = r["file_path"]
                    .as_str()
                    .unwrap_or("")
                    .trim_start_matches('/');
                let lines = &r["file_line_range"];
                theirs.insert((
                    r["resource"].as_str().unwrap_or("").to_owned(),
                    file.to_owned(),
                    lines[0].as_u64().unwrap_or(0) as u32,
                    lines[1].as_u64().unwrap_or(0) as u32,
                ));
            }
        }
    }
    let files: BTreeSet<String> = theirs.iter().map(|s| s.1.clone()).collect();
    let ours: BTreeSet<Site> = files.iter().flat_map(|f| sites(&root, f)).collect();
    let recall = report("kubernetes-goat (kubernetes, dockerfile)", &theirs, &ours);
    assert!(recall >= 1.0, "every site Checkov reports must be produced");
}

#[test]
fn front_ends_produce_every_resource_of_checkovs_cases() {
    let dir = shared().join("checkov-parity");
    let text = std::fs::read_to_string(dir.join("expected_results.jsonl")).unwrap_or_default();
    for framework in ["kubernetes", "cloudformation", "dockerfile"] {
        let mut theirs = BTreeSet::new();
        let mut ours = BTreeSet::new();
        for line in text.lines() {
            let case: Json = serde_json::from_str(line).unwrap_or(Json::Null);
            if case["framework"] != framework {
                continue;
            }
            let input = case["inputs"][0].as_str().unwrap_or("").to_owned();
            let mut files = BTreeSet::new();
            for e in case["expected"].as_array().into_iter().flatten() {
                let (Some(file), Some(lines)) = (e["file"].as_str(), e["lines"].as_array()) else {
                    continue;
                };
                let file = if file.starts_with(&input) {
                    file.to_owned()
                } else {
                    format!("{input}/{file}")
                };
                // Checkov's Dockerfile addresses carry the path from the scanned folder.
                let resource = e["resource"].as_str().unwrap_or("");
                let resource = if framework == "dockerfile" {
                    format!("/{input}/{resource}")
                } else {
                    resource.to_owned()
                };
                let line = |i: usize| lines.get(i).and_then(Json::as_u64).unwrap_or(0) as u32;
                theirs.insert((resource, file.clone(), line(0), line(1)));
                files.insert(file);
            }
            for f in &files {
                ours.extend(sites(&dir, f));
            }
        }
        let recall = report(&format!("parity {framework}"), &theirs, &ours);
        assert!(recall >= 1.0, "{framework}: recall {recall}");
    }
}
