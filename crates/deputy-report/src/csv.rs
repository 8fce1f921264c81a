//! The findings as CSV (RFC 4180), one row per finding, safe to open in a spreadsheet.

use crate::model::Report;

const HEADER: [&str; 17] = [
    "id",
    "severity",
    "state",
    "rule_id",
    "title",
    "path",
    "start_line",
    "end_line",
    "resource",
    "first_seen",
    "sla_due",
    "overdue",
    "fingerprint",
    "source",
    "message",
    "remediation",
    "help_uri",
];

/// A header row and one row per finding, most severe first.
pub fn render(report: &Report) -> String {
    let mut out = String::with_capacity(report.findings.len() * 256 + 256);
    push_row(&mut out, HEADER.iter().map(|s| (*s).to_owned()));
    for (_, group) in crate::summary::by_severity(report) {
        for f in group {
            let opt = |v: &Option<String>| v.clone().unwrap_or_default();
            let num = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
            push_row(
                &mut out,
                [
                    f.id.to_string(),
                    f.severity.to_string(),
                    f.state.to_string(),
                    f.rule_id.clone(),
                    f.title.clone(),
                    opt(&f.path),
                    num(f.start_line),
                    num(f.end_line),
                    opt(&f.resource),
                    f.first_seen.clone(),
                    opt(&f.sla_due),
                    f.overdue.to_string(),
                    f.fingerprint.clone(),
                    f.source.clone(),
                    f.message.clone(),
                    opt(&f.remediation),
                    opt(&f.help_uri),
                ]
                .into_iter(),
            );
        }
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(&cell));
    }
    out.push_str("\r\n");
}

/// Quotes a field when needed, and defuses spreadsheet formulas: a cell that starts with
/// `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` (OWASP CSV injection).
fn field(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r'])
        || defused.starts_with(' ')
        || defused.ends_with(' ')
    {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn one_row_per_finding() {
        let r = crate::fixture::sample(25, true);
        let out = render(&r);
        assert!(out.starts_with("id,severity,state,rule_id"));
        // Rows end in CRLF; embedded newlines are inside quotes.
        assert_eq!(out.matches("\r\n").count(), 26);
    }
}
