//! Scanning a tree: finding the files each front end reads, parsing them, and running
//! every selected check on every resource it targets.

use crate::check::{Check, Cx, Evidence, Meta, Verdict};
use crate::model::{BlockKind, Caller, Diagnostic, Framework, Resource, SourceFile, Span};
use crate::{cloudformation, detect, dockerfile, kubernetes, registry, terraform};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What to scan and which checks to run.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// Paths under the root (files or folders, `/`-separated) to scan instead of the whole
    /// root. File paths in results stay relative to the root.
    pub paths: Vec<String>,
    /// Only these checks (Deputy codes or Checkov ids); all when empty.
    pub only: Vec<String>,
    pub terraform: terraform::Options,
}

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
    /// Passes and failures, in file, line and code order.
    pub results: Vec<CheckResult>,
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    pub resources: usize,
}

impl ScanReport {
    /// Whether part of the tree could not be read.
    pub fn partial(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::makes_partial)
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
    #[error("`{0}` is neither a Deputy check code nor a Checkov id of a Deputy check")]
    UnknownCheck(String),
}

/// Scans `root` (or the given paths under it).
pub fn scan(root: &Path, options: &ScanOptions) -> Result<ScanReport, ScanError> {
    let checks = select(&options.only)?;
    let mut found = Found::default();
    if options.paths.is_empty() {
        walk(root, root, &mut found)?;
    } else {
        for p in &options.paths {
            walk(root, &root.join(p), &mut found)?;
        }
    }
    let mut report = ScanReport {
        files: found.terraform.len() + found.structured.len() + found.dockerfiles.len(),
        ..ScanReport::default()
    };
    let mut resources = Vec::new();
    let mut add = |parsed: crate::model::Parsed| {
        resources.extend(parsed.resources);
        report.diagnostics.extend(parsed.diagnostics);
    };
    if !found.terraform.is_empty() {
        add(terraform::load(&found.terraform, &options.terraform));
    }
    for file in &found.structured {
        match detect::structured(file) {
            Some(Framework::CloudFormation) => add(cloudformation::parse(file)),
            Some(Framework::Kubernetes) => add(kubernetes::parse(file)),
            _ => {}
        }
    }
    for file in &found.dockerfiles {
        add(dockerfile::parse(file));
    }
    report.resources = resources.len();
    report.results = run_checks(&checks, &resources);
    Ok(report)
}

/// Runs `checks` over `resources`: each resource meets only the checks that target its
/// framework and type.
pub fn run_checks(checks: &[&'static dyn Check], resources: &[Resource]) -> Vec<CheckResult> {
    let mut by_target: HashMap<(Framework, &str), Vec<&'static dyn Check>> = HashMap::new();
    for c in checks {
        for (fw, target) in c.meta().targets {
            by_target.entry((*fw, *target)).or_default().push(*c);
        }
    }
    let cx = Cx { resources };
    let mut results = Vec::new();
    for r in resources {
        let target = target_of(r);
        let Some(list) = by_target.get(&(r.framework, target.as_str())) else {
            continue;
        };
        for c in list {
            push_verdicts(&mut results, *c, r, c.evaluate(r, &cx));
        }
    }
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

/// Records one check's verdict (or verdicts) on one resource.
fn push_verdicts(
    results: &mut Vec<CheckResult>,
    check: &'static dyn Check,
    r: &Resource,
    verdict: Verdict,
) {
    let (outcome, at) = match verdict {
        Verdict::Unknown => return,
        Verdict::Many(all) => {
            for v in all {
                push_verdicts(results, check, r, v);
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
    results.push(CheckResult {
        meta: check.meta(),
        outcome,
        framework: r.framework,
        kind: r.kind.clone(),
        address: address.unwrap_or_else(|| r.address.clone()),
        file: r.file.clone(),
        span: span.unwrap_or(r.span),
        caller: r.caller.clone(),
    });
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

fn select(only: &[String]) -> Result<Vec<&'static dyn Check>, ScanError> {
    if only.is_empty() {
        return Ok(registry::all().to_vec());
    }
    let mut out: Vec<&'static dyn Check> = Vec::new();
    for id in only {
        let found: Vec<_> = registry::by_code(id)
            .into_iter()
            .chain(registry::by_checkov_id(id))
            .collect();
        if found.is_empty() {
            return Err(ScanError::UnknownCheck(id.clone()));
        }
        for c in found {
            if !out.iter().any(|o| o.meta().code == c.meta().code) {
                out.push(c);
            }
        }
    }
    Ok(out)
}

#[derive(Debug, Default)]
struct Found {
    terraform: Vec<SourceFile>,
    structured: Vec<SourceFile>,
    dockerfiles: Vec<SourceFile>,
}

/// Folders never scanned: tool state and dependencies, not the user's sources.
const SKIP_DIRS: [&str; 4] = [".git", ".terraform", "node_modules", "__pycache__"];

fn walk(root: &Path, path: &Path, found: &mut Found) -> Result<(), ScanError> {
    let io = |source| ScanError::Io {
        path: path.display().to_string(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_file() {
        return visit(root, path, found);
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if entry.is_dir() {
            if !SKIP_DIRS.contains(&name) {
                walk(root, &entry, found)?;
            }
        } else {
            visit(root, &entry, found)?;
        }
    }
    Ok(())
}

fn visit(root: &Path, path: &Path, found: &mut Found) -> Result<(), ScanError> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let bucket = if name.ends_with(".tf") || name.ends_with(".tfvars") {
        &mut found.terraform
    } else if is_dockerfile(name) {
        &mut found.dockerfiles
    } else if [".yaml", ".yml", ".json", ".template"]
        .iter()
        .any(|ext| name.ends_with(ext))
    {
        &mut found.structured
    } else {
        return Ok(());
    };
    let rel = path
        .strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let bytes = std::fs::read(path).map_err(|source| ScanError::Io {
        path: path.display().to_string(),
        source,
    })?;
    // A file that is not UTF-8 text is not a source file, whatever its name says.
    if let Ok(text) = String::from_utf8(bytes) {
        bucket.push(SourceFile { path: rel, text });
    }
    Ok(())
}

/// `Dockerfile`, `Dockerfile.prod`, `prod.Dockerfile` (any case), as Checkov finds them.
pub fn is_dockerfile(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "dockerfile" || lower.starts_with("dockerfile.") || lower.ends_with(".dockerfile")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DiagnosticKind;

    #[test]
    fn dockerfile_names() {
        for yes in [
            "Dockerfile",
            "dockerfile",
            "Dockerfile.prod",
            "web.Dockerfile",
        ] {
            assert!(is_dockerfile(yes), "{yes}");
        }
        for no in ["Dockerfile-notes.md", "docker-compose.yml", "README"] {
            assert!(!is_dockerfile(no), "{no}");
        }
    }

    #[test]
    fn unknown_check_ids_are_errors() {
        let err = select(&["CKV_NOPE_1".to_owned()]).err();
        assert!(matches!(err, Some(ScanError::UnknownCheck(id)) if id == "CKV_NOPE_1"));
    }

    #[test]
    fn a_diagnostic_kind_decides_partial() {
        let mut report = ScanReport::default();
        report.diagnostics.push(Diagnostic {
            kind: DiagnosticKind::Skipped,
            file: "chart/templates/x.yaml".into(),
            line: None,
            column: None,
            message: "helm template".into(),
        });
        assert!(!report.partial());
        report.diagnostics[0].kind = DiagnosticKind::ParseError;
        assert!(report.partial());
    }
}
