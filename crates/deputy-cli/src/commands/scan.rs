//! `deputy scan auth0`: scan a tenant from a snapshot file or live, render the outcome, and
//! optionally record it as a scan run of a project.

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
use deputy_core::{Clock, Severity, SystemClock};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, Subcommand)]
pub enum ScanCommand {
    /// Scan an Auth0 tenant: `--snapshot FILE` (Deputy's format or CheckMate's tenant shape)
    /// or `--domain D` (live; see `deputy auth0 snapshot`); `--format table|json|sarif|junit|markdown`.
    /// Exit 1 when findings at or above `--fail-on` (default: any) are reported, 2 on errors.
    Auth0(ScanAuth0Args),
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
    }
}

pub async fn run(
    app: Option<&App>,
    g: &GlobalArgs,
    cmd: ScanCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let ScanCommand::Auth0(args) = cmd;
    let format = match g.format {
        None | Some(FormatArg::Table) => None,
        Some(FormatArg::Json) => Some(Auth0Output::Json),
        Some(FormatArg::Sarif) => Some(Auth0Output::Sarif),
        Some(FormatArg::Junit) => Some(Auth0Output::Junit),
        Some(FormatArg::Markdown) => Some(Auth0Output::Markdown),
        Some(_) => anyhow::bail!(
            "`deputy scan auth0` writes --format table, json, sarif, junit or markdown"
        ),
    };
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
    match &args.out {
        Some(path) => std::fs::write(path, &text)
            .with_context(|| format!("cannot write `{}`", path.display()))?,
        None => {
            out.write_all(text.as_bytes())?;
            if !text.ends_with('\n') {
                writeln!(out)?;
            }
        }
    }
    let failing = auth0_fails(&outcome, fail_on);
    if failing > 0 {
        match fail_on {
            Some(t) => eprintln!("{failing} finding(s) at or above `{t}`"),
            None => eprintln!("{failing} finding(s)"),
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` in lines of at most 80 characters, continuation lines indented.
fn wrap(out: &mut impl Write, text: &str) -> anyhow::Result<()> {
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
