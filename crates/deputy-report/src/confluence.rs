//! The executive summary in Confluence storage format (XHTML with `ac:` macros), to publish
//! as a page through Confluence's REST API: the same content as [`crate::markdown`].
//!
//! Every text from the report goes through [`escape::xml`], so a finding that contains
//! Confluence macro markup, a CDATA end or HTML is shown as text. The only macros in the
//! output are status lozenges whose colour and title are fixed values of this module. The
//! output is a sequence of elements: well-formed XML once wrapped in one root element.

use crate::charts::{day, format_count};
use crate::escape;
use crate::model::Report;
use crate::summary::{self, DUE_SOON_DAYS, Posture};
use deputy_core::{RunStatus, Severity};
use std::fmt::Write as _;

/// Renders the executive summary. Writing to a `String` cannot fail, so the `fmt::Result`s
/// of `write!` are dropped.
pub fn render(report: &Report) -> String {
    let posture = Posture::of(report);
    let x = escape::xml;
    let s = &report.scan;
    let mut out = String::with_capacity(16 * 1024);

    let _ = write!(out, "<h1>Security report: {}</h1>", x(&report.project));
    let mut facts = vec![
        format!("Scan #{}", s.id),
        format!("finished {}", x(day(&s.finished_at))),
    ];
    if !s.tools.is_empty() {
        facts.push(format!("tools: {}", x(&s.tools.join(", "))));
    }
    if let Some(branch) = &s.branch {
        facts.push(format!("branch {}", x(branch)));
    }
    if let Some(commit) = &s.commit {
        facts.push(format!(
            "commit <code>{}</code>",
            x(commit.get(..12).unwrap_or(commit))
        ));
    }
    facts.push(format!(
        "generated {} by {}",
        x(day(&report.generated_at)),
        x(&report.generated_by)
    ));
    let _ = write!(out, "<p><em>{}</em></p>", facts.join(" · "));

    out.push_str("<h2>Executive summary</h2>");
    if s.status != RunStatus::Complete {
        let _ = write!(
            out,
            "<p><strong>Warning:</strong> this scan was {}, so findings it did not see were not closed.</p>",
            s.status
        );
    }
    let _ = write!(
        out,
        "<p>{}</p>",
        x(&summary::executive_summary(report).join(" "))
    );

    out.push_str("<h2>Findings by severity</h2><table><tbody><tr><th>Severity</th><th>Detected</th><th>Active</th></tr>");
    for sev in Severity::ALL {
        let detected = report.findings.iter().filter(|f| f.severity == sev).count() as u64;
        out.push_str("<tr><td>");
        status(&mut out, sev);
        let _ = write!(
            out,
            "</td><td>{}</td><td>{}</td></tr>",
            format_count(detected),
            format_count(posture.active(sev))
        );
    }
    let _ = write!(
        out,
        "<tr><td><strong>Total</strong></td><td><strong>{}</strong></td><td><strong>{}</strong></td></tr></tbody></table>",
        format_count(posture.detected),
        format_count(posture.active)
    );

    let sla = posture.sla;
    let _ = write!(
        out,
        "<p>SLA of the active findings:</p><table><tbody><tr><th>Overdue</th><th>Due within {DUE_SOON_DAYS} days</th><th>On track</th><th>No SLA</th></tr>\
         <tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr></tbody></table>",
        format_count(sla.overdue),
        format_count(sla.due_soon),
        format_count(sla.on_track),
        format_count(sla.no_sla)
    );

    match &report.comparison {
        Some(c) => {
            let k = c.counts;
            let _ = write!(
                out,
                "<h2>Changes since scan #{} ({})</h2><table><tbody><tr><th>New</th><th>Reopened</th><th>Resolved</th><th>Unchanged</th><th>Stale</th></tr>\
                 <tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr></tbody></table>",
                c.base.id,
                x(day(&c.base.finished_at)),
                format_count(k.new),
                format_count(k.reopened),
                format_count(k.resolved),
                format_count(k.unchanged),
                format_count(k.stale)
            );
        }
        None => out.push_str("<h2>Changes</h2><p>No earlier scan to compare with.</p>"),
    }

    out.push_str("<h2>Top risks</h2>");
    let top = summary::top_risks(report, 10);
    if top.is_empty() {
        out.push_str("<p>No active findings.</p>");
    } else {
        out.push_str(
            "<table><tbody><tr><th>#</th><th>Severity</th><th>Rule</th><th>Finding</th><th>Location</th><th>SLA due</th><th>Remediation</th></tr>",
        );
        for (rank, f) in top.iter().enumerate() {
            let _ = write!(out, "<tr><td>{}</td><td>", rank + 1);
            status(&mut out, f.severity);
            let _ = write!(
                out,
                "</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>",
                x(&f.rule_id),
                x(&f.title),
                x(&f.location())
            );
            match &f.sla_due {
                Some(d) if f.overdue => {
                    let _ = write!(out, "{} <strong>(overdue)</strong>", x(day(d)));
                }
                Some(d) => out.push_str(&x(day(d))),
                None => out.push_str("no SLA"),
            }
            let remediation = f
                .remediation
                .as_deref()
                .map_or_else(|| "not given".to_owned(), x);
            let _ = write!(out, "</td><td>{remediation}</td></tr>");
        }
        out.push_str("</tbody></table>");
    }

    out.push_str("<h2>Accepted risks</h2>");
    if report.accepted_risks.is_empty() {
        out.push_str("<p>No risks are currently accepted.</p>");
    } else {
        out.push_str(
            "<table><tbody><tr><th>Rule</th><th>Severity</th><th>Finding</th><th>Location</th><th>Owner</th><th>Approved by</th><th>Expires</th><th>Reason</th></tr>",
        );
        for a in &report.accepted_risks {
            let _ = write!(out, "<tr><td><code>{}</code></td><td>", x(&a.rule_id));
            status(&mut out, a.severity);
            let approved = a
                .approved_by
                .as_deref()
                .map_or_else(|| "<strong>not approved</strong>".to_owned(), x);
            let _ = write!(
                out,
                "</td><td>{}</td><td>{}</td><td>{}</td><td>{approved}</td><td>{}</td><td>{}</td></tr>",
                x(&a.title),
                x(&a.location),
                x(&a.owner),
                x(day(&a.expires_at)),
                x(&a.reason)
            );
        }
        out.push_str("</tbody></table>");
    }
    out
}

/// A status lozenge for a severity. Colour and title are fixed here, never report text.
fn status(out: &mut String, s: Severity) {
    let (colour, title) = match s {
        Severity::Critical => ("Red", "CRITICAL"),
        Severity::High => ("Red", "HIGH"),
        Severity::Medium => ("Yellow", "MEDIUM"),
        Severity::Low => ("Blue", "LOW"),
        Severity::Info => ("Grey", "INFO"),
    };
    let _ = write!(
        out,
        "<ac:structured-macro ac:name=\"status\" ac:schema-version=\"1\"><ac:parameter ac:name=\"colour\">{colour}</ac:parameter><ac:parameter ac:name=\"title\">{title}</ac:parameter></ac:structured-macro>"
    );
}
