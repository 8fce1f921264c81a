//! Measuring agreement with Checkov: per check on Checkov's own test cases (the parity
//! corpus), and per corpus on Checkov's full outputs for real repositories (the golden
//! files). Used by the conformance tests and by the benchmark, which print the figures.

use crate::model::Framework;
use crate::scan::{CheckResult, Outcome, ScanError, ScanOptions, scan};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

/// A verdict as Checkov writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Verdict {
    #[serde(rename = "PASSED")]
    Passed,
    #[serde(rename = "FAILED")]
    Failed,
    #[serde(rename = "SKIPPED")]
    Skipped,
}

impl Verdict {
    fn of(r: &CheckResult) -> Verdict {
        match r.outcome {
            Outcome::Passed => Verdict::Passed,
            Outcome::Failed(_) => Verdict::Failed,
            Outcome::Skipped(_) => Verdict::Skipped,
        }
    }
}

/// One case of `checkov-parity/expected_results.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct ParityCase {
    pub framework: String,
    pub test: String,
    pub checks: Vec<String>,
    pub inputs: Vec<String>,
    pub expected: Vec<Expected>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    pub check_id: String,
    pub result: Verdict,
    pub resource: String,
    pub file: String,
    /// The first and last line Checkov reports.
    #[serde(default)]
    pub lines: Option<[u32; 2]>,
}

/// Reads the parity cases from `expected_results.jsonl`.
pub fn parity_cases(path: &Path) -> Result<Vec<ParityCase>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// Agreement counts for one Checkov id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Expected verdicts Deputy reproduced.
    pub agree: usize,
    /// Expected verdicts Deputy gave differently.
    pub differ: usize,
    /// Expected verdicts Deputy gave none for.
    pub missing: usize,
    /// Verdicts Deputy gave that Checkov did not.
    pub extra: usize,
}

impl Tally {
    pub fn total(&self) -> usize {
        self.agree + self.differ + self.missing + self.extra
    }

    /// Agreement as a fraction of every verdict either side gave.
    pub fn agreement(&self) -> f64 {
        if self.total() == 0 {
            return 1.0;
        }
        self.agree as f64 / self.total() as f64
    }

    fn add(&mut self, o: Tally) {
        self.agree += o.agree;
        self.differ += o.differ;
        self.missing += o.missing;
        self.extra += o.extra;
    }
}

/// Per-id agreement on the parity corpus, and the first disagreements for each id.
#[derive(Debug, Clone, Default)]
pub struct ParityReport {
    pub per_id: BTreeMap<String, Tally>,
    pub examples: BTreeMap<String, Vec<String>>,
    /// Documented differences (id, resource) that did disagree, and were left out of
    /// the tallies.
    pub documented_seen: BTreeSet<(String, String)>,
}

/// A deliberate difference from Checkov, which a check's docs explain: a Checkov id and
/// a resource address, in every case or (where several cases name the same resource) in
/// the file whose path ends with `file`.
#[derive(Debug, Clone, Copy)]
pub struct Documented<'a> {
    pub id: &'a str,
    pub resource: &'a str,
    pub file: Option<&'a str>,
}

