//! `deputy scan iac`: scan a tree of Terraform, CloudFormation, Kubernetes, Dockerfiles and
//! GitHub Actions workflows with `deputy-iac`, apply a baseline or write one, render the outcome, and optionally
//! record it as a scan run of a project in the ledger.

use crate::{App, AppError};
use deputy_core::{Clock, FindingDraft, RunStatus, Severity};
use deputy_iac::baseline::{self, Baseline};
use deputy_iac::output::{self, ScanMeta};
use deputy_store::{NewRun, ScanRun};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

pub use deputy_iac::output::failures;
pub use deputy_iac::scan::{CheckResult, Outcome, Progress, ScanOptions, ScanReport};

/// Output formats of an IaC scan besides the CLI's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IacOutput {
    Json,
    Sarif,
    Junit,
    Markdown,
}

/// What to scan: the tree, the selection and the baseline.
#[derive(Debug, Clone, Default)]
pub struct IacRequest {
    pub root: PathBuf,
    pub options: ScanOptions,
    /// A baseline file: failures in it are reported skipped.
    pub baseline: Option<PathBuf>,
    /// `--var-file` paths, read here and handed to the Terraform front end.
    pub var_files: Vec<PathBuf>,
}

/// A finished scan with the facts the ledger records about it.
#[derive(Debug, Clone)]
pub struct IacScan {
    pub report: ScanReport,
    /// The root as the user gave it, for display.
    pub root: String,
    /// The ledger scope: the root and anything that narrows what was checked, so a narrow
    /// run never resolves the findings of a full one.
    pub scope: String,
    pub started_at: OffsetDateTime,
    pub finished_at: OffsetDateTime,
}

impl IacScan {
    pub fn status(&self) -> RunStatus {
        output::status(&self.report)
    }
}

/// Runs a scan (times from `clock`).
pub fn scan_iac(mut req: IacRequest, clock: &dyn Clock) -> Result<IacScan, AppError> {
    let root = req.root.display().to_string();
    let mut scope = format!("iac:{}", root.trim_end_matches('/'));
    for (name, values) in [
        ("framework", &req.options.frameworks),
        ("skip-framework", &req.options.skip_frameworks),
        ("check", &req.options.only),
        ("skip-check", &req.options.skip),
        ("skip-path", &req.options.skip_paths),
    ] {
        if !values.is_empty() {
            scope.push_str(&format!(";{name}={}", values.join(",")));
        }
    }
    if let Some(path) = &req.baseline {
        req.options.baseline = Some(load_baseline(path)?.index());
        scope.push_str(";baseline");
    }
    for path in &req.var_files {
        let text = read(path)?;
        req.options
            .terraform
            .var_files
            .push(deputy_iac::model::SourceFile {
                path: path.display().to_string(),
                text,
            });
    }
    let started_at = clock.now();
    let report = deputy_iac::scan::scan(&req.root, &req.options)
        .map_err(|e| AppError::Usage(e.to_string()))?;
    Ok(IacScan {
        report,
        root,
        scope,
        started_at,
        finished_at: clock.now(),
    })
}

fn read(path: &Path) -> Result<String, AppError> {
    std::fs::read_to_string(path).map_err(|source| AppError::Read {
        file: path.display().to_string(),
        source,
    })
}

/// Reads a baseline file (Checkov's `.checkov.baseline` shape).
pub fn load_baseline(path: &Path) -> Result<Baseline, AppError> {
    Baseline::parse(&read(path)?, &path.display().to_string())
        .map_err(|e| AppError::Usage(e.to_string()))
}

/// Where `--create-baseline` writes by default: `.checkov.baseline` in the scanned folder,
/// as Checkov does.
pub fn default_baseline_path(root: &Path) -> PathBuf {
    if root.is_file() {
        root.with_file_name(baseline::FILE_NAME)
    } else {
        root.join(baseline::FILE_NAME)
    }
}

/// Writes the baseline of a scan's failures to `path`.
pub fn write_baseline(scan: &IacScan, path: &Path) -> Result<usize, AppError> {
    let b = Baseline::from_results(&scan.report.results);
    std::fs::write(path, b.to_json()).map_err(AppError::Write)?;
    Ok(b.failed_checks.iter().map(|f| f.findings.len()).sum())
}

/// How many failures are at or above `threshold` (every failure when `None`).
pub fn iac_fails(scan: &IacScan, threshold: Option<Severity>) -> usize {
    output::failing(&scan.report, threshold)
}

