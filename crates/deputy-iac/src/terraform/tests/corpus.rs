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
                let file = r["file_path"]
                    .as_str()
                    .unwrap_or_default()
                    .trim_start_matches('/');
                let lines = &r["file_line_range"];
                let line = |v: &serde_json::Value, i: usize| v[i].as_u64().unwrap_or(0) as u32;
                keys.insert((
                    resource.clone(),
                    file.to_owned(),
                    line(lines, 0),
                    line(lines, 1),
                ));
                kinds.insert(kind_of(&resource));
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

/// One resource of ours: its key and, inside a module, its caller key.
fn ours(
    resources: &[Resource],
    kinds: &BTreeSet<String>,
) -> (BTreeSet<Key>, BTreeSet<Key>, BTreeSet<Key>) {
    let (mut keys, mut callers, mut comparable) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for r in resources {
        let key = (r.address.clone(), r.file.clone(), r.span.start, r.span.end);
        if let Some(c) = &r.caller {
            callers.insert((r.address.clone(), c.file.clone(), c.span.start, c.span.end));
        }
        // Checkov reports only resources some check applies to, so precision is measured
        // over the resource types that appear in its results at all, and without local
        // module calls, which no check judges.
        let local_call = r.kind == "module"
            && r.config
                .get("source")
                .and_then(|s| s.as_str())
                .is_some_and(|s| s.starts_with('.'));
        if kinds.contains(&kind_of(&r.address)) && !local_call {
            comparable.insert(key.clone());
        }
        keys.insert(key);
    }
    (keys, callers, comparable)
}

/// The key with every `[…]` instance key removed, to tell a different expansion from a
/// missing resource.
fn base_key(k: &Key) -> Key {
    let mut base = String::with_capacity(k.0.len());
    let (mut depth, mut quoted) = (0, false);
    for c in k.0.chars() {
        match c {
            '"' if depth > 0 => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth -= 1,
            _ if depth == 0 => base.push(c),
            _ => {}
        }
    }
    (base, k.1.clone(), k.2, k.3)
}

