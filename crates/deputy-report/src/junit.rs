//! The findings as JUnit XML, the format CI systems show as test results: one test suite
//! per rule, one test case per finding. Active findings fail; decided ones are skipped;
//! resolved ones pass.

use crate::escape::xml;
use crate::model::{Report, ReportFinding};
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render(report: &Report) -> String {
    let mut suites: BTreeMap<&str, Vec<&ReportFinding>> = BTreeMap::new();
    for f in &report.findings {
        suites.entry(f.rule_id.as_str()).or_default().push(f);
    }
    let failures = report
        .findings
        .iter()
        .filter(|f| f.state.is_active())
        .count();
    let skipped = report
        .findings
        .iter()
        .filter(|f| f.state.is_human_decision())
        .count();
    let mut out = String::with_capacity(report.findings.len() * 300 + 512);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"{}\" tests=\"{}\" failures=\"{failures}\" skipped=\"{skipped}\" timestamp=\"{}\">",
        xml(&format!(
            "deputy: {} scan {}",
            report.project, report.scan.id
        )),
        report.findings.len(),
        xml(&report.scan.finished_at),
    );
    for (rule, findings) in &suites {
        let fails = findings.iter().filter(|f| f.state.is_active()).count();
        let skips = findings
            .iter()
            .filter(|f| f.state.is_human_decision())
            .count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{fails}\" skipped=\"{skips}\" errors=\"0\">",
            xml(rule),
            findings.len()
        );
        for f in findings {
            let name = if f.location().is_empty() {
                format!("finding {}", f.id)
            } else {
                f.location()
            };
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\"",
                xml(rule),
                xml(&name)
            );
            if let Some(path) = &f.path {
                let _ = write!(out, " file=\"{}\"", xml(path));
                if let Some(line) = f.start_line {
                    let _ = write!(out, " line=\"{line}\"");
                }
            }
            if f.state.is_active() {
                let _ = writeln!(
                    out,
                    ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>",
                    f.severity,
                    xml(&format!("[{}] {}", f.severity, f.title)),
                    xml(&failure_body(f)),
                );
            } else if f.state.is_human_decision() {
                let _ = writeln!(
                    out,
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                    f.state
                );
            } else {
                out.push_str("/>\n");
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn failure_body(f: &ReportFinding) -> String {
    let mut body = format!(
        "{}\nrule: {}\nseverity: {}\nstate: {}\n",
        f.message, f.rule_id, f.severity, f.state
    );
    if let Some(due) = &f.sla_due {
        let _ = writeln!(
            body,
            "sla due: {due}{}",
            if f.overdue { " (overdue)" } else { "" }
        );
    }
    if let Some(r) = &f.remediation {
        let _ = writeln!(body, "remediation: {r}");
    }
    if let Some(u) = &f.help_uri {
        let _ = writeln!(body, "help: {u}");
    }
    let _ = write!(body, "fingerprint: {}", f.fingerprint);
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_escaping() {
        let report = crate::fixture::sample(33, true);
        let out = render(&report);
        let active = report
            .findings
            .iter()
            .filter(|f| f.state.is_active())
            .count();
        assert_eq!(out.matches("<failure ").count(), active);
        assert_eq!(out.matches("<testcase ").count(), 33);
        assert!(out.contains(&format!("failures=\"{active}\"")));
        assert!(!out.contains("<script>"), "hostile text is escaped");
        assert!(!out.contains("<ac:structured-macro"));
    }
}
