//! `deputy import` and `deputy demo`.

use super::severity_arg;
use crate::args::{FormatArg, GlobalArgs, ImportArgs, OutputFormat};
use crate::commands::scans::write_diff;
use crate::render;
use deputy_app::{App, ImportOutcome, ImportRequest, InputSource, ReportFormat};
use deputy_core::ledger::Change;
use std::io::Write;
use std::process::ExitCode;

pub async fn import(
    app: &App,
    g: &GlobalArgs,
    args: ImportArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let format = match g.format {
        Some(FormatArg::Sarif) => ReportFormat::Sarif,
        Some(FormatArg::Checkov) => ReportFormat::Checkov,
        _ => anyhow::bail!(
            "`deputy import` needs the report's format: `--format sarif` or `--format checkov`"
        ),
    };
    let output = g.output.unwrap_or(OutputFormat::Table);
    let fail_on = args
        .fail_on
        .as_deref()
        .map(|s| severity_arg("--fail-on", s))
        .transpose()?;
    let default_severity = args
        .default_severity
        .as_deref()
        .map(|s| severity_arg("--default-severity", s))
        .transpose()?;
    let input = if args.file.as_os_str() == "-" {
        InputSource::Stdin
    } else {
        InputSource::File(args.file)
    };
    let outcome = app
        .import(ImportRequest {
            project: args.project,
            format,
            input,
            scope: args.scope,
            commit: args.commit,
            branch: args.branch,
            partial: args.partial,
            default_severity,
            root: args.root,
        })
        .await?;
    let mut code = ExitCode::SUCCESS;
    if let Some(threshold) = fail_on {
        let delta = app.scan(outcome.run.id, false).await?.1;
        let failing = delta
            .iter()
            .filter(|d| {
                matches!(d.change, Change::New | Change::Reopened) && d.severity >= threshold
            })
            .count();
        if failing > 0 {
            eprintln!("{failing} new or reopened finding(s) at or above `{threshold}`");
            code = ExitCode::from(1);
        }
    }
    match output {
        OutputFormat::Json => render::json(out, &outcome)?,
        OutputFormat::Table => summary(out, &outcome)?,
    }
    Ok(code)
}

fn summary(out: &mut impl Write, o: &ImportOutcome) -> anyhow::Result<()> {
    let r = &o.run;
    let tools = if r.tools.is_empty() {
        "no tool".to_owned()
    } else {
        r.tools.join(", ")
    };
    let version = r
        .tool_version
        .as_deref()
        .map(|v| format!(" {v}"))
        .unwrap_or_default();
    writeln!(
        out,
        "scan {} of `{}`: {} findings from {tools}{version} ({}, scope `{}`)",
        r.id, r.project, o.reported, r.status, r.scope
    )?;
    writeln!(out, "  {}", render::delta(&r.delta))?;
    if r.duplicates > 0 {
        writeln!(
            out,
            "  {} duplicate result(s) in the report were counted once",
            r.duplicates
        )?;
    }
    if o.expired_acceptances > 0 {
        writeln!(
            out,
            "  {} risk acceptance(s) had expired; their findings were reopened",
            o.expired_acceptances
        )?;
    }
    for note in &r.notes {
        writeln!(out, "  note: {note}")?;
    }
    Ok(())
}

pub async fn demo(
    app: &App,
    g: &GlobalArgs,
    project: &str,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let demo = app.demo(project).await?;
    if g.output_format()? == OutputFormat::Json {
        render::json(out, &demo)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "Imported two Checkov reports of terragoat into project `{project}`:"
    )?;
    summary(out, &demo.before)?;
    summary(out, &demo.after)?;
    writeln!(out)?;
    write_diff(out, &demo.diff)?;
    writeln!(out)?;
    writeln!(out, "Database: {}", app.database_display())?;
    writeln!(
        out,
        "Next: deputy findings list --project {project}    deputy scans list --project {project}"
    )?;
    Ok(ExitCode::SUCCESS)
}