/// Runs every parity case that exercises a Checkov id some Deputy check claims,
/// restricted to the claimed ids, scanning the case's inputs under `corpus` (the
/// `checkov-parity` folder). Verdicts on the `documented` differences are left out of the
/// tallies.
pub fn run_parity(
    corpus: &Path,
    cases: &[ParityCase],
    documented: &[Documented<'_>],
) -> Result<ParityReport, ScanError> {
    let mut report = ParityReport::default();
    for case in cases {
        // An id counts on the cases of the frameworks its Deputy check covers: CKV_K8S ids
        // also have cases for Terraform's `kubernetes_*` resources.
        let Some(framework) = Framework::parse(&case.framework) else {
            continue;
        };
        let ids: Vec<String> = case
            .checks
            .iter()
            .filter(|id| {
                crate::registry::by_checkov_id(id)
                    .any(|c| c.meta().targets.iter().any(|(f, _)| *f == framework))
            })
            .cloned()
            .collect();
        if ids.is_empty() {
            continue;
        }
        let options = ScanOptions {
            paths: case.inputs.clone(),
            only: ids.clone(),
            ..ScanOptions::default()
        };
        let ours = scan(corpus, &options)?;
        // Results are compared with their line ranges where Checkov gives them, so a check
        // that reports one of several failing instructions, or the wrong lines, disagrees.
        // Not where Checkov names one resource several times: it then gives every copy the
        // last one's lines (objects of the same name in one manifest).
        let mut named: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for e in &case.expected {
            *named
                .entry((e.check_id.as_str(), e.resource.as_str()))
                .or_default() += 1;
        }
        let with_lines: BTreeSet<(&str, &str)> = case
            .expected
            .iter()
            .filter(|e| e.lines.is_some())
            .map(|e| (e.check_id.as_str(), e.resource.as_str()))
            .filter(|k| named.get(k) == Some(&1))
            .collect();
        let expected = case.expected.iter().map(|e| {
            // Inline cases name files relative to their own folder.
            let file = match case.inputs.first() {
                Some(input) if !e.file.starts_with(input.as_str()) => format!("{input}/{}", e.file),
                _ => e.file.clone(),
            };
            let at = match e.lines {
                Some([a, b])
                    if with_lines.contains(&(e.check_id.as_str(), e.resource.as_str())) =>
                {
                    format!("{} lines {a}-{b}", e.resource)
                }
                _ => e.resource.clone(),
            };
            ((e.check_id.clone(), at, file), e.result)
        });
        let got = ours.results.iter().flat_map(|r| {
            let address = case_address(framework, &case.inputs, &r.address);
            let with_lines = &with_lines;
            r.meta
                .checkov
                .iter()
                .filter(|id| ids.iter().any(|i| i == *id))
                .map(move |id| {
                    let at = if with_lines.contains(&(*id, address.as_str())) {
                        format!("{address} lines {}-{}", r.span.start, r.span.end)
                    } else {
                        address.clone()
                    };
                    (((*id).to_owned(), at, r.file.clone()), Verdict::of(r))
                })
        });
        let mut expected: BTreeMap<Key, Verdict> = expected.collect();
        let mut got: BTreeMap<Key, Verdict> = got.collect();
        for d in documented {
            let at = |k: &Key| {
                k.0 == d.id
                    && (k.1 == d.resource
                        || k.1
                            .strip_prefix(d.resource)
                            .is_some_and(|r| r.starts_with(" lines ")))
                    && d.file.is_none_or(|f| k.2.ends_with(f))
            };
            let want: Vec<Key> = expected.keys().filter(|k| at(k)).cloned().collect();
            let have: Vec<Key> = got.keys().filter(|k| at(k)).cloned().collect();
            let same =
                want.len() == have.len() && want.iter().all(|k| expected.get(k) == got.get(k));
            if !want.is_empty() || !have.is_empty() {
                if !same {
                    report
                        .documented_seen
                        .insert((d.id.to_owned(), d.resource.to_owned()));
                }
                for k in want.iter().chain(&have) {
                    expected.remove(k);
                    got.remove(k);
                }
            }
        }
        for (id, tally, diffs) in compare(expected, got) {
            if !ids.contains(&id) {
                continue;
            }
            report.per_id.entry(id.clone()).or_default().add(tally);
            let ex = report.examples.entry(id).or_default();
            for d in diffs {
                if ex.len() < 5 {
                    ex.push(format!("{}: {d}", case.test));
                }
            }
        }
    }
    Ok(report)
}

type Key = (String, String, String);

/// A Dockerfile result's address names its file from the scanned root
/// (`/tests/…/failure/Dockerfile.ADD`); Checkov's tests scanned the case folder, so the
/// parity file names it from there (`failure/Dockerfile.ADD`).
fn case_address(framework: Framework, inputs: &[String], address: &str) -> String {
    if framework == Framework::Dockerfile {
        for input in inputs {
            let prefix = format!("/{}/", input.trim_end_matches('/'));
            if let Some(rest) = address.strip_prefix(&prefix) {
                return rest.to_owned();
            }
        }
    }
    address.to_owned()
}

/// Compares two verdict sets keyed by (check id, resource, file); returns per-id tallies
/// and descriptions of the disagreements.
fn compare(
    expected: BTreeMap<Key, Verdict>,
    got: BTreeMap<Key, Verdict>,
) -> Vec<(String, Tally, Vec<String>)> {
    let mut per: BTreeMap<String, (Tally, Vec<String>)> = BTreeMap::new();
    for (k, want) in &expected {
        let (t, d) = per.entry(k.0.clone()).or_default();
        match got.get(k) {
            Some(v) if v == want => t.agree += 1,
            Some(v) => {
                t.differ += 1;
                d.push(format!(
                    "{} {} in {}: Checkov {want:?}, Deputy {v:?}",
                    k.0, k.1, k.2
                ));
            }
            None => {
                t.missing += 1;
                d.push(format!(
                    "{} {} in {}: Checkov {want:?}, Deputy nothing",
                    k.0, k.1, k.2
                ));
            }
        }
    }
    for (k, v) in &got {
        if !expected.contains_key(k) {
            let (t, d) = per.entry(k.0.clone()).or_default();
            t.extra += 1;
            d.push(format!(
                "{} {} in {}: Checkov nothing, Deputy {v:?}",
                k.0, k.1, k.2
            ));
        }
    }
    per.into_iter().map(|(id, (t, d))| (id, t, d)).collect()
}

/// Recall and precision of Deputy's failures against Checkov's on one corpus, over the
/// Checkov ids Deputy claims.
#[derive(Debug, Clone, Default)]
pub struct CorpusAgreement {
    /// Checkov's failures on claimed ids.
    pub checkov_failed: usize,
    /// Deputy's failures on claimed ids.
    pub deputy_failed: usize,
    /// Failures both report on the same (id, resource, file).
    pub both: usize,
    /// Up to 20 failures only one side reports, for diagnosis.
    pub only_checkov: Vec<String>,
    pub only_deputy: Vec<String>,
    /// The same comparison with instance keys (`[0]`, `["k"]`) removed from addresses on
    /// both sides: (Checkov's, Deputy's, both). Checkov leaves the `count` of many
    /// resources inside modules unrendered (`this` where Terraform has `this[0]`), which
    /// is a question of naming, not of a check's verdict.
    pub keyless: (usize, usize, usize),
    /// What the other side said about each failure only one side reports once instance
    /// keys are ignored.
    pub explained: Disagreements,
}

/// The failures only one side reports (instance keys ignored), by what the other side
/// said on the same id, resource and file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Disagreements {
    /// Checkov fails, Deputy passes.
    pub deputy_passed: usize,
    /// Checkov fails; Deputy judged the resource on other ids but gave this one no
    /// verdict (a value it could not resolve).
    pub deputy_undecided: usize,
    /// Checkov fails a resource Deputy has no result for at all.
    pub deputy_absent: usize,
    /// Deputy fails, Checkov passes.
    pub checkov_passed: usize,
    /// Deputy fails; Checkov judged the resource on other ids but not this one.
    pub checkov_silent: usize,
    /// Deputy fails a resource Checkov has no result for at all.
    pub checkov_absent: usize,
}

