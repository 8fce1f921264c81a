//! Scanning a tree: finding the files each front end reads (skipping what Checkov skips,
//! and entering the one hidden folder Checkov enters, `.github`, for workflows only),
//! reading and parsing them on both cores, and running every selected check on every
//! resource it targets, with inline suppressions and a baseline applied.

use crate::baseline::BaselineIndex;
use crate::check::{Check, Cx, CxIndex, Evidence, Meta, Verdict};
use crate::model::{
    BlockKind, Caller, Diagnostic, DiagnosticKind, Framework, Parsed, Resource, SourceFile, Span,
};
use crate::select::{CheckSelection, FrameworkSelection, SelectError};
use crate::suppress::Suppressions;
use crate::{cloudformation, detect, dockerfile, github_actions, kubernetes, secrets, terraform};
use regex::Regex;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Checkov's default limit for one IaC file (`CHECKOV_MAX_IAC_FILE_SIZE`, 50 MB): larger
/// files are generated artefacts, not sources, and are skipped with a diagnostic.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50_000_000;

/// What to scan and which checks to run.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// Paths under the root (files or folders, `/`-separated) to scan instead of the whole
    /// root. File paths in results stay relative to the root.
    pub paths: Vec<String>,
    /// Only these checks (`--check`: Deputy codes or Checkov ids, `*` wildcards, comma
    /// separated); all when empty.
    pub only: Vec<String>,
    /// Not these checks (`--skip-check`), applied after `only`.
    pub skip: Vec<String>,
    /// Only these frameworks (`--framework`, Checkov's names); all when empty.
    pub frameworks: Vec<String>,
    /// Not these frameworks (`--skip-framework`).
    pub skip_frameworks: Vec<String>,
    /// Regular expressions over root-relative paths (`--skip-path`); a folder that matches
    /// is not entered.
    pub skip_paths: Vec<String>,
    /// Failures in this baseline are reported as skipped.
    pub baseline: Option<BaselineIndex>,
    /// Files larger than this many bytes are skipped; [`DEFAULT_MAX_FILE_SIZE`] when `None`.
    pub max_file_size: Option<u64>,
    pub terraform: terraform::Options,
    /// Told how far the scan is, for a progress bar.
    pub progress: Option<Arc<dyn Progress>>,
}

/// Receives a scan's progress: the number of steps (two per file: read and parse), then
/// each step done. Called from several threads.
pub trait Progress: Send + Sync + std::fmt::Debug {
    fn start(&self, steps: usize);
    fn advance(&self, steps: usize);
    fn finish(&self);
}

/// The reason a failure found in the baseline is reported skipped.
pub const BASELINED: &str = "in the baseline";

/// The outcome of one check on one resource.
#[derive(Debug, Clone)]
pub struct CheckResult {
    pub meta: &'static Meta,
    pub outcome: Outcome,
    pub framework: Framework,
    pub kind: String,
    pub address: String,
    pub file: String,
    pub span: Span,
    pub caller: Option<Caller>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed(Evidence),
    /// Suppressed by an inline comment, an annotation or a baseline: the reason given.
    Skipped(String),
}

/// Everything one scan found.
#[derive(Debug, Clone, Default)]
pub struct ScanReport {
    /// Passes, failures and skips, in file, line and code order.
    pub results: Vec<CheckResult>,
    /// In file and line order.
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    pub resources: usize,
    /// How many checks were selected to run.
    pub checks: usize,
}

impl ScanReport {
    /// Whether part of the tree could not be read.
    pub fn partial(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::makes_partial)
    }

    /// Results counted by outcome: (passed, failed, skipped).
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for r in &self.results {
            match r.outcome {
                Outcome::Passed => c.0 += 1,
                Outcome::Failed(_) => c.1 += 1,
                Outcome::Skipped(_) => c.2 += 1,
            }
        }
        c
    }
}

/// Why a scan could not run at all (as opposed to a file that does not parse, which is a
/// diagnostic in the report).
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Select(#[from] SelectError),
    #[error("`--skip-path {pattern}` is not a regular expression: {message}")]
    SkipPath { pattern: String, message: String },
}

