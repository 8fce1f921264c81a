//! `deputy findings …`.

use super::severity_arg;
use crate::args::{FindingsCommand, GlobalArgs, ListArgs, OutputFormat, SortArg, TransitionArgs};
use crate::render::{self, Column, Table};
use anyhow::Context;
use deputy_app::{App, FindingDetail, FindingFilter, FindingRecord, RiskAcceptance, SortOrder};
use deputy_core::{FindingState, time_fmt};
use std::io::Write;
use std::process::ExitCode;

pub async fn run(
    app: &App,
    g: &GlobalArgs,
    cmd: FindingsCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let json = g.output_format()? == OutputFormat::Json;
    match cmd {
        FindingsCommand::List(args) => {
            let findings = app.findings(&filter(args)?).await?;
            if json {
                render::json(out, &findings)?;
            } else {
                write_list(out, &findings)?;
            }
        }
        FindingsCommand::Show { id } => {
            let detail = app.finding(id).await?;
            if json {
                render::json(out, &detail)?;
            } else {
                write_detail(out, &detail)?;
            }
        }
        FindingsCommand::Triage(a) => {
            transition(app, json, a, FindingState::Triaged, Some("triaged"), out).await?
        }
        FindingsCommand::Start(a) => {
            transition(
                app,
                json,
                a,
                FindingState::InProgress,
                Some("work started"),
                out,
            )
            .await?
        }
        FindingsCommand::Resolve(a) => {
            transition(app, json, a, FindingState::Resolved, None, out).await?
        }
        FindingsCommand::Reopen(a) => {
            transition(app, json, a, FindingState::Reopened, None, out).await?
        }
        FindingsCommand::FalsePositive(a) => {
            transition(app, json, a, FindingState::FalsePositive, None, out).await?
        }
        FindingsCommand::OutOfScope(a) => {
            transition(app, json, a, FindingState::OutOfScope, None, out).await?
        }
        FindingsCommand::Accept {
            id,
            until,
            reason,
            owner,
        } => {
            let until = time_fmt::parse(&until)
                .ok()
                .with_context(|| format!("invalid value for `--until`: `{until}` is not a date (2026-12-31) or an RFC 3339 instant"))?;
            let a = app
                .request_acceptance(id, until, &reason, owner.as_deref())
                .await?;
            acceptance(
                out,
                json,
                &a,
                "requested; another person must run `deputy findings approve`",
            )?;
        }
        FindingsCommand::Approve { id, note } => {
            let a = app.decide_acceptance(id, true, note.as_deref()).await?;
            acceptance(out, json, &a, "approved")?;
        }
        FindingsCommand::Reject { id, note } => {
            let a = app.decide_acceptance(id, false, note.as_deref()).await?;
            acceptance(out, json, &a, "rejected")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn filter(args: ListArgs) -> anyhow::Result<FindingFilter> {
    let states = if args.state.iter().any(|s| s == "all") {
        FindingState::ALL.to_vec()
    } else {
        args.state
            .iter()
            .map(|s| {
                s.parse::<FindingState>()
                    .map_err(anyhow::Error::msg)
                    .context("invalid value for `--state`")
            })
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let severities = args
        .severity
        .iter()
        .map(|s| severity_arg("--severity", s))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(FindingFilter {
        project: args.project,
        states,
        severities,
        rule: args.rule,
        path: args.path,
        overdue: args.overdue,
        limit: args.limit,
        sort: match args.sort {
            SortArg::Severity => SortOrder::Severity,
            SortArg::Due => SortOrder::Due,
            SortArg::Newest => SortOrder::Newest,
        },
    })
}

async fn transition(
    app: &App,
    json: bool,
    args: TransitionArgs,
    to: FindingState,
    default_reason: Option<&str>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let reason = match (args.reason, default_reason) {
        (Some(r), _) => r,
        (None, Some(d)) => d.to_owned(),
        (None, None) => {
            anyhow::bail!("`--reason` is required: say why, it is kept in the finding's history")
        }
    };
    let f = app.transition(args.id, to, &reason).await?;
    if json {
        render::json(out, &f)?;
    } else {
        writeln!(out, "finding {} is now {}", f.id, f.state)?;
    }
    Ok(())
}

fn acceptance(
    out: &mut impl Write,
    json: bool,
    a: &RiskAcceptance,
    what: &str,
) -> anyhow::Result<()> {
    if json {
        render::json(out, a)
    } else {
        writeln!(
            out,
            "risk acceptance {} for finding {} until {}: {what}",
            a.id,
            a.finding_id,
            render::day(&a.expires_at)
        )?;
        Ok(())
    }
}

fn write_list(out: &mut impl Write, findings: &[FindingRecord]) -> anyhow::Result<()> {
    if findings.is_empty() {
        writeln!(out, "no findings match")?;
        return Ok(());
    }
    let mut t = Table::new(vec![
        Column::number("ID"),
        Column::fixed("SEVERITY"),
        Column::fixed("STATE"),
        Column::flex("RULE"),
        Column::flex("LOCATION"),
        Column::fixed("DUE"),
    ]);
    for f in findings {
        let due = match (&f.sla_due, f.overdue) {
            (Some(d), true) => format!("{}!", render::day(d)),
            (Some(d), false) => render::day(d),
            (None, _) => "-".into(),
        };
        t.row(vec![
            f.id.to_string(),
            f.severity.to_string(),
            f.state.to_string(),
            f.rule_id.clone(),
            render::location(
                f.location.path.as_deref(),
                f.location.start_line,
                f.location.resource.as_deref(),
            ),
            due,
        ]);
    }
    t.write(out)?;
    let overdue = findings.iter().filter(|f| f.overdue).count();
    writeln!(
        out,
        "{} finding(s){}",
        findings.len(),
        if overdue > 0 {
            format!(", {overdue} overdue (!)")
        } else {
            String::new()
        }
    )?;
    Ok(())
}

fn write_detail(out: &mut impl Write, d: &FindingDetail) -> anyhow::Result<()> {
    let f = &d.finding;
    let w = render::WIDTH - 14;
    writeln!(
        out,
        "finding {} in `{}`",
        f.id,
        render::truncate(&f.project, w)
    )?;
    let line = |out: &mut dyn Write, k: &str, v: &str| {
        writeln!(out, "  {k:<11} {}", render::truncate(v, w))
    };
    line(out, "title", &f.title)?;
    line(out, "rule", &format!("{} ({})", f.rule_id, f.source))?;
    line(out, "severity", f.severity.as_str())?;
    line(
        out,
        "state",
        &format!(
            "{}{}",
            f.state,
            if f.stale_since.is_some() {
                " (stale: not confirmed by the last partial scan)"
            } else {
                ""
            }
        ),
    )?;
    line(
        out,
        "location",
        &render::location(
            f.location.path.as_deref(),
            f.location.start_line,
            f.location.resource.as_deref(),
        ),
    )?;
    if !f.message.is_empty() && f.message != f.title {
        line(out, "message", &f.message)?;
    }
    line(
        out,
        "first seen",
        &format!(
            "{} (scan {})",
            render::minute(&f.first_seen),
            f.first_run_id
        ),
    )?;
    line(
        out,
        "last seen",
        &format!("{} (scan {})", render::minute(&f.last_seen), f.last_run_id),
    )?;
    let due = f
        .sla_due
        .as_deref()
        .map(render::day)
        .unwrap_or_else(|| "none".into());
    line(
        out,
        "sla due",
        &format!("{due}{}", if f.overdue { " (overdue)" } else { "" }),
    )?;
    if let Some(h) = &f.help_uri {
        line(out, "help", h)?;
    }
    line(out, "fingerprint", &f.fingerprint)?;
    if !d.acceptances.is_empty() {
        writeln!(out, "\nrisk acceptances:")?;
        for a in &d.acceptances {
            let head = format!(
                "#{} {} until {}, owner {}",
                a.id,
                a.status.as_str(),
                render::day(&a.expires_at),
                a.owner
            );
            writeln!(out, "  {}", render::truncate(&head, render::WIDTH - 2))?;
            let who = match &a.decided_by {
                Some(b) => format!("asked by {}, decided by {b}", a.requested_by),
                None => format!("asked by {}", a.requested_by),
            };
            writeln!(out, "     {}", render::truncate(&who, render::WIDTH - 5))?;
            writeln!(
                out,
                "     {}",
                render::truncate(&a.reason, render::WIDTH - 5)
            )?;
        }
    }
    writeln!(out, "\nhistory:")?;
    let mut t = Table::new(vec![
        Column::fixed("WHEN"),
        Column::flex("WHO"),
        Column::fixed("STATE"),
        Column::flex("WHY"),
    ]);
    for e in &d.history {
        let states = match e.from_state {
            Some(from) => format!("{from}->{}", e.to_state),
            None => e.to_state.to_string(),
        };
        t.row(vec![
            render::minute(&e.at),
            e.actor.clone(),
            states,
            e.reason.clone(),
        ]);
    }
    t.write(out)?;
    let runs: Vec<String> = d
        .runs
        .iter()
        .map(|r| format!("{}:{}", r.run_id, r.change))
        .collect();
    writeln!(out, "\nscans: {}", render::truncate(&runs.join(" "), w))?;
    Ok(())
}