impl CorpusAgreement {
    pub fn recall(&self) -> f64 {
        ratio(self.both, self.checkov_failed)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.both, self.deputy_failed)
    }

    /// Recall and precision with instance keys ignored (see [`CorpusAgreement::keyless`]).
    pub fn keyless_recall_precision(&self) -> (f64, f64) {
        let (theirs, mine, both) = self.keyless;
        (ratio(both, theirs), ratio(both, mine))
    }
}

/// An address without its instance keys: `module.m["a"].aws_x.y[0]` → `module.m.aws_x.y`.
fn without_keys(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0usize;
    let mut quoted = false;
    for c in address.chars() {
        match c {
            '"' if depth > 0 => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Deserialize)]
struct CheckovRun {
    #[serde(default)]
    check_type: String,
    results: CheckovResults,
}

#[derive(Debug, Deserialize)]
struct CheckovResults {
    #[serde(default)]
    failed_checks: Vec<CheckovRecord>,
    #[serde(default)]
    passed_checks: Vec<CheckovRecord>,
}

#[derive(Debug, Deserialize)]
struct CheckovRecord {
    check_id: String,
    resource: String,
    file_path: String,
}

/// Reads the verdicts, by (id, resource, file), of a Checkov JSON output (one run object
/// or a list of them; gzip-compressed when the name ends in `.gz`), for the frameworks
/// Deputy scans.
pub fn checkov_verdicts(path: &Path) -> Result<BTreeMap<Key, Verdict>, String> {
    Ok(verdicts_of(checkov_runs(path)?))
}

/// The runs of a Checkov JSON output for the frameworks Deputy scans.
fn checkov_runs(path: &Path) -> Result<Vec<(Framework, CheckovRun)>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        s
    } else {
        String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))?
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let runs: Vec<CheckovRun> = match value {
        serde_json::Value::Array(_) => serde_json::from_value(value),
        other => serde_json::from_value(other).map(|r| vec![r]),
    }
    .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(runs
        .into_iter()
        .filter_map(|r| Framework::parse(&r.check_type).map(|f| (f, r)))
        .collect())
}