#[derive(Debug)]
struct Agreement {
    /// Checkov's (address, file, lines) that Deputy produces exactly.
    recall: f64,
    /// The same, ignoring `[…]` instance keys: where the two expand `count`/`for_each`
    /// differently, the resource is still found at the same place.
    base_recall: f64,
    /// Deputy's comparable resources that Checkov reports, ignoring instance keys.
    base_precision: f64,
    /// For Checkov's module resources: how many Deputy produces with the same caller file
    /// and lines (ignoring instance keys).
    caller_agreement: f64,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn compare(label: &str, files: &[SourceFile], golden_name: &str) -> Agreement {
    assert!(!files.is_empty(), "{label}: no Terraform files");
    let started = std::time::Instant::now();
    let parsed = load(files, &Options::default());
    let elapsed = started.elapsed();
    // Real configurations stay far inside the evaluation limits.
    assert!(
        !parsed
            .diagnostics
            .iter()
            .any(|d| d.message.contains("hit a limit")),
        "{label}: {:?}",
        parsed.diagnostics
    );
    let (want, want_callers, kinds) = golden(golden_name);
    let (got, got_callers, comparable) = ours(&parsed.resources, &kinds);
    let want_bases: BTreeSet<Key> = want.iter().map(base_key).collect();
    let got_bases: BTreeSet<Key> = got.iter().map(base_key).collect();
    let found = want.iter().filter(|k| got.contains(*k)).count();
    let base_found = want
        .iter()
        .filter(|k| got_bases.contains(&base_key(k)))
        .count();
    let base_correct = comparable
        .iter()
        .filter(|k| want_bases.contains(&base_key(k)))
        .count();
    // Callers are compared ignoring instance keys too: the call site is the same whether
    // or not the two expand a count inside the module alike.
    let got_caller_bases: BTreeSet<Key> = got_callers.iter().map(base_key).collect();
    let callers_checked: Vec<&Key> = want_callers.iter().collect();
    let callers_agree = callers_checked
        .iter()
        .filter(|c| got_caller_bases.contains(&base_key(c)))
        .count();
    let a = Agreement {
        recall: pct(found, want.len()),
        base_recall: pct(base_found, want.len()),
        base_precision: pct(base_correct, comparable.len()),
        caller_agreement: pct(callers_agree, callers_checked.len()),
    };
    println!(
        "{label}: {} files, {} resources, {} diagnostics in {elapsed:.2?}; recall {:.1} % ({found}/{}), \
         ignoring instance keys {:.1} % ({base_found}/{}), precision ignoring keys {:.1} % ({base_correct}/{}), \
         callers {:.1} % ({callers_agree}/{})",
        files.len(),
        parsed.resources.len(),
        parsed.diagnostics.len(),
        a.recall,
        want.len(),
        a.base_recall,
        want.len(),
        a.base_precision,
        comparable.len(),
        a.caller_agreement,
        callers_checked.len(),
    );
    for k in want
        .iter()
        .filter(|k| !got_bases.contains(&base_key(k)))
        .take(20)
    {
        println!("  missing {k:?}");
    }
    for k in comparable
        .iter()
        .filter(|k| !want_bases.contains(&base_key(k)))
        .take(20)
    {
        println!("  extra   {k:?}");
    }
    for c in callers_checked
        .iter()
        .filter(|c| !got_caller_bases.contains(&base_key(c)))
        .take(20)
    {
        println!("  caller  {c:?}");
    }
    a
}

#[test]
fn terragoat_addresses_agree_with_checkov() {
    let files = read_tree(&corpus().join("terragoat"));
    let a = compare("terragoat", &files, "terragoat_all");
    assert_eq!(a.recall, 100.0, "{a:?}");
    assert_eq!(a.base_precision, 100.0, "{a:?}");
}

/// Every resource Checkov reports on the four terraform-aws-modules repositories is
/// produced at the same file and lines, with the same caller. Exact addresses differ only
/// where Checkov and Deputy expand `count`/`for_each` differently, and there Deputy
/// follows Terraform: Checkov's renderer leaves many counts unevaluated (it keeps
/// `module.vpc.aws_subnet.public` for `count = local.create_public_subnets ? …`, and
/// filtered `for` expressions in `for_each`), and evaluates some wrongly (`count =
/// local.create && var.create_sg && !var.use_name_prefix ? 1 : 0` with the default
/// `use_name_prefix = true` gives `aws_security_group.this[0]` in Checkov, 0 in
/// Terraform). Copying those renderer failures would mean guessing, so the exact recall
/// is held at what Terraform's semantics give, and the recall ignoring instance keys at
/// 100 %. Precision is lower than recall because Checkov omits resources every check
/// found unknown, which Deputy still produces.
#[test]
fn terraform_aws_modules_addresses_agree_with_checkov() {
    for (name, golden, min_recall, min_precision) in [
        ("vpc", "tfmod_vpc_tf", 89.0, 80.0),
        ("s3-bucket", "tfmod_s3-bucket_tf", 83.0, 95.0),
        ("security-group", "tfmod_security-group_tf", 77.0, 60.0),
        ("iam", "tfmod_iam_tf", 89.0, 99.0),
    ] {
        let files = read_tree(&corpus().join(format!("terraform-aws-modules/{name}")));
        let a = compare(name, &files, golden);
        assert_eq!(a.base_recall, 100.0, "{name}: {a:?}");
        assert!(a.recall >= min_recall, "{name}: {a:?}");
        assert!(a.base_precision >= min_precision, "{name}: {a:?}");
        assert_eq!(a.caller_agreement, 100.0, "{name}: {a:?}");
    }
}

/// The parity cases whose fixtures Terraform itself rejects. Checkov's lenient parser reads
/// them; Deputy reports a parse error for the file (naming line and column) and produces
/// nothing from it, which is what `terraform validate` would make of it too.
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "tests/terraform/checks/data/aws/test_StarActionPolicyDocument.py",
        "a block written inside an object value (line 34)",
    ),
    (
        "tests/terraform/checks/data/aws/test_AdminPolicyDocument.py",
        "a block written inside an object value (line 28)",
    ),
    (
        "tests/terraform/checks/resource/alicloud/test_RDSInstanceSSL.py",
        "an attribute defined twice in one block (line 51)",
    ),
    (
        "tests/terraform/checks/resource/oci/test_SecurityListUnrestrictedIngress22.py",
        "a block written inside an object value (line 146)",
    ),
    (
        "tests/terraform/graph/checks/resources/S3BucketVersioning/expected.yaml",
        "a closing brace on the line of an attribute (line 160)",
    ),
    // `count = var.firewall_subnet_address_prefix != null ? 1 : 0` with the variable
    // never declared: Terraform rejects the reference; Checkov compares the unrendered
    // text with null and expands to `[0]`. Deputy keeps the count unknown and reports
    // `azurerm_subnet.fw-snet` once under its plain address.
    (
        "tests/terraform/graph/checks/resources/AzureSubnetConfigWithNSG/expected.yaml",
        "a count over an undeclared variable",
    ),
];

