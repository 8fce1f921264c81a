//! `deputy scan auth0` and `deputy scan iac`: scan a tenant (from a snapshot file or live) or
//! a tree of IaC files, render the outcome, and optionally record it as a scan run of a
//! project.

use super::severity_arg;
use crate::args::{FormatArg, GlobalArgs};
use crate::commands::auth0::LiveArgs;
use crate::render::{self, Column, Table};
use anyhow::Context;
use clap::{Args, Subcommand};
use deputy_app::App;
use deputy_app::auth0::{
    Auth0Output, auth0_counts, auth0_fails, load_advisories, load_auth0_snapshot, read_auth0_live,
    render_auth0, scan_auth0,
};
use deputy_app::auth0::{ScanOptions, ScanOutcome};
use deputy_app::iac::{
    IacOutput, IacRequest, IacScan, Progress, ScanOptions as IacScanOptions, default_baseline_path,
    iac_fails, render_iac, scan_iac, write_baseline,
};
use deputy_core::{Clock, Severity, SystemClock};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, Subcommand)]
pub enum ScanCommand {
    /// Scan an Auth0 tenant: `--snapshot FILE` (Deputy's format or CheckMate's tenant shape)
    /// or `--domain D` (live; see `deputy auth0 snapshot`); `--format table|json|sarif|junit|markdown`.
    /// Exit 1 when findings at or above `--fail-on` (default: any) are reported, 2 on errors.
    Auth0(ScanAuth0Args),
    /// Scan a folder (or file) of Terraform, CloudFormation, Kubernetes, Dockerfiles and
    /// GitHub Actions workflows, as
    /// Checkov does: `--check`/`--skip-check` by Deputy code or Checkov id (`CKV_AWS*`
    /// wildcards), `--framework`/`--skip-framework`, `--skip-path REGEX`, `--baseline FILE`,
    /// `--create-baseline`; inline `checkov:skip=ID:reason` and `deputy:skip=CODE reason`
    /// comments are honoured. `--format table|json|sarif|junit|markdown`. Exit 1 when
    /// failures at or above `--fail-on` (default: any) are reported, 2 on errors.
    Iac(ScanIacArgs),
}

