use deputy_report::{fixture, markdown, summary};

/// The tables of a Markdown document: runs of lines starting with `|`, each row split into
/// its cells on unescaped pipes.
pub fn tables(doc: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut current: Vec<Vec<String>> = Vec::new();
    for line in doc.lines() {
        if let Some(row) = line.strip_prefix('|') {
            let mut cells = Vec::new();
            let mut cell = String::new();
            let mut escaped = false;
            for c in row.chars() {
                match c {
                    '|' if !escaped => cells.push(std::mem::take(&mut cell).trim().to_owned()),
                    _ => cell.push(c),
                }
                escaped = c == '\\' && !escaped;
            }
            assert!(
                cell.trim().is_empty(),
                "row does not end with a pipe: {line}"
            );
            current.push(cells);
        } else if !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tables.push(current);
    }
    tables
}

#[test]
fn markdown_has_the_summary_and_its_tables() {
    let report = fixture::sample(50, false);
    let p = summary::Posture::of(&report);
    let doc = markdown::render(&report);
    assert!(doc.starts_with("# Security report: terragoat\n"));
    let summary_text = summary::executive_summary(&report).join(" ");
    assert!(doc.contains(&deputy_report::escape::markdown(&summary_text)));
    let tables = tables(&doc);
    // Severity, SLA, comparison, top risks, accepted risks.
    assert_eq!(tables.len(), 5, "{doc}");
    for t in &tables {
        let width = t[0].len();
        assert!(t.iter().all(|row| row.len() == width), "ragged table {t:?}");
        assert!(
            t[1].iter()
                .all(|c| c.starts_with("---") || c.ends_with("---:")),
            "no delimiter row {t:?}"
        );
    }
    let severity = &tables[0];
    assert_eq!(severity[0], ["Severity", "Detected", "Active"]);
    assert_eq!(
        severity[2],
        [
            "Critical",
            "10",
            p.active(deputy_core::Severity::Critical)
                .to_string()
                .as_str()
        ]
    );
    assert_eq!(
        severity[7],
        ["**Total**", "**50**", format!("**{}**", p.active).as_str()]
    );
    assert_eq!(tables[2][2], ["12", "2", "9", "50", "0"]);
    let top = &tables[3];
    assert_eq!(
        top[0],
        [
            "#",
            "Severity",
            "Rule",
            "Finding",
            "Location",
            "SLA due",
            "Remediation"
        ]
    );
    assert_eq!(top.len(), 2 + 10);
    let first = summary::top_risks(&report, 1)[0];
    assert_eq!(top[2][2], deputy_report::escape::markdown(&first.rule_id));
    let accepted = &tables[4];
    assert_eq!(accepted.len(), 2 + report.accepted_risks.len());
    assert!(
        accepted[2].contains(&"platform-team".to_owned()),
        "{:?}",
        accepted[2]
    );
}

#[test]
fn markdown_of_a_first_scan_says_so() {
    let doc = markdown::render(&crate::empty_report());
    assert!(doc.contains("No earlier scan to compare with."));
    assert!(doc.contains("No active findings."));
    assert!(doc.contains("No risks are currently accepted."));
    assert!(doc.contains("detected 0 findings"));
}
