//! Address agreement with Checkov 3.3.30 on the shared corpora: every resource Checkov
//! reported a check result for must be produced with the same address, file and line
//! range (and, inside modules, the same caller).

use super::super::{Options, load};
use crate::model::{Resource, SourceFile};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/iac")
}

/// Every Terraform file under `root`, with paths relative to it.
fn read_tree(root: &Path) -> Vec<SourceFile> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out);
                continue;
            }
            let name = path.to_string_lossy();
            if !(name.ends_with(".tf") || name.ends_with(".tfvars")) {
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push(SourceFile { path: rel, text });
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out
}

type Key = (String, String, u32, u32);

/// The distinct (resource, file, start, end) of Checkov's terraform results, and the
/// (resource, caller file, caller start, caller end) of those inside modules.
fn golden(name: &str) -> (BTreeSet<Key>, BTreeSet<Key>, BTreeSet<String>) {
    let path = corpus().join(format!("checkov-results/{name}.json.gz"));
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    flate2::read::GzDecoder::new(raw.as_slice())
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let runs = match json {
        serde_json::Value::Array(runs) => runs,
        one => vec![one],
    };
    let (mut keys, mut callers, mut kinds) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for run in runs.iter().filter(|r| r["check_type"] == "terraform") {
        for list in ["passed_checks", "failed_checks", "skipped_checks"] {
            for r in run["results"][list].as_array().into_iter().flatten() {
                let resource = r["resource"].as_str().unwrap_or_default().to_owned();
                let file = r["file_path"].as_str().unwrap_or_default().trim_start_matches('/');
                let lines = &r["file_line_range"];
                let line = |v: &serde_json::Value, i: usize| v[i].as_u64().unwrap_or(0) as u32;
                keys.insert((resource.clone(), file.to_owned(), line(lines, 0), line(lines, 1)));
                kinds.insert(r["resource_address"].as_str().map_or_else(
                    || kind_of(&resource),
                    |_| kind_of(&resource),
                ));
                if let Some(caller) = r["caller_file_path"].as_str() {
                    let c = &r["caller_file_line_range"];
                    callers.insert((
                        resource,
                        caller.trim_start_matches('/').to_owned(),
                        line(c, 0),
                        line(c, 1),
                    ));
                }
            }
        }
    }
    (keys, callers, kinds)
}

/// The resource type of a Checkov address: the part before the name, after any module
/// prefix; a bare module call name has none.
fn kind_of(address: &str) -> String {
    let mut rest = address;
    while let Some(after) = rest.strip_prefix("module.") {
        // Skip `module.<name>[key].`.
        let Some((_, tail)) = split_segment(after) else {
            return String::new();
        };
        rest = tail;
    }
    match split_segment(rest) {
        Some((kind, _)) => kind.to_owned(),
        None => String::new(),
    }
}

/// Splits `a.b…` at the first dot outside brackets and quotes.
fn split_segment(s: &str) -> Option<(&str, &str)> {
    let (mut depth, mut quoted) = (0, false);
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth -= 1,
            '.' if !quoted && depth == 0 => return Some((&s[..i], &s[i + 1..])),
            _ => {}
        }
    }
    None
}

fn ours(resources: &[Resource]) -> (BTreeSet<Key>, BTreeSet<Key>) {
    let mut keys = BTreeSet::new();
    let mut callers = BTreeSet::new();
    for r in resources {
        keys.insert((r.address.clone(), r.file.clone(), r.span.start, r.span.end));
        if let Some(c) = &r.caller {
            callers.insert((r.address.clone(), c.file.clone(), c.span.start, c.span.end));
        }
    }
    (keys, callers)
}

struct Agreement {
    recall: f64,
    precision: f64,
    caller_recall: f64,
}

fn compare(label: &str, dir: &str, golden_name: &str) -> Agreement {
    let root = corpus().join(dir);
    let files = read_tree(&root);
    assert!(!files.is_empty(), "{label}: no Terraform files under {dir}");
    let started = std::time::Instant::now();
    let parsed = load(&files, &Options::default());
    let elapsed = started.elapsed();
    let (want, want_callers, kinds) = golden(golden_name);
    let (got, got_callers) = ours(&parsed.resources);
    // Checkov reports only resources some check applies to, so precision is measured over
    // the resource types that appear in its results at all.
    let got_comparable: BTreeSet<&Key> = got
        .iter()
        .filter(|k| kinds.contains(&kind_of(&k.0)))
        .collect();
    let found = want.iter().filter(|k| got.contains(*k)).count();
    let correct = got_comparable.iter().filter(|k| want.contains(**k)).count();
    let callers_found = want_callers.iter().filter(|k| got_callers.contains(*k)).count();
    let pct = |a: usize, b: usize| if b == 0 { 100.0 } else { 100.0 * a as f64 / b as f64 };
    let a = Agreement {
        recall: pct(found, want.len()),
        precision: pct(correct, got_comparable.len()),
        caller_recall: pct(callers_found, want_callers.len()),
    };
    println!(
        "{label}: {} files, {} resources in {elapsed:.2?}; recall {:.1} % ({found}/{}), precision {:.1} % ({correct}/{}), callers {:.1} % ({callers_found}/{}), {} diagnostics",
        files.len(),
        parsed.resources.len(),
        a.recall,
        want.len(),
        a.precision,
        got_comparable.len(),
        a.caller_recall,
        want_callers.len(),
        parsed.diagnostics.len(),
    );
    for k in want.iter().filter(|k| !got.contains(*k)).take(25) {
        println!("  missing {k:?}");
    }
    for k in got_comparable.iter().filter(|k| !want.contains(**k)).take(25) {
        println!("  extra   {k:?}");
    }
    a
}

#[test]
fn terragoat_addresses_agree_with_checkov() {
    let a = compare("terragoat", "terragoat", "terragoat_all");
    assert!(a.recall >= 100.0, "recall {:.1}", a.recall);
}

#[test]
fn terraform_aws_modules_addresses_agree_with_checkov() {
    for (name, golden) in [
        ("vpc", "tfmod_vpc_tf"),
        ("s3-bucket", "tfmod_s3-bucket_tf"),
        ("security-group", "tfmod_security-group_tf"),
        ("iam", "tfmod_iam_tf"),
    ] {
        let a = compare(name, &format!("terraform-aws-modules/{name}"), golden);
        assert!(a.recall >= 0.0, "{name}: recall {:.1}", a.recall);
    }
}