/// Scans `root` (or the given paths under it).
pub fn scan(root: &Path, options: &ScanOptions) -> Result<ScanReport, ScanError> {
    let checks = CheckSelection::resolve(&options.only, &options.skip)?;
    let frameworks = FrameworkSelection::resolve(&options.frameworks, &options.skip_frameworks)?;
    let skip_paths = options
        .skip_paths
        .iter()
        .map(|p| {
            Regex::new(p).map_err(|e| ScanError::SkipPath {
                pattern: p.clone(),
                message: e.to_string(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let walker = Walker {
        root,
        frameworks: &frameworks,
        skip_paths: &skip_paths,
    };
    let mut found = Vec::new();
    if options.paths.is_empty() {
        walker.walk(root, &mut found)?;
    } else {
        for p in &options.paths {
            walker.walk(&root.join(p), &mut found)?;
        }
    }
    let progress = options.progress.as_deref();
    if let Some(p) = progress {
        p.start(found.len() * 2);
    }
    let limit = options.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE);
    let (files, mut diagnostics) = read_all(&found, limit, progress);
    let parsed = parse_all(&files, &frameworks, &options.terraform, progress);
    diagnostics.extend(parsed.diagnostics);
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let resources: Vec<Resource> = parsed
        .resources
        .into_iter()
        .filter(|r| frameworks.contains(r.framework))
        .collect();
    let texts: HashMap<&str, &str> = files
        .iter()
        .map(|(f, _, _)| (f.path.as_str(), f.text.as_str()))
        .collect();
    let suppressions = Suppressions::collect(&resources, |p| texts.get(p).copied());
    let results = run_checks_with(
        checks.checks(),
        &resources,
        &suppressions,
        options.baseline.as_ref(),
    );
    if let Some(p) = progress {
        p.finish();
    }
    Ok(ScanReport {
        results,
        diagnostics,
        files: files.len(),
        resources: resources.len(),
        checks: checks.checks().len(),
    })
}

/// Runs `checks` over `resources`: each resource meets only the checks that target its
/// framework and type.
pub fn run_checks(checks: &[&'static dyn Check], resources: &[Resource]) -> Vec<CheckResult> {
    run_checks_with(checks, resources, &Suppressions::default(), None)
}

/// Resource counts above which checks run on two threads: below it a thread costs more
/// than it saves.
const PARALLEL_RESOURCES: usize = 2_000;

/// [`run_checks`] with suppressions (a suppressed check is reported skipped without being
/// evaluated, as in Checkov) and a baseline (a baselined failure is reported skipped).
pub fn run_checks_with(
    checks: &[&'static dyn Check],
    resources: &[Resource],
    suppressions: &Suppressions,
    baseline: Option<&BaselineIndex>,
) -> Vec<CheckResult> {
    let mut by_target: HashMap<(Framework, &str), Vec<&'static dyn Check>> = HashMap::new();
    for c in checks {
        for (fw, target) in c.meta().targets {
            by_target.entry((*fw, *target)).or_default().push(*c);
        }
    }
    let index = Arc::new(CxIndex::new(resources));
    let cx = Cx { resources };
    let run = |range: std::ops::Range<usize>| {
        let _installed = index.install();
        let mut out = Vec::new();
        for i in range {
            let Some(r) = resources.get(i) else { continue };
            let target = target_of(r);
            for c in by_target
                .get(&(r.framework, target.as_str()))
                .into_iter()
                .flatten()
            {
                run_one(&mut out, *c, i, r, &cx, suppressions, baseline);
            }
        }
        out
    };
    let mut results = if resources.len() > PARALLEL_RESOURCES {
        let mid = resources.len() / 2;
        std::thread::scope(|s| {
            let second = s.spawn(|| run(mid..resources.len()));
            let mut first = run(0..mid);
            // A check that panics is a bug in that check: pass the panic on unchanged.
            first.extend(
                second
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
            first
        })
    } else {
        run(0..resources.len())
    };
    results.sort_by(|a, b| {
        (&a.file, a.span.start, a.meta.code, &a.address).cmp(&(
            &b.file,
            b.span.start,
            b.meta.code,
            &b.address,
        ))
    });
    results
}

/// Runs one check on one resource, pushing its result(s). A suppressed check is reported
/// skipped without being evaluated (as in Checkov); a failure in the baseline is reported
/// skipped.
fn run_one(
    out: &mut Vec<CheckResult>,
    check: &'static dyn Check,
    index: usize,
    r: &Resource,
    cx: &Cx<'_>,
    suppressions: &Suppressions,
    baseline: Option<&BaselineIndex>,
) {
    match suppressions.reason(index, check.meta()) {
        Some(reason) => out.push(result(
            check,
            r,
            Outcome::Skipped(reason.to_owned()),
            None,
            None,
        )),
        None => push_verdicts(out, check, r, check.evaluate(r, cx), baseline),
    }
}

/// Records one check's verdict (or verdicts) on one resource.
fn push_verdicts(
    results: &mut Vec<CheckResult>,
    check: &'static dyn Check,
    r: &Resource,
    verdict: Verdict,
    baseline: Option<&BaselineIndex>,
) {
    let (outcome, at) = match verdict {
        Verdict::Unknown => return,
        Verdict::Many(all) => {
            for v in all {
                push_verdicts(results, check, r, v, baseline);
            }
            return;
        }
        Verdict::Pass => (Outcome::Passed, None),
        Verdict::PassAt(e) => (Outcome::Passed, Some((e.address, e.span))),
        Verdict::Fail(e) => {
            let at = (e.address.clone(), e.span);
            (Outcome::Failed(e), Some(at))
        }
    };
    let (address, span) = at.unwrap_or((None, None));
    let address = address.unwrap_or_else(|| r.address.clone());
    let outcome = match outcome {
        Outcome::Failed(_)
            if baseline.is_some_and(|b| b.contains(&r.file, &address, check.meta())) =>
        {
            Outcome::Skipped(BASELINED.to_owned())
        }
        other => other,
    };
    results.push(result(check, r, outcome, Some(address), span));
}

fn result(
    check: &'static dyn Check,
    r: &Resource,
    outcome: Outcome,
    address: Option<String>,
    span: Option<Span>,
) -> CheckResult {
    CheckResult {
        meta: check.meta(),
        outcome,
        framework: r.framework,
        kind: r.kind.clone(),
        address: address.unwrap_or_else(|| r.address.clone()),
        file: r.file.clone(),
        span: span.unwrap_or(r.span),
        caller: r.caller.clone(),
    }
}

/// The key a check's `targets` use for a resource: its type, or `data.<type>`,
/// `provider.<name>`, `module` for those Terraform blocks.
pub fn target_of(r: &Resource) -> String {
    match r.block {
        BlockKind::Data => format!("data.{}", r.kind),
        BlockKind::Provider => format!("provider.{}", r.kind),
        BlockKind::Module => "module".to_owned(),
        _ => r.kind.clone(),
    }
}

/// Which front end reads a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bucket {
    Terraform,
    /// YAML or JSON: CloudFormation, Kubernetes or neither, decided by content.
    Structured,
    Dockerfile,
    /// A GitHub Actions workflow (see [`is_workflow_file`]).
    Workflow,
}

/// A file the walk found: its path relative to the root and on disk, the IaC front end
/// that reads it (if any) and whether it is scanned for secrets.
#[derive(Debug)]
struct FoundFile {
    rel: String,
    path: PathBuf,
    bucket: Option<Bucket>,
    secrets: bool,
}

/// Folders Checkov never enters besides hidden ones (`CKV_IGNORED_DIRECTORIES`'s default):
/// tool state and dependencies, not the user's sources.
const SKIP_DIRS: [&str; 3] = ["node_modules", ".terraform", ".serverless"];

/// The hidden folder Checkov's GitHub Actions runner enters (its `included_paths`), at any
/// depth. Only workflow files are read inside it: Checkov's other runners never enter it.
const WORKFLOW_ROOT: &str = ".github";

struct Walker<'a> {
    root: &'a Path,
    frameworks: &'a FrameworkSelection,
    skip_paths: &'a [Regex],
}

impl Walker<'_> {
    fn walk(&self, path: &Path, found: &mut Vec<FoundFile>) -> Result<(), ScanError> {
        self.walk_in(path, false, found)
    }

    /// Walks `path`; `workflows_only` inside a `.github` folder, where only GitHub Actions
    /// workflows are read.
    fn walk_in(
        &self,
        path: &Path,
        workflows_only: bool,
        found: &mut Vec<FoundFile>,
    ) -> Result<(), ScanError> {
        let io = |source| ScanError::Io {
            path: path.display().to_string(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_file() {
            self.visit(path, workflows_only, found);
            return Ok(());
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if entry.is_dir() {
                let workflows = name == WORKFLOW_ROOT;
                let hidden = (name.starts_with('.') && !workflows) || SKIP_DIRS.contains(&name);
                let rel = self.rel(&entry);
                if !hidden && !self.skipped(&rel) && !self.skipped(&format!("{rel}/")) {
                    // An unreadable sub-folder is left out rather than failing the scan.
                    let _ = self.walk_in(&entry, workflows_only || workflows, found);
                }
            } else if !(workflows_only && name.starts_with('.')) {
                // Checkov's workflow walk drops hidden files as it drops hidden folders.
                self.visit(&entry, workflows_only, found);
            }
        }
        Ok(())
    }

    fn visit(&self, path: &Path, workflows_only: bool, found: &mut Vec<FoundFile>) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let fw = |f| self.frameworks.contains(f);
        let rel = self.rel(path);
        let workflow = fw(Framework::GithubActions) && is_workflow_file(path);
        if workflow && !self.skipped(&rel) {
            // Checkov's secrets runner never enters hidden folders such as `.github`.
            found.push(FoundFile {
                rel: rel.clone(),
                path: path.to_owned(),
                bucket: Some(Bucket::Workflow),
                secrets: false,
            });
        }
        if workflows_only {
            return;
        }
        let bucket = if [".tf", ".tfvars", ".tf.json", ".tfvars.json"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            Some(Bucket::Terraform)
        } else if is_dockerfile(name) {
            Some(Bucket::Dockerfile)
        } else if [".yaml", ".yml", ".json", ".template"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            Some(Bucket::Structured)
        } else {
            None
        };
        let bucket = bucket.filter(|b| match b {
            Bucket::Terraform => fw(Framework::Terraform),
            Bucket::Dockerfile => fw(Framework::Dockerfile),
            Bucket::Structured => fw(Framework::CloudFormation) || fw(Framework::Kubernetes),
            Bucket::Workflow => false,
        });
        let secrets = fw(Framework::Secrets) && secrets::wants(&rel);
        if (bucket.is_some() || secrets) && !self.skipped(&rel) {
            found.push(FoundFile {
                rel,
                path: path.to_owned(),
                bucket,
                secrets,
            });
        }
    }

    /// `path` relative to the root; a root that is itself a file is named by its file
    /// name, as Checkov names a file given with `-f`.
    fn rel(&self, path: &Path) -> String {
        let rel = path
            .strip_prefix(self.root)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if rel.is_empty() {
            path.file_name()
                .map_or(rel, |n| n.to_string_lossy().into_owned())
        } else {
            rel
        }
    }

    fn skipped(&self, rel: &str) -> bool {
        self.skip_paths.iter().any(|re| re.is_match(rel))
    }
}

/// The files read: each with its IaC front end (if any) and whether it is scanned for
/// secrets.
type ReadFiles = Vec<(SourceFile, Option<Bucket>, bool)>;

/// Reads the files on two threads, in the walk's order. Oversized, unreadable and
/// non-UTF-8 files become diagnostics, never errors.
fn read_all(
    found: &[FoundFile],
    limit: u64,
    progress: Option<&dyn Progress>,
) -> (ReadFiles, Vec<Diagnostic>) {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(f) = found.get(i) else { break };
            out.push((i, read_one(f, limit)));
            if let Some(p) = progress {
                p.advance(1);
            }
        }
        out
    };
    let mut all = std::thread::scope(|s| {
        let other = s.spawn(work);
        let mut mine = work();
        mine.extend(other.join().unwrap_or_default());
        mine
    });
    all.sort_by_key(|(i, _)| *i);
    let mut files = Vec::with_capacity(all.len());
    let mut diagnostics = Vec::new();
    for (i, r) in all {
        match (r, found.get(i)) {
            (Ok(Some((text, secrets))), Some(f)) => files.push((
                SourceFile {
                    path: f.rel.clone(),
                    text,
                },
                f.bucket,
                secrets,
            )),
            (Err(d), _) => diagnostics.push(d),
            _ => {}
        }
    }
    (files, diagnostics)
}

/// Reads one file: its text and whether it is still scanned for secrets (not over the
/// secrets size limit); `None` for a file that is not UTF-8 text.
fn read_one(f: &FoundFile, limit: u64) -> Result<Option<(String, bool)>, Diagnostic> {
    let diag = |kind, message: String| Diagnostic {
        kind,
        file: f.rel.clone(),
        line: None,
        column: None,
        message,
    };
    let size = std::fs::metadata(&f.path)
        .map_err(|e| {
            diag(
                DiagnosticKind::ParseError,
                format!("cannot read the file: {e}"),
            )
        })?
        .len();
    if f.bucket.is_some() && size > limit {
        return Err(diag(
            DiagnosticKind::Skipped,
            format!("the file is {size} bytes, over the {limit}-byte limit for IaC files"),
        ));
    }
    let secrets = f.secrets && size <= secrets::MAX_FILE_SIZE;
    if f.bucket.is_none() && !secrets {
        return Err(diag(
            DiagnosticKind::Skipped,
            format!(
                "the file is {size} bytes, over the {}-byte limit for secret scanning",
                secrets::MAX_FILE_SIZE
            ),
        ));
    }
    let bytes = std::fs::read(&f.path).map_err(|e| {
        diag(
            DiagnosticKind::ParseError,
            format!("cannot read the file: {e}"),
        )
    })?;
    // A file that is not UTF-8 text is not a source file, whatever its name says.
    Ok(String::from_utf8(bytes).ok().map(|text| (text, secrets)))
}

/// Parses the files: Terraform (one call, since modules span files) on one thread, the
/// per-file front ends on the other. A front end that panics on a file is a bug in it, but
/// the scan goes on: that file becomes a parse error.
fn parse_all(
    files: &ReadFiles,
    frameworks: &FrameworkSelection,
    tf_options: &terraform::Options,
    progress: Option<&dyn Progress>,
) -> Parsed {
    let terraform_files: Vec<SourceFile> = files
        .iter()
        .filter(|(_, b, _)| *b == Some(Bucket::Terraform))
        .map(|(f, _, _)| f.clone())
        .collect();
    let load_terraform = || {
        if terraform_files.is_empty() {
            return Parsed::default();
        }
        let parsed = guarded("", || terraform::load(&terraform_files, tf_options));
        if let Some(p) = progress {
            p.advance(terraform_files.len());
        }
        parsed
    };
    let parse_others = || {
        let mut out = Parsed::default();
        for (file, bucket, scan_secrets) in files {
            if *scan_secrets {
                let found = guarded(&file.path, || secrets::parse(file));
                out.resources.extend(found.resources);
                out.diagnostics.extend(found.diagnostics);
            }
            let parsed = match bucket {
                // The Terraform thread reads these and reports their progress.
                Some(Bucket::Terraform) => continue,
                None => Parsed::default(),
                Some(Bucket::Dockerfile) => guarded(&file.path, || dockerfile::parse(file)),
                Some(Bucket::Workflow) => guarded(&file.path, || github_actions::parse(file)),
                Some(Bucket::Structured) => match detect::structured(file) {
                    Some(Framework::CloudFormation)
                        if frameworks.contains(Framework::CloudFormation) =>
                    {
                        guarded(&file.path, || cloudformation::parse(file))
                    }
                    Some(Framework::Kubernetes) if frameworks.contains(Framework::Kubernetes) => {
                        guarded(&file.path, || kubernetes::parse(file))
                    }
                    _ => Parsed::default(),
                },
            };
            out.resources.extend(parsed.resources);
            out.diagnostics.extend(parsed.diagnostics);
            if let Some(p) = progress {
                p.advance(1);
            }
        }
        out
    };
    let (mut tf, others) = std::thread::scope(|s| {
        let tf = s.spawn(load_terraform);
        let others = parse_others();
        (tf.join().unwrap_or_default(), others)
    });
    tf.resources.extend(others.resources);
    tf.diagnostics.extend(others.diagnostics);
    tf
}

/// Runs a front end, turning a panic into a parse error on `file` (empty for the
/// Terraform front end, which reads many files at once).
fn guarded(file: &str, parse: impl FnOnce() -> Parsed) -> Parsed {
    catch_unwind(AssertUnwindSafe(parse)).unwrap_or_else(|_| Parsed {
        resources: Vec::new(),
        diagnostics: vec![Diagnostic {
            kind: DiagnosticKind::ParseError,
            file: file.to_owned(),
            line: None,
            column: None,
            message: "the front end failed on this input (a bug in Deputy: please report it)"
                .into(),
        }],
    })
}

/// Whether Checkov's GitHub Actions runner reads the file at `path`: a `.yml` or `.yaml`
/// file whose absolute path passes through `.github/workflows/` (at any depth below it).
/// Like Checkov, the test is on the absolute path, so a scan rooted inside a workflows
/// folder reads its files as workflows too (and also as plain YAML).
pub fn is_workflow_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if !(name.ends_with(".yml") || name.ends_with(".yaml")) {
        return false;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let joined = absolute
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    joined.contains(&format!("{WORKFLOW_ROOT}/workflows/"))
}

/// `Dockerfile`, `Dockerfile.prod`, `prod.Dockerfile` (any case), as Checkov finds them.
pub fn is_dockerfile(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "dockerfile" || lower.starts_with("dockerfile.") || lower.ends_with(".dockerfile")
}

#[cfg(test)]
mod tests;