#[derive(Debug, Args)]
pub struct ScanAuth0Args {
    /// A snapshot file to scan instead of reading the tenant live.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["domain", "custom_domain", "base_url"])]
    pub snapshot: Option<PathBuf>,
    #[command(flatten)]
    pub live: LiveArgs,
    /// Record the scan as a run of this project in the findings ledger.
    #[arg(long)]
    pub project: Option<String>,
    /// Exit 1 only for findings at or above this severity (default: any finding).
    #[arg(long, value_name = "SEVERITY")]
    pub fail_on: Option<String>,
    /// npm advisories for Action dependencies (`checkDependencies`), a JSON array.
    #[arg(long, value_name = "FILE")]
    pub advisories: Option<PathBuf>,
    /// The tenant's canonical `*.auth0.com` host, when a CheckMate-shaped snapshot lacks it.
    #[arg(long, value_name = "HOST")]
    pub canonical_domain: Option<String>,
    /// The tenant name used in fingerprints (default: the snapshot's domain).
    #[arg(long)]
    pub tenant: Option<String>,
    /// Run only these checks (Deputy codes or CheckMate peer ids; repeatable).
    #[arg(long = "check", value_name = "CODE")]
    pub checks: Vec<String>,
    /// Write the output here instead of standard output.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Whether the command needs the database.
pub fn needs_store(cmd: &ScanCommand) -> bool {
    match cmd {
        ScanCommand::Auth0(a) => a.project.is_some(),
        ScanCommand::Iac(a) => a.project.is_some(),
    }
}

pub async fn run(
    app: Option<&App>,
    g: &GlobalArgs,
    cmd: ScanCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let args = match cmd {
        ScanCommand::Auth0(args) => args,
        ScanCommand::Iac(args) => return run_iac(app, g, args, out).await,
    };
    let format = scan_format(g, "auth0")?.map(|f| match f {
        ScanFormat::Json => Auth0Output::Json,
        ScanFormat::Sarif => Auth0Output::Sarif,
        ScanFormat::Junit => Auth0Output::Junit,
        ScanFormat::Markdown => Auth0Output::Markdown,
    });
    let fail_on: Option<Severity> = args
        .fail_on
        .as_deref()
        .map(|s| severity_arg("--fail-on", s))
        .transpose()?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let (mut snapshot, input_name, sha) = match (&args.snapshot, &args.live.domain) {
        (Some(path), _) => {
            let l = load_auth0_snapshot(path)?;
            (l.snapshot, Some(l.input_name), Some(l.sha256))
        }
        (None, Some(_)) => {
            let read = read_auth0_live(&args.live.options()?, clock.clone()).await?;
            (read.snapshot, None, None)
        }
        (None, None) => anyhow::bail!("give `--snapshot FILE` or `--domain DOMAIN`"),
    };
    if let Some(c) = &args.canonical_domain {
        snapshot.canonical_domain = Some(c.clone());
    }
    let options = ScanOptions {
        only: (!args.checks.is_empty()).then(|| args.checks.clone()),
        advisories: args
            .advisories
            .as_deref()
            .map(load_advisories)
            .transpose()?,
        tenant: args.tenant.clone(),
        now: None,
    };
    if let Some(only) = &options.only {
        for c in only {
            anyhow::ensure!(
                deputy_app::auth0::check_exists(c),
                "unknown check `{c}` (see `deputy checks list --source auth0`)"
            );
        }
    }
    let outcome = scan_auth0(&snapshot, options, clock.as_ref());
    let run = match (&args.project, app) {
        (Some(project), Some(app)) => Some(
            app.record_auth0(project, &outcome, input_name.as_deref(), sha.as_deref())
                .await?,
        ),
        _ => None,
    };
    let text = match format {
        Some(f) => render_auth0(&outcome, run.as_ref(), f),
        None => {
            let mut buf = Vec::new();
            table(&mut buf, &outcome, run.as_ref())?;
            String::from_utf8(buf).context("table output")?
        }
    };
    emit(&text, args.out.as_deref(), out)?;
    Ok(gate(auth0_fails(&outcome, fail_on), fail_on))
}

/// Writes a rendered scan to `path`, or to `out` with a final newline.
pub(crate) fn emit(
    text: &str,
    path: Option<&std::path::Path>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    match path {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write `{}`", path.display()))?,
        None => {
            out.write_all(text.as_bytes())?;
            if !text.ends_with('\n') {
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// The exit code of a scan with `failing` findings at or above `fail_on`: 1 when there
/// are any (said on stderr), 0 otherwise.
pub(crate) fn gate(failing: usize, fail_on: Option<Severity>) -> ExitCode {
    if failing == 0 {
        return ExitCode::SUCCESS;
    }
    match fail_on {
        Some(t) => eprintln!("{failing} finding(s) at or above `{t}`"),
        None => eprintln!("{failing} finding(s)"),
    }
    ExitCode::from(1)
}

/// Writes `text` in lines of at most 80 characters, continuation lines indented.
pub(crate) fn wrap(out: &mut impl Write, text: &str) -> anyhow::Result<()> {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 80 {
            writeln!(out, "{line}")?;
            line = format!("   {}", render::truncate(word, 76));
            continue;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&render::truncate(word, 80));
    }
    if !line.trim().is_empty() {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn table(
    out: &mut impl Write,
    o: &ScanOutcome,
    run: Option<&deputy_app::ScanRun>,
) -> anyhow::Result<()> {
    let counts = auth0_counts(o);
    let sev: Vec<String> = Severity::ALL
        .iter()
        .map(|s| format!("{} {s}", counts.get(s).copied().unwrap_or(0)))
        .collect();
    let head = format!(
        "auth0 scan of `{}`: {} findings",
        o.tenant,
        o.findings.len()
    );
    writeln!(out, "{}", render::truncate(&head, 80))?;
    writeln!(
        out,
        "  {} run, {} checks; {}",
        o.status,
        o.checks_run,
        sev.join(", ")
    )?;
    if !o.findings.is_empty() {
        let mut t = Table::new(vec![
            Column::fixed("SEVERITY"),
            Column::fixed("CHECK"),
            Column::flex("OBJECT"),
            Column::flex("FINDING"),
        ]);
        let mut sorted: Vec<_> = o.findings.iter().collect();
        sorted.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.code.cmp(b.code)));
        for f in sorted {
            t.row(vec![
                f.severity.to_string(),
                f.code.to_owned(),
                f.object.address(),
                f.message.clone(),
            ]);
        }
        t.write(out)?;
    }
    for d in &o.diagnostics {
        wrap(out, &format!("diagnostic: {}", d.message))?;
    }
    recorded(out, run)
}

/// The line saying where a scan was recorded, if it was.
fn recorded(out: &mut impl Write, run: Option<&deputy_app::ScanRun>) -> anyhow::Result<()> {
    if let Some(r) = run {
        writeln!(
            out,
            "recorded as scan {} of `{}`: {}",
            r.id,
            r.project,
            render::delta(&r.delta)
        )?;
    }
    Ok(())
}

/// The machine formats every scan writes; `None` from [`scan_format`] is the table.
#[derive(Debug, Clone, Copy)]
enum ScanFormat {
    Json,
    Sarif,
    Junit,
    Markdown,
}

fn scan_format(g: &GlobalArgs, command: &str) -> anyhow::Result<Option<ScanFormat>> {
    Ok(match g.format {
        None | Some(FormatArg::Table) => None,
        Some(FormatArg::Json) => Some(ScanFormat::Json),
        Some(FormatArg::Sarif) => Some(ScanFormat::Sarif),
        Some(FormatArg::Junit) => Some(ScanFormat::Junit),
        Some(FormatArg::Markdown) => Some(ScanFormat::Markdown),
        Some(_) => anyhow::bail!(
            "`deputy scan {command}` writes --format table, json, sarif, junit or markdown"
        ),
    })
}

#[derive(Debug, Args)]
pub struct ScanIacArgs {
    /// The folder (or file) to scan; paths in results are relative to it.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Record the scan as a run of this project in the findings ledger.
    #[arg(long)]
    pub project: Option<String>,
    /// Exit 1 only for failures at or above this severity (default: any failure).
    #[arg(long, value_name = "SEVERITY", conflicts_with = "soft_fail")]
    pub fail_on: Option<String>,
    /// Exit 0 whatever the scan finds (Checkov's `--soft-fail`); errors still exit 2.
    #[arg(short = 's', long)]
    pub soft_fail: bool,
    /// Run only these checks: Deputy codes or Checkov ids, `*` wildcards, comma separated
    /// or repeated.
    #[arg(short = 'c', long = "check", value_name = "ID")]
    pub checks: Vec<String>,
    /// Do not run these checks (applied after `--check`).
    #[arg(long = "skip-check", value_name = "ID")]
    pub skip_checks: Vec<String>,
    /// Only these frameworks: terraform, cloudformation, kubernetes, dockerfile,
    /// github_actions, secrets, all.
    #[arg(long, value_name = "FRAMEWORK")]
    pub framework: Vec<String>,
    /// Not these frameworks.
    #[arg(long, value_name = "FRAMEWORK")]
    pub skip_framework: Vec<String>,
    /// Leave out files and folders whose path (relative to PATH) matches this regular
    /// expression; repeatable.
    #[arg(long, value_name = "REGEX")]
    pub skip_path: Vec<String>,
    /// A Terraform variables file applied to every root module; repeatable.
    #[arg(long, value_name = "FILE")]
    pub var_file: Vec<PathBuf>,
    /// Report failures listed in this baseline (Checkov's `.checkov.baseline` shape) as
    /// skipped.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write the failures to a baseline file (default: PATH/.checkov.baseline).
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    pub create_baseline: Option<Option<PathBuf>>,
    /// Write the output here instead of standard output.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
}

async fn run_iac(
    app: Option<&App>,
    g: &GlobalArgs,
    args: ScanIacArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let format = scan_format(g, "iac")?.map(|f| match f {
        ScanFormat::Json => IacOutput::Json,
        ScanFormat::Sarif => IacOutput::Sarif,
        ScanFormat::Junit => IacOutput::Junit,
        ScanFormat::Markdown => IacOutput::Markdown,
    });
    let fail_on: Option<Severity> = args
        .fail_on
        .as_deref()
        .map(|s| severity_arg("--fail-on", s))
        .transpose()?;
    let progress = Arc::new(ProgressBar::default());
    let request = IacRequest {
        root: args.path.clone(),
        options: IacScanOptions {
            only: args.checks.clone(),
            skip: args.skip_checks.clone(),
            frameworks: args.framework.clone(),
            skip_frameworks: args.skip_framework.clone(),
            skip_paths: args.skip_path.clone(),
            progress: Some(progress.clone()),
            ..IacScanOptions::default()
        },
        baseline: args.baseline.clone(),
        var_files: args.var_file.clone(),
    };
    let scan = scan_iac(request, &SystemClock)?;
    if let Some(target) = &args.create_baseline {
        let path = target
            .clone()
            .unwrap_or_else(|| default_baseline_path(&args.path));
        let n = write_baseline(&scan, &path)?;
        eprintln!("wrote {n} failing resource(s) to `{}`", path.display());
    }
    let run = match (&args.project, app) {
        (Some(project), Some(app)) => Some(app.record_iac(project, &scan).await?),
        _ => None,
    };
    let text = match format {
        Some(f) => render_iac(&scan, run.as_ref(), f),
        None => {
            let mut buf = Vec::new();
            iac_table(&mut buf, &scan, run.as_ref())?;
            String::from_utf8(buf).context("table output")?
        }
    };
    emit(&text, args.out.as_deref(), out)?;
    if args.soft_fail {
        return Ok(ExitCode::SUCCESS);
    }
    Ok(gate(iac_fails(&scan, fail_on), fail_on))
}

fn iac_table(
    out: &mut impl Write,
    scan: &IacScan,
    run: Option<&deputy_app::ScanRun>,
) -> anyhow::Result<()> {
    let r = &scan.report;
    let (passed, failed, skipped) = r.counts();
    let head = format!(
        "iac scan of `{}`: {failed} failed, {passed} passed, {skipped} skipped",
        scan.root
    );
    writeln!(out, "{}", render::truncate(&head, 80))?;
    writeln!(
        out,
        "  {} run, {} files, {} resources, {} checks",
        scan.status(),
        r.files,
        r.resources,
        r.checks
    )?;
    let failures = deputy_app::iac::failures(r);
    if !failures.is_empty() {
        let mut t = Table::new(vec![
            Column::fixed("SEVERITY"),
            Column::fixed("CHECK"),
            Column::flex("RESOURCE"),
            Column::flex("FILE"),
        ]);
        for f in failures {
            t.row(vec![
                f.meta.severity.to_string(),
                f.meta.code.to_owned(),
                f.address.clone(),
                format!("{}:{}", f.file, f.span.start),
            ]);
        }
        t.write(out)?;
    }
    // Parse errors are listed (up to a screenful); the rest, often many on large trees,
    // are counted: `--format json` lists them all.
    let (errors, others): (Vec<_>, Vec<_>) = r.diagnostics.iter().partition(|d| d.makes_partial());
    for d in errors.iter().take(20) {
        let at = d.line.map_or(String::new(), |l| format!(":{l}"));
        wrap(out, &format!("parse error: {}{at}: {}", d.file, d.message))?;
    }
    let unlisted = errors.len().saturating_sub(20) + others.len();
    if unlisted > 0 {
        writeln!(out, "{unlisted} more diagnostic(s): see `--format json`")?;
    }
    recorded(out, run)
}

/// Files above which a scan shows a progress bar (when stderr is a terminal): smaller
/// trees finish before a bar would be read.
const PROGRESS_FILES: usize = 200;

/// A progress bar on stderr for large trees, hidden otherwise.
#[derive(Debug)]
struct ProgressBar(indicatif::ProgressBar);

impl Default for ProgressBar {
    fn default() -> Self {
        ProgressBar(indicatif::ProgressBar::hidden())
    }
}

impl Progress for ProgressBar {
    fn start(&self, steps: usize) {
        if steps / 2 < PROGRESS_FILES || !std::io::stderr().is_terminal() {
            return;
        }
        self.0.set_length(steps as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} scanning {bar:40} {percent:>3}% {elapsed}",
        ) {
            self.0.set_style(style);
        }
        self.0
            .set_draw_target(indicatif::ProgressDrawTarget::stderr());
    }

    fn advance(&self, steps: usize) {
        self.0.inc(steps as u64);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// Runs `deputy <args>` through the scan command with no database; returns the exit
    /// code (2 for an error, as `main` maps it), stdout and the error text.
    fn deputy(args: &[&str]) -> (u8, String, String) {
        let cli =
            crate::args::Cli::try_parse_from(std::iter::once("deputy").chain(args.iter().copied()))
                .unwrap_or_else(|e| panic!("{e}"));
        let crate::args::Command::Scan(cmd) = cli.command else {
            panic!("not a scan command")
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        let result = runtime.block_on(run(None, &cli.global, cmd, &mut out));
        let stdout = String::from_utf8_lossy(&out).into_owned();
        match result {
            Ok(code) if code == ExitCode::SUCCESS => (0, stdout, String::new()),
            Ok(_) => (1, stdout, String::new()),
            Err(e) => (2, stdout, e.to_string()),
        }
    }

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("main.tf"), "variable \"region\" {}\n")
            .unwrap_or_else(|e| panic!("{e}"));
        dir
    }

    #[test]
    fn a_clean_scan_exits_0_and_prints_the_json_document() {
        let dir = tree();
        let root = dir.path().display().to_string();
        let (code, stdout, _) = deputy(&["scan", "iac", &root, "--format", "json"]);
        assert_eq!(code, 0);
        let doc: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
        assert_eq!(doc["tool"], "deputy-iac");
        assert_eq!(doc["summary"]["files"], 1);
        assert!(doc["findings"].is_array() && doc["skipped"].is_array());
        let (code, stdout, _) = deputy(&["scan", "iac", &root]);
        assert_eq!(code, 0);
        assert!(stdout.starts_with("iac scan of "), "{stdout}");
    }

    #[test]
    fn bad_input_exits_2_naming_it() {
        let dir = tree();
        let root = dir.path().display().to_string();
        let (code, _, err) = deputy(&["scan", "iac", &root, "--skip-check", "CKV_NOPE_1,DPY-NOPE"]);
        assert_eq!(code, 2);
        assert!(err.contains("`CKV_NOPE_1`, `DPY-NOPE`"), "{err}");
        let (code, _, err) = deputy(&["scan", "iac", &root, "--framework", "helm"]);
        assert_eq!((code, err.contains("`helm`")), (2, true), "{err}");
        let (code, _, err) = deputy(&["scan", "iac", &root, "--format", "pdf"]);
        assert_eq!(
            (code, err.contains("writes --format table")),
            (2, true),
            "{err}"
        );
        let (code, _, err) = deputy(&["scan", "iac", &format!("{root}/missing")]);
        assert_eq!((code, err.contains("cannot read")), (2, true), "{err}");
        let (code, _, err) = deputy(&["scan", "iac", &root, "--fail-on", "urgent"]);
        assert_eq!((code, err.contains("--fail-on")), (2, true), "{err}");
    }

    #[test]
    fn create_baseline_writes_checkovs_file_and_out_writes_a_file() {
        let dir = tree();
        let root = dir.path().display().to_string();
        let sarif = dir.path().join("out.sarif");
        let (code, stdout, _) = deputy(&[
            "scan",
            "iac",
            &root,
            "--create-baseline",
            "--format",
            "sarif",
            "-o",
            &sarif.display().to_string(),
        ]);
        assert_eq!((code, stdout.as_str()), (0, ""));
        let baseline =
            std::fs::read_to_string(dir.path().join(".checkov.baseline")).unwrap_or_default();
        assert!(baseline.contains("\"failed_checks\""), "{baseline}");
        let log = std::fs::read_to_string(&sarif).unwrap_or_default();
        assert!(log.contains("\"version\": \"2.1.0\""), "{log}");
        let (code, _, _) = deputy(&[
            "scan",
            "iac",
            &root,
            "--baseline",
            &format!("{root}/.checkov.baseline"),
        ]);
        assert_eq!(code, 0);
    }

    #[test]
    fn failures_exit_1_unless_below_fail_on_and_suppressions_count_as_skipped() {
        let dir = tree();
        let root = dir.path().display().to_string();
        let docker = dir.path().join("Dockerfile");
        std::fs::write(&docker, "FROM alpine:3.20\nCOPY . /app\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let only = ["scan", "iac", &root, "--check", "CKV_DOCKER_3"];
        let (code, stdout, _) = deputy(&[&only[..], &["--format", "json"]].concat());
        assert_eq!(code, 1);
        let doc: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            doc["findings"][0]["checkov_ids"],
            serde_json::json!(["CKV_DOCKER_3"])
        );
        assert_eq!(doc["findings"][0]["resource"], "/Dockerfile.");
        let (code, _, _) = deputy(&[&only[..], &["--fail-on", "critical"]].concat());
        assert_eq!(code, 0);
        let (code, stdout, _) = deputy(&[&only[..], &["--soft-fail"]].concat());
        assert_eq!(code, 0);
        assert!(stdout.contains("DPY-DOCKER-003"), "{stdout}");
        let skip = "FROM alpine:3.20\n# deputy:skip=DPY-DOCKER-003 the base image sets the user\nCOPY . /app\n";
        std::fs::write(&docker, skip).unwrap_or_else(|e| panic!("{e}"));
        let (code, stdout, _) = deputy(&[&only[..], &["--format", "json"]].concat());
        assert_eq!(code, 0);
        let doc: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            doc["skipped"][0]["suppress_comment"],
            "the base image sets the user"
        );
    }

    #[test]
    fn the_gate_exits_1_only_for_failures() {
        assert_eq!(gate(0, None), ExitCode::SUCCESS);
        assert_eq!(gate(3, Some(Severity::High)), ExitCode::from(1));
    }
}