fn meta(scan: &IacScan) -> ScanMeta<'_> {
    ScanMeta {
        root: &scan.root,
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// The JSON document of a scan (`docs/json.md`, "IaC scan"), with the recorded run.
pub fn iac_json(scan: &IacScan, run: Option<&ScanRun>) -> Value {
    let mut doc = output::json(&scan.report, meta(scan));
    if let (Some(map), Some(run)) = (doc.as_object_mut(), run) {
        map.insert(
            "run".to_owned(),
            serde_json::to_value(run).unwrap_or(Value::Null),
        );
    }
    doc
}

/// Renders a scan in `format`.
pub fn render_iac(scan: &IacScan, run: Option<&ScanRun>, format: IacOutput) -> String {
    match format {
        IacOutput::Json => serde_json::to_string_pretty(&iac_json(scan, run)).unwrap_or_default(),
        IacOutput::Sarif => output::sarif(&scan.report, meta(scan)),
        IacOutput::Junit => output::junit(&scan.report, meta(scan)),
        IacOutput::Markdown => output::markdown(&scan.report, meta(scan)),
    }
}

/// The check catalog (`deputy checks list --source iac`).
pub fn iac_checks_json() -> Value {
    output::catalog::json()
}

/// The catalog as Markdown (the text of `docs/iac-checks.md`).
pub fn iac_checks_markdown() -> String {
    output::catalog::markdown()
}

impl App {
    /// Records an IaC scan as one scan run of `project`, in one transaction: a finding per
    /// failure, fingerprinted by code, resource address and path. A run with parse errors
    /// is `partial`, so absent findings are marked stale, not resolved.
    pub async fn record_iac(&self, project: &str, scan: &IacScan) -> Result<ScanRun, AppError> {
        if project.trim().is_empty() {
            return Err(AppError::Usage("the project name must not be empty".into()));
        }
        let tools: BTreeSet<String> = [output::SOURCE.to_owned()].into();
        let notes: Vec<String> = scan
            .report
            .diagnostics
            .iter()
            .map(|d| match d.line {
                Some(l) => format!("{}:{l}: {}", d.file, d.message),
                None => format!("{}: {}", d.file, d.message),
            })
            .collect();
        let findings: Vec<FindingDraft> = output::failures(&scan.report)
            .into_iter()
            .map(output::draft)
            .collect();
        let actor = self.actor();
        let run = NewRun {
            project,
            format: output::SOURCE,
            tools: &tools,
            tool_version: Some(env!("CARGO_PKG_VERSION")),
            scope: &scan.scope,
            status: scan.status(),
            commit: None,
            branch: None,
            started_at: scan.started_at,
            finished_at: scan.finished_at,
            imported_by: &actor,
            input_name: None,
            input_sha256: None,
            notes: &notes,
            findings: &findings,
        };
        let recorded = self
            .store
            .record_run(&run, self.now(), &self.config.sla)
            .await?;
        Ok(recorded.run)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, ConfigOverrides, FindingFilter};
    use deputy_core::ManualClock;
    use deputy_iac::check::{Evidence, Meta};
    use deputy_iac::model::{Diagnostic, DiagnosticKind, Framework, Span};
    use std::collections::BTreeMap;
    use std::sync::Arc;
    use time::macros::datetime;

    static META: Meta = Meta {
        code: "DPY-TEST-001",
        checkov: &["CKV_AWS_20"],
        title: "Test: bucket ACL is public",
        severity: Severity::High,
        severity_reason: "test",
        targets: &[(Framework::Terraform, "aws_s3_bucket")],
        description: "test",
        remediation: "Make the bucket private.",
        references: &[],
        differences: &[],
    };

    fn failure(address: &str, line: u32) -> CheckResult {
        CheckResult {
            meta: &META,
            outcome: Outcome::Failed(Evidence {
                message: "public".into(),
                span: None,
                address: None,
            }),
            framework: Framework::Terraform,
            kind: "aws_s3_bucket".into(),
            address: address.into(),
            file: "s3.tf".into(),
            span: Span::new(line, line + 4),
            caller: None,
        }
    }

    fn scan(results: Vec<CheckResult>, parse_error: bool, now: OffsetDateTime) -> IacScan {
        let diagnostics = parse_error
            .then(|| Diagnostic {
                kind: DiagnosticKind::ParseError,
                file: "broken.tf".into(),
                line: Some(3),
                column: Some(1),
                message: "unterminated string".into(),
            })
            .into_iter()
            .collect();
        IacScan {
            report: ScanReport {
                results,
                diagnostics,
                files: 2,
                resources: 2,
                checks: 1,
            },
            root: "infra".into(),
            scope: "iac:infra".into(),
            started_at: now,
            finished_at: now,
        }
    }

    async fn open(dir: &Path, clock: &ManualClock) -> App {
        let overrides = ConfigOverrides {
            config_path: None,
            data_dir: Some(dir.to_owned()),
            database_url: Some(format!("sqlite://{}", dir.join("d.db").display())),
            actor: Some("alice".into()),
        };
        let env = BTreeMap::from([("DEPUTY_CONFIG".to_owned(), String::new())]);
        let config = Config::load_from(&overrides, &env).unwrap_or_else(|e| panic!("{e}"));
        App::open(config, Arc::new(clock.clone()))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Findings are fingerprinted by code, address and path (a moved block is the same
    /// finding), a partial run marks absent findings stale, and a complete one resolves them.
    #[test]
    fn scans_land_in_the_ledger_with_stable_fingerprints() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        runtime.block_on(async {
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let clock = ManualClock::new(datetime!(2026-03-01 12:00 UTC));
            let app = open(dir.path(), &clock).await;
            let now = clock.now();
            let first = scan(
                vec![failure("aws_s3_bucket.a", 1), failure("aws_s3_bucket.b", 9)],
                false,
                now,
            );
            let run = app
                .record_iac("infra", &first)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!((run.delta.new, run.status), (2, RunStatus::Complete));
            assert_eq!(run.format, "deputy-iac");

            let moved = scan(vec![failure("aws_s3_bucket.a", 30)], true, now);
            let run = app
                .record_iac("infra", &moved)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(run.status, RunStatus::Partial);
            assert_eq!(
                (run.delta.unchanged, run.delta.stale, run.delta.resolved),
                (1, 1, 0)
            );
            assert_eq!(run.notes, ["broken.tf:3: unterminated string"]);

            let fixed = scan(vec![failure("aws_s3_bucket.a", 30)], false, now);
            let run = app
                .record_iac("infra", &fixed)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!((run.delta.unchanged, run.delta.resolved), (1, 1));

            let open_findings = app
                .findings(&FindingFilter {
                    project: Some("infra".into()),
                    ..FindingFilter::default()
                })
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(open_findings.len(), 1);
            let f = &open_findings[0];
            assert_eq!(f.rule_id, "DPY-TEST-001");
            assert_eq!(f.location.resource.as_deref(), Some("aws_s3_bucket.a"));
            assert_eq!(f.location.start_line, Some(30));
            assert_eq!(
                f.fingerprint,
                output::draft(&failure("aws_s3_bucket.a", 1))
                    .fingerprint
                    .as_str()
            );
            assert!(app.record_iac(" ", &fixed).await.is_err());
            app.close().await;
        });
    }

    #[test]
    fn baselines_round_trip_and_narrow_the_scope() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let done = scan(
            vec![failure("aws_s3_bucket.a", 1)],
            false,
            datetime!(2026-03-01 12:00 UTC),
        );
        let path = default_baseline_path(dir.path());
        assert!(path.ends_with(".checkov.baseline"));
        assert_eq!(write_baseline(&done, &path).ok(), Some(1));
        let b = load_baseline(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(b.index().contains("s3.tf", "aws_s3_bucket.a", &META));

        std::fs::write(dir.path().join("main.tf"), "").unwrap_or_else(|e| panic!("{e}"));
        let clock = ManualClock::new(datetime!(2026-03-01 12:00 UTC));
        let req = IacRequest {
            root: dir.path().to_owned(),
            baseline: Some(path.clone()),
            options: ScanOptions {
                frameworks: vec!["terraform".into()],
                ..ScanOptions::default()
            },
            var_files: Vec::new(),
        };
        let s = scan_iac(req, &clock).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            s.scope.ends_with(";framework=terraform;baseline"),
            "{}",
            s.scope
        );

        std::fs::write(&path, "{\"failed_checks\": 3}").unwrap_or_else(|e| panic!("{e}"));
        let err = load_baseline(&path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("line 1 column"), "{err}");
        let missing = IacRequest {
            root: dir.path().to_owned(),
            var_files: vec![dir.path().join("nope.tfvars")],
            ..IacRequest::default()
        };
        assert!(scan_iac(missing, &clock).is_err());
    }
}
