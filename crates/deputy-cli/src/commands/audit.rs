//! `deputy audit verify|export|tail`.

use crate::args::{GlobalArgs, OutputFormat};
use crate::render::{self, Column, Table};
use anyhow::Context;
use clap::Subcommand;
use deputy_app::{App, ChainedEvent};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the whole hash chain; names the first bad sequence number (exit 1) if any
    /// event was edited, deleted, inserted or reordered.
    Verify,
    /// Write events as JSON lines (`--format jsonl`, the default), oldest first.
    Export {
        /// Only events after this sequence number.
        #[arg(long, default_value_t = 0)]
        after: u64,
    },
    /// Show the last events; `--follow` keeps printing new ones.
    Tail {
        /// How many events to show.
        #[arg(short = 'n', long, default_value_t = 20)]
        lines: u64,
        /// Wait for new events and print them as they are appended.
        #[arg(short, long)]
        follow: bool,
    },
}

pub async fn run(
    app: &App,
    g: &GlobalArgs,
    cmd: AuditCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match cmd {
        AuditCommand::Verify => verify(app, g, out).await,
        AuditCommand::Export { after } => {
            if !matches!(g.format, None | Some(crate::args::FormatArg::Jsonl)) {
                anyhow::bail!("`deputy audit export` writes `--format jsonl` only");
            }
            app.audit_events(after, |e| jsonl(out, &e)).await?;
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Tail { lines, follow } => tail(app, g, lines, follow, out).await,
    }
}

async fn verify(app: &App, g: &GlobalArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let outcome = app.audit_verify().await?;
    #[derive(Serialize)]
    struct Shown<'a> {
        ok: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        events: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        head: Option<&'a deputy_app::ChainHead>,
        #[serde(skip_serializing_if = "Option::is_none")]
        breach: Option<&'a deputy_app::Breach>,
    }
    let shown = match &outcome {
        Ok(v) => Shown {
            ok: true,
            events: Some(v.events),
            head: Some(&v.head),
            breach: None,
        },
        Err(b) => Shown {
            ok: false,
            events: None,
            head: None,
            breach: Some(b),
        },
    };
    match g.output_format()? {
        OutputFormat::Json => render::json(out, &shown)?,
        OutputFormat::Table => match &outcome {
            Ok(v) => {
                writeln!(out, "audit chain verified: {} events", v.events)?;
                writeln!(out, "head: {} {}", v.head.seq, v.head.hash)?;
            }
            Err(b) => {
                writeln!(
                    out,
                    "audit chain BROKEN at sequence number {} ({})",
                    b.seq, b.kind
                )?;
                writeln!(out, "{}", b.message)?;
            }
        },
    }
    Ok(if outcome.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn jsonl(out: &mut impl Write, e: &ChainedEvent) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, e)?;
    out.write_all(b"\n")
}

async fn tail(
    app: &App,
    g: &GlobalArgs,
    lines: u64,
    follow: bool,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let format = g.output_format()?;
    let events = app.audit_tail(lines).await?;
    let mut last = match events.last() {
        Some(e) => e.seq,
        None => app.audit_head().await?.seq,
    };
    match format {
        OutputFormat::Json if !follow => render::json(out, &events)?,
        OutputFormat::Json => {
            for e in &events {
                jsonl(out, e)?;
            }
        }
        OutputFormat::Table => {
            let mut t = table();
            for e in &events {
                t.row(cells(e));
            }
            if t.is_empty() && !follow {
                writeln!(out, "no audit events yet")?;
            } else {
                t.write(out)?;
            }
        }
    }
    if !follow {
        return Ok(ExitCode::SUCCESS);
    }
    loop {
        out.flush()?;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let mut fresh = Vec::new();
        app.audit_events(last, |e| {
            fresh.push(e);
            Ok(())
        })
        .await
        .context("cannot read new audit events")?;
        for e in &fresh {
            match format {
                OutputFormat::Json => jsonl(out, e)?,
                OutputFormat::Table => {
                    let mut t = table();
                    t.row(cells(e));
                    // Only the row: the header was printed once.
                    let mut buf = Vec::new();
                    t.write(&mut buf)?;
                    let text = String::from_utf8_lossy(&buf);
                    for line in text.lines().skip(1) {
                        writeln!(out, "{line}")?;
                    }
                }
            }
            last = e.seq;
        }
    }
}

fn table() -> Table {
    Table::new(vec![
        Column::number("SEQ"),
        Column::fixed("TIME"),
        Column::fixed("ACTOR"),
        Column::fixed("ACTION"),
        Column::flex("TARGET"),
        Column::fixed("OUTCOME"),
    ])
}

fn cells(e: &ChainedEvent) -> Vec<String> {
    vec![
        e.seq.to_string(),
        render::minute(&deputy_core::time_fmt::format(e.event.time)),
        render::truncate(&e.event.actor.to_string(), 12),
        render::truncate(&e.event.action, 24),
        e.event.target.clone(),
        render::truncate(&e.event.outcome, 8),
    ]
}
