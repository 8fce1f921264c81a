use crate::parse_xml;
use deputy_report::{confluence, escape, fixture, summary};

/// Confluence storage format is a fragment: wrap it the way Confluence's own parser does.
pub fn wrapped(fragment: &str) -> String {
    format!(
        "<ac:confluence xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/identifier\">{fragment}</ac:confluence>"
    )
}

#[test]
fn confluence_is_well_formed_storage_format() {
    let report = fixture::sample(50, false);
    let doc = confluence::render(&report);
    let elements = parse_xml(&wrapped(&doc));
    assert_eq!(elements.get(1).map(String::as_str), Some("h1"));
    assert!(doc.starts_with("<h1>Security report: terragoat</h1>"));
    assert!(doc.contains(&escape::xml(&summary::executive_summary(&report).join(" "))));
    // Severity table (5), top risks (10) and accepted risks each carry a status lozenge.
    let lozenges = doc
        .matches("<ac:structured-macro ac:name=\"status\"")
        .count();
    assert_eq!(lozenges, 5 + 10 + report.accepted_risks.len());
    assert!(doc.contains(
        "<ac:structured-macro ac:name=\"status\" ac:schema-version=\"1\"><ac:parameter ac:name=\"colour\">Red</ac:parameter><ac:parameter ac:name=\"title\">CRITICAL</ac:parameter></ac:structured-macro>"
    ));
    // Every macro in the output is a status macro.
    assert_eq!(doc.matches("<ac:structured-macro").count(), lozenges);
    assert!(doc.contains("<td>12</td><td>2</td><td>9</td><td>50</td><td>0</td>"));
    assert_eq!(
        doc.matches("<tr>").count(),
        7 + 2 + 2 + 11 + 1 + report.accepted_risks.len()
    );
}

#[test]
fn confluence_of_a_first_scan_is_well_formed() {
    let doc = confluence::render(&crate::empty_report());
    parse_xml(&wrapped(&doc));
    assert!(doc.contains("<p>No earlier scan to compare with.</p>"));
    assert!(doc.contains("<p>No active findings.</p>"));
}
