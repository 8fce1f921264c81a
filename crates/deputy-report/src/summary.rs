//! Numbers and sentences every renderer shares, computed once from a [`Report`].

use crate::model::{Report, ReportFinding};
use deputy_core::{Severity, time_fmt};
use serde::Serialize;
use std::collections::BTreeMap;

/// How many days ahead counts as "due soon".
pub const DUE_SOON_DAYS: i64 = 7;

/// Where the reported scan's findings stand now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Posture {
    /// Findings the scan detected.
    pub detected: u64,
    /// Of those, still needing work (open, triaged, in progress, reopened), per severity.
    pub active_by_severity: BTreeMap<Severity, u64>,
    pub active: u64,
    /// Decided by a person: false positive, accepted risk, out of scope.
    pub decided: u64,
    /// Resolved since (by a person or a later scan).
    pub resolved: u64,
    pub sla: SlaStatus,
}

/// SLA standing of the active findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SlaStatus {
    pub on_track: u64,
    pub due_soon: u64,
    pub overdue: u64,
    pub no_sla: u64,
}

impl Posture {
    pub fn of(report: &Report) -> Self {
        let soon = time_fmt::parse(&report.generated_at)
            .ok()
            .map(|t| time_fmt::format(t + time::Duration::days(DUE_SOON_DAYS)));
        let mut p = Posture {
            active_by_severity: Severity::ALL.iter().map(|s| (*s, 0)).collect(),
            ..Posture::default()
        };
        for f in &report.findings {
            p.detected += 1;
            if f.state.is_active() {
                p.active += 1;
                *p.active_by_severity.entry(f.severity).or_default() += 1;
                match (&f.sla_due, &soon) {
                    (None, _) => p.sla.no_sla += 1,
                    _ if f.overdue => p.sla.overdue += 1,
                    (Some(due), Some(soon)) if due <= soon => p.sla.due_soon += 1,
                    _ => p.sla.on_track += 1,
                }
            } else if f.state.is_human_decision() {
                p.decided += 1;
            } else {
                p.resolved += 1;
            }
        }
        p
    }

    pub fn active(&self, s: Severity) -> u64 {
        self.active_by_severity.get(&s).copied().unwrap_or(0)
    }
}

/// The executive summary as plain sentences (renderers escape them for their sink).
pub fn executive_summary(report: &Report) -> Vec<String> {
    let p = Posture::of(report);
    let s = &report.scan;
    let mut out = Vec::new();
    let tools = if s.tools.is_empty() {
        "no tool".to_owned()
    } else {
        s.tools.join(", ")
    };
    let when = s.finished_at.get(..10).unwrap_or(&s.finished_at);
    let partial = match s.status {
        deputy_core::RunStatus::Complete => String::new(),
        other => format!(" The scan was {other}, so findings it did not see were not closed."),
    };
    out.push(format!(
        "Scan {} of {} ({tools}, {when}) detected {} {}: {} of them still need work — {} critical, {} high, {} medium, {} low and {} informational.{partial}",
        s.id,
        report.project,
        p.detected,
        plural(p.detected, "finding", "findings"),
        p.active,
        p.active(Severity::Critical),
        p.active(Severity::High),
        p.active(Severity::Medium),
        p.active(Severity::Low),
        p.active(Severity::Info),
    ));
    if p.decided + p.resolved > 0 {
        out.push(format!(
            "{} {} been resolved since, and {} {} closed by a decision (false positive, accepted risk or out of scope).",
            p.resolved,
            plural(p.resolved, "has", "have"),
            p.decided,
            plural(p.decided, "was", "were"),
        ));
    }
    if let Some(c) = &report.comparison {
        let k = c.counts;
        out.push(format!(
            "Compared with scan {}, {} {} new, {} reopened and {} resolved; {} unchanged.",
            c.base.id,
            k.new,
            plural(k.new, "finding is", "findings are"),
            k.reopened,
            k.resolved,
            k.unchanged
        ));
    }
    out.push(format!(
        "{} active {} past {} SLA and {} {} due within {DUE_SOON_DAYS} days.",
        p.sla.overdue,
        plural(p.sla.overdue, "finding is", "findings are"),
        plural(p.sla.overdue, "its", "their"),
        p.sla.due_soon,
        plural(p.sla.due_soon, "falls", "fall"),
    ));
    if let Some(top) = top_risks(report, 1).first() {
        out.push(format!(
            "The most severe open risk is {} ({}, {}).",
            top.title, top.rule_id, top.severity
        ));
    }
    if !report.accepted_risks.is_empty() {
        let next = report
            .accepted_risks
            .iter()
            .map(|a| a.expires_at.as_str())
            .min()
            .unwrap_or_default();
        out.push(format!(
            "{} {} accepted; the next acceptance expires on {}.",
            report.accepted_risks.len(),
            plural(report.accepted_risks.len() as u64, "risk is", "risks are"),
            next.get(..10).unwrap_or(next)
        ));
    }
    out
}

/// The `n` most pressing active findings: most severe, then overdue, then oldest.
pub fn top_risks(report: &Report, n: usize) -> Vec<&ReportFinding> {
    let mut active: Vec<&ReportFinding> = report
        .findings
        .iter()
        .filter(|f| f.state.is_active())
        .collect();
    active.sort_by(|a, b| {
        (
            std::cmp::Reverse(a.severity),
            std::cmp::Reverse(a.overdue),
            &a.first_seen,
            a.id,
        )
            .cmp(&(
                std::cmp::Reverse(b.severity),
                std::cmp::Reverse(b.overdue),
                &b.first_seen,
                b.id,
            ))
    });
    active.truncate(n);
    active
}

/// The findings grouped by severity, most severe first, empty groups left out.
pub fn by_severity(report: &Report) -> Vec<(Severity, Vec<&ReportFinding>)> {
    Severity::ALL
        .iter()
        .map(|s| {
            (
                *s,
                report
                    .findings
                    .iter()
                    .filter(|f| f.severity == *s)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
