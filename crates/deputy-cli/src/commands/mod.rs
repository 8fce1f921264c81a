//! One function per command: call the app, render the result.

pub mod audit;
pub(crate) mod auth0;
pub(crate) mod checks;
pub mod connect;
mod fga;
mod findings;
mod import;
mod report;
pub(crate) mod scan;
mod scans;
mod serve;
pub mod vault;

use crate::args::{Cli, Command, GlobalArgs, OutputFormat};
use crate::render::{self, Column, Table};
use anyhow::Context;
use deputy_app::{App, Config, ConfigOverrides};
use deputy_core::{Severity, SystemClock};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let overrides = ConfigOverrides {
        config_path: cli.global.config.clone(),
        data_dir: cli.global.data_dir.clone(),
        database_url: cli.global.database_url.clone(),
        actor: cli.global.actor.clone(),
    };
    match &cli.command {
        Command::Init { force } => return init(&overrides, *force),
        // Model tests and transforms need no database.
        Command::Fga(cmd) if cmd.is_offline() => {
            return fga::run_offline(&cli.global, cmd, &mut std::io::stdout().lock());
        }
        Command::Checks(cmd) => {
            return checks::run(&cli.global, cmd, &mut std::io::stdout().lock());
        }
        Command::Auth0(cmd) => {
            return auth0::run(&cli.global, cmd, &mut std::io::stdout().lock()).await;
        }
        _ => {}
    }
    // A scan that records nothing needs no database either.
    if let Command::Scan(cmd) = cli.command {
        if !scan::needs_store(&cmd) {
            return scan::run(None, &cli.global, cmd, &mut std::io::stdout().lock()).await;
        }
        let app = App::open(Config::load(&overrides)?, Arc::new(SystemClock)).await?;
        let result = scan::run(Some(&app), &cli.global, cmd, &mut std::io::stdout().lock()).await;
        app.close().await;
        return result;
    }
    let config = Config::load(&overrides)?;
    let app = App::open(config, Arc::new(SystemClock)).await?;
    let out = &mut std::io::stdout().lock();
    let result = match cli.command {
        Command::Init { .. } | Command::Checks(_) | Command::Auth0(_) | Command::Scan(_) => {
            Ok(ExitCode::SUCCESS)
        }
        Command::Fga(cmd) => fga::run(&app, &cli.global, cmd, out).await,
        Command::Serve(args) => serve::run(&app, &args, out).await,
        Command::Demo { project } => import::demo(&app, &cli.global, &project, out).await,
        Command::Import(args) => import::import(&app, &cli.global, args, out).await,
        Command::Projects => projects(&app, &cli.global, out).await,
        Command::Scans(cmd) => scans::run(&app, &cli.global, cmd, out).await,
        Command::Findings(cmd) => findings::run(&app, &cli.global, cmd, out).await,
        Command::Report(args) => report::run(&app, &cli.global, args, out).await,
        Command::Audit(cmd) => audit::run(&app, &cli.global, cmd, out).await,
        Command::Connect(args) => connect::connect(&app, &cli.global, args, out).await,
        Command::Connections(cmd) => connect::connections(&app, &cli.global, cmd, out).await,
        Command::Vault(cmd) => vault::run(&app, &cli.global, cmd, out).await,
    };
    out.flush()?;
    app.close().await;
    result
}

fn init(overrides: &ConfigOverrides, force: bool) -> anyhow::Result<ExitCode> {
    let path = match &overrides.config_path {
        Some(p) => p.clone(),
        None => deputy_app::config::default_config_path()
            .context("cannot determine a configuration directory; pass `--config FILE`")?,
    };
    deputy_app::config::write_template(&path, force)?;
    println!("wrote {}", path.display());
    let overrides = ConfigOverrides {
        config_path: Some(path),
        ..overrides.clone()
    };
    let config = Config::load(&overrides)?;
    let key = &config.vault_key_file;
    if deputy_app::vault::ensure_key_file(key)? {
        println!("created vault key {} (mode 0600)", key.display());
    }
    Ok(ExitCode::SUCCESS)
}

async fn projects(app: &App, g: &GlobalArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let projects = app.projects().await?;
    if g.output_format()? == OutputFormat::Json {
        render::json(out, &projects)?;
        return Ok(ExitCode::SUCCESS);
    }
    if projects.is_empty() {
        writeln!(
            out,
            "no projects yet; import a report with `deputy import --project NAME --format checkov FILE`"
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = Table::new(vec![
        Column::flex("PROJECT"),
        Column::number("SCANS"),
        Column::fixed("LAST SCAN"),
        Column::number("ACTIVE"),
        Column::number("CRIT"),
        Column::number("HIGH"),
        Column::number("MED"),
        Column::number("LOW"),
        Column::number("OVERDUE"),
    ]);
    for p in &projects {
        let sev = |s: Severity| {
            p.active_by_severity
                .get(&s)
                .copied()
                .unwrap_or(0)
                .to_string()
        };
        t.row(vec![
            p.project.name.clone(),
            p.scans.to_string(),
            p.last_scan_at
                .as_deref()
                .map(render::minute)
                .unwrap_or_else(|| "-".into()),
            p.active.to_string(),
            sev(Severity::Critical),
            sev(Severity::High),
            sev(Severity::Medium),
            sev(Severity::Low),
            p.overdue.to_string(),
        ]);
    }
    t.write(out)?;
    Ok(ExitCode::SUCCESS)
}

/// Parses a severity given on the command line, naming the flag when it is wrong.
pub(crate) fn severity_arg(flag: &str, value: &str) -> anyhow::Result<Severity> {
    value
        .parse()
        .with_context(|| format!("invalid value for `{flag}`"))
}
