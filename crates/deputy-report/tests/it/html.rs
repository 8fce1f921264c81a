use deputy_report::{fixture, html, summary};

/// Every value of a `src`, `href`, `action` or `xlink:href` attribute in `doc`.
pub fn link_targets(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = doc.to_ascii_lowercase();
    for attr in [
        " src=",
        " href=",
        " action=",
        " xlink:href=",
        " srcset=",
        " poster=",
        " data=",
    ] {
        for (at, _) in lower.match_indices(attr) {
            let rest = &doc[at + attr.len()..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest.split([' ', '>']).next().unwrap_or(""),
            };
            out.push(value.to_owned());
        }
    }
    out
}

#[test]
fn html_carries_the_summary_and_every_finding() {
    let report = fixture::sample(50, false);
    let doc = html::render(&report);
    assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"));
    assert!(doc.trim_end().ends_with("</html>"));
    for sentence in summary::executive_summary(&report) {
        assert!(
            doc.contains(&deputy_report::escape::html(&sentence)),
            "missing {sentence}"
        );
    }
    for f in &report.findings {
        assert!(
            doc.contains(&format!(">{}</a>", f.rule_id)),
            "no link for {}",
            f.rule_id
        );
        assert!(
            doc.contains(&format!("<td class=\"num\">{}</td>", f.id)),
            "no row for finding {}",
            f.id
        );
    }
    // One table row per finding in the findings section, grouped most severe first.
    let findings = doc.split("<section id=\"findings\"").nth(1).unwrap();
    let findings = findings.split("</section>").next().unwrap();
    assert_eq!(
        findings.matches("<tr").count(),
        report.findings.len() + summary::by_severity(&report).len()
    );
    let order: Vec<usize> = [
        "severity-critical",
        "severity-high",
        "severity-medium",
        "severity-low",
        "severity-info",
    ]
    .iter()
    .map(|id| findings.find(id).unwrap())
    .collect();
    assert!(order.is_sorted(), "{order:?}");
    for section in [
        "Executive summary",
        "Charts",
        "Changes since scan #5",
        "Top risks",
        "All findings",
        "Accepted risks",
        "Appendix",
    ] {
        assert!(doc.contains(section), "missing {section}");
    }
    assert_eq!(doc.matches("<svg ").count(), 4);
    assert!(doc.contains("&#9888; Overdue"));
}

#[test]
fn html_shows_kpis_accepted_risks_and_scan_metadata() {
    let report = fixture::sample(50, false);
    let p = summary::Posture::of(&report);
    let doc = html::render(&report);
    let kpi = |label: &str, value: u64| {
        format!("<p class=\"label\">{label}</p><p class=\"value\">{value}</p>")
    };
    assert!(doc.contains(&kpi("Active findings", p.active)));
    assert!(doc.contains(&kpi("Overdue", p.sla.overdue)));
    assert!(doc.contains(&kpi("New since base", 12)));
    let severe = p.active(deputy_core::Severity::Critical) + p.active(deputy_core::Severity::High);
    assert!(doc.contains(&kpi("Critical + high", severe)));
    for a in &report.accepted_risks {
        assert!(doc.contains(&a.owner) && doc.contains(a.approved_by.as_deref().unwrap()));
    }
    assert!(doc.contains("2027-01-31"));
    let s = &report.scan;
    for value in [
        s.commit.as_deref().unwrap(),
        s.input_sha256.as_deref().unwrap(),
        s.input_name.as_deref().unwrap(),
        "3.3.30",
    ] {
        assert!(doc.contains(value), "appendix lacks {value}");
    }
}

#[test]
fn html_loads_nothing_and_runs_nothing() {
    let report = fixture::sample(50, false);
    let doc = html::render(&report);
    assert!(doc.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    ));
    let lower = doc.to_ascii_lowercase();
    for forbidden in [
        "<script",
        "javascript:",
        "<iframe",
        "<object",
        "<embed",
        "<link",
        "@import",
        "url(",
        " onload=",
        " onerror=",
        " onclick=",
    ] {
        assert!(!lower.contains(forbidden), "contains {forbidden}");
    }
    let help: Vec<&str> = report
        .findings
        .iter()
        .filter_map(|f| f.help_uri.as_deref())
        .collect();
    let targets = link_targets(&doc);
    assert!(targets.len() > 50);
    for t in &targets {
        assert!(
            t.starts_with('#') || t.starts_with("data:") || help.contains(&t.as_str()),
            "link to {t}"
        );
    }
    // Every external link is a help link that cannot reach back to its opener.
    assert_eq!(
        doc.matches("href=\"https://").count(),
        doc.matches("rel=\"noopener noreferrer\"").count()
    );
}

#[test]
fn html_links_only_web_help_uris() {
    let mut report = fixture::sample(6, false);
    let uris = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        "https://ok.example/a?b=1&c=\"2\"",
        " https://space.example/",
    ];
    for (f, uri) in report.findings.iter_mut().zip(uris) {
        f.help_uri = Some(uri.to_owned());
    }
    let doc = html::render(&report);
    let targets = link_targets(&doc);
    let external: Vec<&String> = targets.iter().filter(|t| !t.starts_with('#')).collect();
    assert!(!external.is_empty());
    assert!(
        external
            .iter()
            .all(|t| t.as_str() == "https://ok.example/a?b=1&amp;c=&quot;2&quot;"),
        "{external:?}"
    );
    // The others are still shown, as text.
    assert!(doc.contains("(javascript:alert(1))"));
    assert!(doc.contains("(data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;)"));
    assert!(!doc.to_ascii_lowercase().contains("<script"));
}

#[test]
fn html_prints_well() {
    let doc = html::render(&fixture::sample(5, false));
    let print = doc.split("@media print{").nth(1).unwrap();
    for rule in [
        "section.major{break-before:page}",
        "thead{display:table-header-group}",
        "html,body{background:#fff",
    ] {
        assert!(print.contains(rule), "print CSS lacks {rule}");
    }
}

#[test]
fn html_renders_ten_thousand_findings_quickly() {
    let report = fixture::sample(10_000, false);
    let started = std::time::Instant::now();
    let doc = html::render(&report);
    let took = started.elapsed();
    assert_eq!(
        doc.matches("<tr class=\"is-overdue\">").count(),
        report.findings.iter().filter(|f| f.overdue).count()
            + summary::top_risks(&report, 10)
                .iter()
                .filter(|f| f.overdue)
                .count()
    );
    assert!(doc.contains("10,000"));
    // Generous for unoptimised builds on a busy machine; a release build takes milliseconds.
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
}
