//! `deputy scans list|show|diff`.

use crate::args::{GlobalArgs, OutputFormat, ScansCommand};
use crate::render::{self, Column, Table};
use deputy_app::{App, DiffEntry, RunDiff, ScanRun};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

pub async fn run(
    app: &App,
    g: &GlobalArgs,
    cmd: ScansCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match cmd {
        ScansCommand::List { project, limit } => {
            let runs = app.scans(&project, limit).await?;
            match g.output_format()? {
                OutputFormat::Json => render::json(out, &runs)?,
                OutputFormat::Table => write_runs(out, &runs)?,
            }
        }
        ScansCommand::Show { id, all } => {
            let (run, findings) = app.scan(id, all).await?;
            match g.output_format()? {
                OutputFormat::Json => {
                    #[derive(Serialize)]
                    struct Shown<'a> {
                        #[serde(flatten)]
                        run: &'a ScanRun,
                        findings: &'a [DiffEntry],
                    }
                    render::json(
                        out,
                        &Shown {
                            run: &run,
                            findings: &findings,
                        },
                    )?;
                }
                OutputFormat::Table => {
                    write_run(out, &run)?;
                    writeln!(out)?;
                    write_entries(out, &findings)?;
                }
            }
        }
        ScansCommand::Diff {
            base,
            head,
            project,
            unchanged,
        } => {
            let diff = app.diff(project.as_deref(), base, head, unchanged).await?;
            match g.output_format()? {
                OutputFormat::Json => render::json(out, &diff)?,
                OutputFormat::Table => write_diff(out, &diff)?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_runs(out: &mut impl Write, runs: &[ScanRun]) -> anyhow::Result<()> {
    let mut t = Table::new(vec![
        Column::number("ID"),
        Column::fixed("FINISHED"),
        Column::fixed("STATUS"),
        Column::flex("TOOLS"),
        Column::number("NEW"),
        Column::number("REOPEN"),
        Column::number("RESOLVED"),
        Column::number("UNCHANGED"),
        Column::number("STALE"),
    ]);
    for r in runs {
        t.row(vec![
            r.id.to_string(),
            render::minute(&r.finished_at),
            r.status.to_string(),
            r.tools.join(","),
            r.delta.new.to_string(),
            r.delta.reopened.to_string(),
            r.delta.resolved.to_string(),
            r.delta.unchanged.to_string(),
            r.delta.stale.to_string(),
        ]);
    }
    t.write(out)
}

fn write_run(out: &mut impl Write, r: &ScanRun) -> anyhow::Result<()> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "scan {} of `{}` ({})", r.id, r.project, r.status)?;
    writeln!(
        out,
        "  tools:     {} {}",
        r.tools.join(", "),
        opt(&r.tool_version)
    )?;
    writeln!(out, "  format:    {}   scope: {}", r.format, r.scope)?;
    writeln!(
        out,
        "  commit:    {}   branch: {}",
        opt(&r.commit),
        opt(&r.branch)
    )?;
    writeln!(
        out,
        "  started:   {}   finished: {}",
        render::minute(&r.started_at),
        render::minute(&r.finished_at)
    )?;
    writeln!(
        out,
        "  imported:  {} by {}",
        render::minute(&r.imported_at),
        r.imported_by
    )?;
    writeln!(
        out,
        "  input:     {} (sha256 {})",
        opt(&r.input_name),
        render::truncate(&opt(&r.input_sha256), 16)
    )?;
    writeln!(out, "  delta:     {}", render::delta(&r.delta))?;
    for note in &r.notes {
        writeln!(out, "  note:      {note}")?;
    }
    Ok(())
}

pub fn write_diff(out: &mut impl Write, diff: &RunDiff) -> anyhow::Result<()> {
    writeln!(
        out,
        "`{}`: scan {} ({}) -> scan {} ({})",
        diff.head.project,
        diff.base.id,
        render::minute(&diff.base.finished_at),
        diff.head.id,
        render::minute(&diff.head.finished_at)
    )?;
    writeln!(out, "{}", render::delta(&diff.counts))?;
    if !diff.findings.is_empty() {
        writeln!(out)?;
        write_entries(out, &diff.findings)?;
    }
    Ok(())
}

fn write_entries(out: &mut impl Write, entries: &[DiffEntry]) -> anyhow::Result<()> {
    let mut t = Table::new(vec![
        Column::fixed("CHANGE"),
        Column::fixed("SEVERITY"),
        Column::number("ID"),
        Column::flex("RULE"),
        Column::flex("LOCATION"),
    ]);
    for e in entries {
        t.row(vec![
            e.change.to_string(),
            e.severity.to_string(),
            e.id.to_string(),
            e.rule_id.clone(),
            render::location(e.path.as_deref(), e.start_line, e.resource.as_deref()),
        ]);
    }
    if !t.is_empty() {
        t.write(out)?;
    }
    Ok(())
}