fn verdicts_of(runs: Vec<(Framework, CheckovRun)>) -> BTreeMap<Key, Verdict> {
    let key = |f: CheckovRecord| {
        let file = f.file_path.trim_start_matches('/').to_owned();
        (f.check_id, f.resource, file)
    };
    let mut out = BTreeMap::new();
    for (_, run) in runs {
        // A resource Checkov both passes and fails (one name for several module
        // instances) counts as failed.
        for f in run.results.passed_checks {
            out.entry(key(f)).or_insert(Verdict::Passed);
        }
        for f in run.results.failed_checks {
            out.insert(key(f), Verdict::Failed);
        }
    }
    out
}

/// Compares a scan's failures with Checkov's on the ids Deputy claims.
pub fn compare_corpus(ours: &[CheckResult], checkov: &BTreeMap<Key, Verdict>) -> CorpusAgreement {
    let claimed: BTreeSet<&str> = crate::registry::metas()
        .flat_map(|m| m.checkov.iter().copied())
        .collect();
    let theirs: BTreeSet<&Key> = checkov
        .iter()
        .filter(|(k, v)| **v == Verdict::Failed && claimed.contains(k.0.as_str()))
        .map(|(k, _)| k)
        .collect();
    let mut verdicts: BTreeMap<Key, Verdict> = BTreeMap::new();
    for r in ours {
        for id in r.meta.checkov {
            let k = ((*id).to_owned(), r.address.clone(), r.file.clone());
            let v = Verdict::of(r);
            // One address judged twice (a resource in several module instances that
            // Terraform names alike) is failed when either verdict is.
            let e = verdicts.entry(k).or_insert(v);
            if v == Verdict::Failed {
                *e = v;
            }
        }
    }
    let mine: BTreeSet<&Key> = verdicts
        .iter()
        .filter(|(_, v)| **v == Verdict::Failed)
        .map(|(k, _)| k)
        .collect();
    let mut a = CorpusAgreement {
        checkov_failed: theirs.len(),
        deputy_failed: mine.len(),
        ..CorpusAgreement::default()
    };
    for k in &theirs {
        if mine.contains(*k) {
            a.both += 1;
        } else if a.only_checkov.len() < 20 {
            a.only_checkov.push(format!("{} {} {}", k.0, k.1, k.2));
        }
    }
    for k in &mine {
        if !theirs.contains(k) && a.only_deputy.len() < 20 {
            a.only_deputy.push(format!("{} {} {}", k.0, k.1, k.2));
        }
    }
    let keyless = KeylessView::new(checkov);
    let ours_keyless = KeylessView::new(&verdicts);
    let theirs: BTreeSet<Key> = theirs.into_iter().map(KeylessView::key).collect();
    let mine: BTreeSet<Key> = mine.into_iter().map(KeylessView::key).collect();
    a.keyless = (theirs.len(), mine.len(), theirs.intersection(&mine).count());
    let e = &mut a.explained;
    for k in theirs.difference(&mine) {
        match ours_keyless.says(k) {
            Said::Passed => e.deputy_passed += 1,
            Said::Other => e.deputy_undecided += 1,
            Said::Absent => e.deputy_absent += 1,
        }
    }
    for k in mine.difference(&theirs) {
        match keyless.says(k) {
            Said::Passed => e.checkov_passed += 1,
            Said::Other => e.checkov_silent += 1,
            Said::Absent => e.checkov_absent += 1,
        }
    }
    a
}

/// What one side said about a failure the other reports.
enum Said {
    /// It passed the same id on the same resource.
    Passed,
    /// It judged the resource on other ids only.
    Other,
    /// It has no result on the resource.
    Absent,
}

/// One side's verdicts with instance keys removed from addresses.
struct KeylessView {
    verdicts: BTreeMap<Key, Verdict>,
    resources: BTreeSet<(String, String)>,
}

impl KeylessView {
    fn key((id, res, file): &Key) -> Key {
        (id.clone(), without_keys(res), file.clone())
    }

    fn new(verdicts: &BTreeMap<Key, Verdict>) -> KeylessView {
        let mut view = KeylessView {
            verdicts: BTreeMap::new(),
            resources: BTreeSet::new(),
        };
        for (k, v) in verdicts {
            let k = KeylessView::key(k);
            view.resources.insert((k.1.clone(), k.2.clone()));
            let e = view.verdicts.entry(k).or_insert(*v);
            if *v == Verdict::Failed {
                *e = *v;
            }
        }
        view
    }

    fn says(&self, k: &Key) -> Said {
        match self.verdicts.get(k) {
            Some(Verdict::Passed) => Said::Passed,
            _ if self.resources.contains(&(k.1.clone(), k.2.clone())) => Said::Other,
            _ => Said::Absent,
        }
    }
}