/// Every resource address Checkov's own unit tests expect (the Terraform cases of
/// `checkov-parity/expected_results.jsonl`) is produced, in the expected file, at the
/// expected lines.
#[test]
fn checkov_unit_test_addresses_are_produced() {
    let root = corpus().join("checkov-parity");
    let path = root.join("expected_results.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut cases, mut expected, mut found, mut misses) = (0, 0, 0, Vec::new());
    let started = std::time::Instant::now();
    for line in text.lines() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        if case["framework"] != "terraform" {
            continue;
        }
        cases += 1;
        let inline = case["origin"] == "checkov-inline-test-snippet";
        let mut files = Vec::new();
        for input in case["inputs"].as_array().into_iter().flatten() {
            let input = input.as_str().unwrap_or_default();
            for mut f in read_tree(&root.join(input)) {
                // Checkov names files relative to its root: the parity folder for the
                // repository's examples, the case folder for inline snippets.
                if !inline {
                    f.path = format!("{input}/{}", f.path);
                }
                files.push(f);
            }
        }
        let parsed = load(&files, &Options::default());
        // Inline snippets were checked without line numbers (Checkov reports them as 0).
        let got: BTreeSet<Key> = parsed
            .resources
            .iter()
            .map(|r| {
                let (start, end) = if inline {
                    (0, 0)
                } else {
                    (r.span.start, r.span.end)
                };
                (r.address.clone(), r.file.clone(), start, end)
            })
            .collect();
        for e in case["expected"].as_array().into_iter().flatten() {
            let lines = &e["lines"];
            let key = (
                e["resource"].as_str().unwrap_or_default().to_owned(),
                e["file"]
                    .as_str()
                    .unwrap_or_default()
                    .trim_start_matches('/')
                    .to_owned(),
                lines[0].as_u64().unwrap_or(0) as u32,
                lines[1].as_u64().unwrap_or(0) as u32,
            );
            expected += 1;
            if got.contains(&key) {
                found += 1;
            } else {
                let why = parsed
                    .diagnostics
                    .first()
                    .map(|d| format!("{}:{:?}: {}", d.file, d.line, d.message))
                    .unwrap_or_default();
                misses.push((
                    case["test"].as_str().unwrap_or_default().to_owned(),
                    key,
                    why,
                ));
            }
        }
    }
    println!(
        "checkov-parity terraform: {cases} cases, {found}/{expected} expected resources produced ({:.2} %) in {:.2?}",
        pct(found, expected),
        started.elapsed()
    );
    let mut last = String::new();
    for m in &misses {
        if m.0 != last {
            println!("  missing {m:?}");
            last = m.0.clone();
        }
    }
    assert!(cases > 1000, "only {cases} terraform cases");
    let unexplained: Vec<_> = misses
        .iter()
        .filter(|m| !KNOWN_GAPS.iter().any(|(test, _)| *test == m.0))
        .collect();
    assert!(
        unexplained.is_empty(),
        "expected resources not produced: {unexplained:#?}"
    );
}
