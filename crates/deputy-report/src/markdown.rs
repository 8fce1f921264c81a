//! The executive summary as GitHub Flavored Markdown, ready to publish as a wiki page, a
//! pull-request comment or a ticket: the summary paragraph, the numbers by severity, the
//! comparison with the base scan, the top ten risks and the accepted risks. The full list
//! of findings stays in the HTML, CSV and JSON reports.
//!
//! Every text from the report goes through [`escape::markdown`], which also escapes `|` and
//! folds line breaks, so report text can neither add structure nor leave its table cell.

use crate::charts::{day, format_count, severity_label};
use crate::escape;
use crate::model::Report;
use crate::summary::{self, DUE_SOON_DAYS, Posture};
use deputy_core::{RunStatus, Severity};
use std::fmt::Write as _;

/// Renders the executive summary. Writing to a `String` cannot fail, so the `fmt::Result`s
/// of `write!` are dropped.
pub fn render(report: &Report) -> String {
    let posture = Posture::of(report);
    let md = escape::markdown;
    let s = &report.scan;
    let mut out = String::with_capacity(8 * 1024);

    let _ = writeln!(out, "# Security report: {}\n", md(&report.project));
    let mut facts = vec![
        format!("Scan #{}", s.id),
        format!("finished {}", md(day(&s.finished_at))),
    ];
    if !s.tools.is_empty() {
        facts.push(format!("tools: {}", md(&s.tools.join(", "))));
    }
    if let Some(branch) = &s.branch {
        facts.push(format!("branch {}", md(branch)));
    }
    if let Some(commit) = &s.commit {
        facts.push(format!("commit {}", md(commit.get(..12).unwrap_or(commit))));
    }
    facts.push(format!(
        "generated {} by {}",
        md(day(&report.generated_at)),
        md(&report.generated_by)
    ));
    let _ = writeln!(out, "{}\n", facts.join(" · "));

    out.push_str("## Executive summary\n\n");
    if s.status != RunStatus::Complete {
        let _ = writeln!(
            out,
            "**Warning:** this scan was {}, so findings it did not see were not closed.\n",
            s.status
        );
    }
    let _ = writeln!(
        out,
        "{}\n",
        md(&summary::executive_summary(report).join(" "))
    );

    out.push_str("## Findings by severity\n\n");
    let mut rows: Vec<Vec<String>> = Severity::ALL
        .iter()
        .map(|sev| {
            let detected = report
                .findings
                .iter()
                .filter(|f| f.severity == *sev)
                .count() as u64;
            vec![
                severity_label(*sev).to_owned(),
                format_count(detected),
                format_count(posture.active(*sev)),
            ]
        })
        .collect();
    rows.push(vec![
        "**Total**".to_owned(),
        format!("**{}**", format_count(posture.detected)),
        format!("**{}**", format_count(posture.active)),
    ]);
    table(
        &mut out,
        &[("Severity", false), ("Detected", true), ("Active", true)],
        &rows,
    );

    let sla = posture.sla;
    let _ = writeln!(out, "SLA of the active findings:\n");
    table(
        &mut out,
        &[
            ("Overdue", true),
            (&format!("Due within {DUE_SOON_DAYS} days"), true),
            ("On track", true),
            ("No SLA", true),
        ],
        &[vec![
            format_count(sla.overdue),
            format_count(sla.due_soon),
            format_count(sla.on_track),
            format_count(sla.no_sla),
        ]],
    );

    match &report.comparison {
        Some(c) => {
            let _ = writeln!(
                out,
                "## Changes since scan #{} ({})\n",
                c.base.id,
                md(day(&c.base.finished_at))
            );
            let k = c.counts;
            table(
                &mut out,
                &[
                    ("New", true),
                    ("Reopened", true),
                    ("Resolved", true),
                    ("Unchanged", true),
                    ("Stale", true),
                ],
                &[vec![
                    format_count(k.new),
                    format_count(k.reopened),
                    format_count(k.resolved),
                    format_count(k.unchanged),
                    format_count(k.stale),
                ]],
            );
        }
        None => out.push_str("## Changes\n\nNo earlier scan to compare with.\n\n"),
    }

    out.push_str("## Top risks\n\n");
    let top = summary::top_risks(report, 10);
    if top.is_empty() {
        out.push_str("No active findings.\n\n");
    } else {
        let rows: Vec<Vec<String>> = top
            .iter()
            .enumerate()
            .map(|(rank, f)| {
                let due = match (&f.sla_due, f.overdue) {
                    (Some(d), true) => format!("{} **(overdue)**", md(day(d))),
                    (Some(d), false) => md(day(d)),
                    (None, _) => "no SLA".to_owned(),
                };
                vec![
                    (rank + 1).to_string(),
                    severity_label(f.severity).to_owned(),
                    md(&f.rule_id),
                    md(&f.title),
                    md(&f.location()),
                    due,
                    f.remediation
                        .as_deref()
                        .map_or_else(|| "not given".to_owned(), md),
                ]
            })
            .collect();
        table(
            &mut out,
            &[
                ("#", true),
                ("Severity", false),
                ("Rule", false),
                ("Finding", false),
                ("Location", false),
                ("SLA due", false),
                ("Remediation", false),
            ],
            &rows,
        );
    }

    out.push_str("## Accepted risks\n\n");
    if report.accepted_risks.is_empty() {
        out.push_str("No risks are currently accepted.\n");
    } else {
        let rows: Vec<Vec<String>> = report
            .accepted_risks
            .iter()
            .map(|a| {
                vec![
                    md(&a.rule_id),
                    severity_label(a.severity).to_owned(),
                    md(&a.title),
                    md(&a.location),
                    md(&a.owner),
                    a.approved_by
                        .as_deref()
                        .map_or_else(|| "**not approved**".to_owned(), md),
                    md(day(&a.expires_at)),
                    md(&a.reason),
                ]
            })
            .collect();
        table(
            &mut out,
            &[
                ("Rule", false),
                ("Severity", false),
                ("Finding", false),
                ("Location", false),
                ("Owner", false),
                ("Approved by", false),
                ("Expires", false),
                ("Reason", false),
            ],
            &rows,
        );
    }
    out
}

/// Writes a table. `columns` are (header, right-aligned); cells are already escaped.
fn table(out: &mut String, columns: &[(&str, bool)], rows: &[Vec<String>]) {
    out.push('|');
    for (name, _) in columns {
        let _ = write!(out, " {name} |");
    }
    out.push_str("\n|");
    for (_, right) in columns {
        out.push_str(if *right { " ---: |" } else { " --- |" });
    }
    out.push('\n');
    for row in rows {
        out.push('|');
        for cell in row {
            let _ = write!(out, " {cell} |");
        }
        out.push('\n');
    }
    out.push('\n');
}