/// Scans `root` with the frameworks Checkov ran for the output at `golden` (a Terraform-only
/// output says nothing about the tree's workflows) and compares with that output.
pub fn corpus_agreement(root: &Path, golden: &Path) -> Result<CorpusAgreement, String> {
    let runs = checkov_runs(golden)?;
    let frameworks: BTreeSet<Framework> = runs.iter().map(|(f, _)| *f).collect();
    let options = ScanOptions {
        frameworks: frameworks.iter().map(|f| f.as_str().to_owned()).collect(),
        ..ScanOptions::default()
    };
    let report = scan(root, &options).map_err(|e| e.to_string())?;
    Ok(compare_corpus(&report.results, &verdicts_of(runs)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: &str, res: &str) -> Key {
        (id.to_owned(), res.to_owned(), "main.tf".to_owned())
    }

    #[test]
    fn tallies_count_every_kind_of_disagreement() {
        let expected = BTreeMap::from([
            (key("CKV_1", "a"), Verdict::Passed),
            (key("CKV_1", "b"), Verdict::Failed),
            (key("CKV_1", "c"), Verdict::Failed),
        ]);
        let got = BTreeMap::from([
            (key("CKV_1", "a"), Verdict::Passed),
            (key("CKV_1", "b"), Verdict::Passed),
            (key("CKV_1", "d"), Verdict::Failed),
        ]);
        let out = compare(expected, got);
        assert_eq!(out.len(), 1);
        let t = out[0].1;
        assert_eq!(
            t,
            Tally {
                agree: 1,
                differ: 1,
                missing: 1,
                extra: 1
            }
        );
        assert!((t.agreement() - 0.25).abs() < 1e-9);
        assert_eq!(out[0].2.len(), 3);
    }

    #[test]
    fn one_sided_failures_are_explained_by_the_other_sides_verdict() {
        use crate::scan::Outcome;
        use crate::testing::{fail, result};
        // Check 0 claims CKV_AWS_20, check 1 CKV_AWS_21.
        let ours = [
            // Agrees once instance keys are ignored.
            result(0, "aws_s3_bucket.a[0]", "main.tf", fail("public")),
            // Checkov fails, Deputy passes.
            result(0, "aws_s3_bucket.b", "main.tf", Outcome::Passed),
            // Checkov fails on 20; Deputy judged the bucket on 21 only.
            result(1, "aws_s3_bucket.c", "main.tf", Outcome::Passed),
            // Deputy fails, Checkov passes / judged other ids / never saw it.
            result(0, "aws_s3_bucket.d", "main.tf", fail("public")),
            result(0, "aws_s3_bucket.e", "main.tf", fail("public")),
            result(0, "aws_s3_bucket.f", "main.tf", fail("public")),
        ];
        let theirs = BTreeMap::from([
            (key("CKV_AWS_20", "aws_s3_bucket.a"), Verdict::Failed),
            (key("CKV_AWS_20", "aws_s3_bucket.b"), Verdict::Failed),
            (key("CKV_AWS_20", "aws_s3_bucket.c"), Verdict::Failed),
            (key("CKV_AWS_20", "aws_s3_bucket.g"), Verdict::Failed),
            (key("CKV_AWS_20", "aws_s3_bucket.d"), Verdict::Passed),
            (key("CKV_AWS_21", "aws_s3_bucket.e"), Verdict::Passed),
        ]);
        let a = compare_corpus(&ours, &theirs);
        assert_eq!((a.checkov_failed, a.deputy_failed, a.both), (4, 4, 0));
        assert_eq!(a.keyless, (4, 4, 1));
        assert_eq!(
            a.explained,
            Disagreements {
                deputy_passed: 1,
                deputy_undecided: 1,
                deputy_absent: 1,
                checkov_passed: 1,
                checkov_silent: 1,
                checkov_absent: 1,
            }
        );
    }

    #[test]
    fn instance_keys_come_off_addresses_but_not_off_quoted_text() {
        assert_eq!(without_keys("aws_s3_bucket.b"), "aws_s3_bucket.b");
        assert_eq!(without_keys("aws_sqs_queue.q[0]"), "aws_sqs_queue.q");
        assert_eq!(
            without_keys("module.m[\"a.[b]\"].aws_x.y[\"k\"]"),
            "module.m.aws_x.y"
        );
        assert_eq!(
            without_keys("module.a[1].module.b.aws_x.y[0]"),
            "module.a.module.b.aws_x.y"
        );
    }
}
