//! GitHub Actions end to end: a small tree of workflows (`tests/data/gha`) scanned with
//! every framework, against Checkov 3.3.30's output for the same tree
//! (`tests/data/gha/checkov.json`, `--framework github_actions`, reduced to the fields
//! compared), on every Checkov id Deputy claims. Deputy must report every result Checkov reports, with the same
//! outcome, resource and line range, and nothing else on workflows; the one deliberate
//! difference is a suppression comment, which Checkov does not read on CKV2_GHA_1, a graph
//! check. terragoat's workflows are compared the same way, passes included.

use deputy_iac::model::{DiagnosticKind, Framework};
use deputy_iac::scan::{Outcome, ScanOptions, scan};
use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/gha")
}

/// (outcome, check id, resource, file, start, end).
type Row = (String, String, String, String, u64, u64);

fn checkov_rows() -> BTreeSet<Row> {
    let path = data().join("checkov.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let json: Json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    rows_of(&json)
}

/// The passed and failed results of one Checkov run, on the ids Deputy claims.
fn rows_of(json: &Json) -> BTreeSet<Row> {
    let claimed: BTreeSet<&str> = deputy_iac::registry::metas()
        .flat_map(|m| m.checkov.iter().copied())
        .collect();
    let mut rows = BTreeSet::new();
    for (key, outcome) in [("failed_checks", "failed"), ("passed_checks", "passed")] {
        for c in json["results"][key].as_array().into_iter().flatten() {
            let s = |f: &str| c[f].as_str().unwrap_or_default().to_owned();
            let range = |i: usize| c["file_line_range"][i].as_u64().unwrap_or(u64::MAX);
            if !claimed.contains(s("check_id").as_str()) {
                continue;
            }
            rows.insert((
                outcome.to_owned(),
                s("check_id"),
                s("resource"),
                s("file_path").trim_start_matches('/').to_owned(),
                range(0),
                range(1),
            ));
        }
    }
    rows
}

/// Deputy's results as rows, and the suppressed ones apart (as failures among the rows).
fn rows(results: &[deputy_iac::scan::CheckResult]) -> (BTreeSet<Row>, Vec<(String, String)>) {
    let mut ours = BTreeSet::new();
    let mut suppressed = Vec::new();
    for r in results {
        // Only workflows are read inside `.github`: its Terraform file is not scanned.
        assert_eq!(r.framework, Framework::GithubActions, "{r:?}");
        let outcome = match &r.outcome {
            Outcome::Passed => "passed",
            Outcome::Failed(_) => "failed",
            Outcome::Skipped(reason) => {
                suppressed.push((r.file.clone(), reason.clone()));
                "failed"
            }
        };
        for id in r.meta.checkov {
            ours.insert((
                outcome.to_owned(),
                (*id).to_owned(),
                r.address.clone(),
                r.file.clone(),
                u64::from(r.span.start),
                u64::from(r.span.end),
            ));
        }
    }
    (ours, suppressed)
}

#[test]
fn workflows_agree_with_checkov() {
    let report = scan(&data(), &ScanOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let (ours, suppressed) = rows(&report.results);
    let theirs = checkov_rows();
    assert!(
        theirs.iter().filter(|r| r.0 == "failed").count() >= 15,
        "the golden output was read"
    );
    assert_eq!(ours, theirs);
    assert_eq!(
        suppressed,
        [(
            ".github/workflows/suppressed.yml".to_owned(),
            "the token is restricted in the repository settings".to_owned()
        )]
    );
    let diagnostics: Vec<(&str, DiagnosticKind)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.as_str(), d.kind))
        .collect();
    assert_eq!(
        diagnostics,
        [
            (".github/workflows/broken.yml", DiagnosticKind::ParseError),
            (".github/workflows/invalid.yml", DiagnosticKind::Skipped),
        ]
    );
    assert!(report.partial());
}

#[test]
fn the_framework_can_be_selected_and_skipped() {
    let only = |frameworks: &[&str], skip: &[&str]| {
        let options = ScanOptions {
            frameworks: frameworks.iter().map(|s| (*s).to_owned()).collect(),
            skip_frameworks: skip.iter().map(|s| (*s).to_owned()).collect(),
            ..ScanOptions::default()
        };
        let report = scan(&data(), &options).unwrap_or_else(|e| panic!("{e}"));
        report.results.len()
    };
    let all = only(&["github_actions"], &[]);
    assert_eq!(all, checkov_rows().len());
    assert_eq!(only(&[], &["github_actions"]), 0);
    assert_eq!(only(&["terraform"], &[]), 0);
}

/// Every result (passes too) of Checkov's `github_actions` run on terragoat, on the ids
/// Deputy claims: the 3 failures of CKV2_GHA_1 and the passes of the job checks.
#[test]
fn terragoat_workflows_agree_with_checkov() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/iac");
    let golden = corpus.join("checkov-results/terragoat_all.json.gz");
    let bytes = std::fs::read(&golden).unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
        .unwrap_or_else(|e| panic!("{e}"));
    let runs: Json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let run = runs
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["check_type"] == "github_actions")
        .unwrap_or_else(|| panic!("no github_actions run"));
    let theirs = rows_of(run);
    let options = ScanOptions {
        frameworks: vec!["github_actions".to_owned()],
        ..ScanOptions::default()
    };
    let report = scan(&corpus.join("terragoat"), &options).unwrap_or_else(|e| panic!("{e}"));
    let (ours, suppressed) = rows(&report.results);
    assert!(suppressed.is_empty());
    let failed = theirs.iter().filter(|r| r.0 == "failed").count();
    assert_eq!(failed, 3, "CKV2_GHA_1's failures were read");
    let only_checkov: Vec<&Row> = theirs.difference(&ours).collect();
    let only_deputy: Vec<&Row> = ours.difference(&theirs).collect();
    assert!(
        only_checkov.is_empty() && only_deputy.is_empty(),
        "only Checkov: {only_checkov:#?}\nonly Deputy: {only_deputy:#?}"
    );
}
