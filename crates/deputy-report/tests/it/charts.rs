use crate::parse_xml;
use deputy_core::Severity;
use deputy_report::charts;
use deputy_report::fixture;
use deputy_report::model::TrendPoint;
use deputy_report::summary::{Posture, SlaStatus};
use std::collections::BTreeMap;

/// The four charts of a report, by name.
fn all(report: &deputy_report::Report) -> Vec<(&'static str, String)> {
    let p = Posture::of(report);
    vec![
        ("severity_breakdown", charts::severity_breakdown(&p)),
        ("trend", charts::trend(&report.trend)),
        ("new_vs_resolved", charts::new_vs_resolved(&report.trend)),
        ("sla_status", charts::sla_status(&p.sla)),
    ]
}

fn point(scan_id: i64, per_severity: u64, new: u64, resolved: u64) -> TrendPoint {
    TrendPoint {
        scan_id,
        finished_at: format!("2026-11-{:02}T09:02:00.000Z", scan_id.clamp(1, 28)),
        detected: Severity::ALL.iter().map(|s| (*s, per_severity)).collect(),
        new,
        resolved,
        reopened: 0,
    }
}

/// Checks what every chart must be: one well-formed `<svg>` with its size and `viewBox`,
/// fonts on every text, and nothing that loads or runs.
fn check_svg(name: &str, svg: &str) {
    let elements = parse_xml(svg);
    assert_eq!(elements.first().map(String::as_str), Some("svg"), "{name}");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"260\" viewBox=\"0 0 640 260\""), "{name}");
    let texts = elements.iter().filter(|e| *e == "text").count();
    assert!(texts > 0, "{name}");
    assert_eq!(
        svg.matches("font-family=\"DejaVu Sans, Arial, sans-serif\"")
            .count(),
        texts,
        "{name}: a text without the font"
    );
    for forbidden in [
        "<script",
        "href",
        "url(",
        "<image",
        "<foreignObject",
        "<style",
        " on",
    ] {
        assert!(!svg.contains(forbidden), "{name} contains {forbidden}");
    }
    assert!(
        !svg.contains("NaN") && !svg.contains("inf\""),
        "{name} has a non-finite coordinate"
    );
}

#[test]
fn charts_are_well_formed_self_contained_svg() {
    for n in [0, 1, 7, 50] {
        for (name, svg) in all(&fixture::sample(n, false)) {
            check_svg(name, &svg);
        }
    }
    for (name, svg) in all(&crate::empty_report()) {
        check_svg(name, &svg);
    }
}

#[test]
fn charts_are_deterministic() {
    let a = all(&fixture::sample(50, false));
    let b = all(&fixture::sample(50, false));
    assert_eq!(a, b);
    // And they depend on the data.
    assert_ne!(a, all(&fixture::sample(51, false)));
}

#[test]
fn severity_breakdown_shows_each_count() {
    let p = Posture {
        active_by_severity: BTreeMap::from([
            (Severity::Critical, 3),
            (Severity::High, 14),
            (Severity::Medium, 159),
            (Severity::Low, 2653),
            (Severity::Info, 58_979),
        ]),
        active: 3 + 14 + 159 + 2653 + 58_979,
        ..Posture::default()
    };
    let svg = charts::severity_breakdown(&p);
    check_svg("severity_breakdown", &svg);
    for label in [
        ">3<",
        ">14<",
        ">159<",
        ">2,653<",
        ">58,979<",
        ">61,808 active<",
        ">Critical<",
        ">Info<",
    ] {
        assert!(svg.contains(label), "missing {label}");
    }
}

#[test]
fn sla_status_shows_counts_and_shares() {
    let svg = charts::sla_status(&SlaStatus {
        overdue: 5,
        due_soon: 3,
        on_track: 2,
        no_sla: 0,
    });
    check_svg("sla_status", &svg);
    for label in [
        ">Overdue<",
        ">Due soon<",
        ">On track<",
        ">No SLA<",
        ">5<",
        ">3<",
        ">2<",
        ">0<",
        ">50%<",
        ">30%<",
        ">20%<",
        ">0%<",
    ] {
        assert!(svg.contains(label), "missing {label}");
    }
}

#[test]
fn trend_labels_scans_dates_and_totals() {
    let points: Vec<TrendPoint> = (1..=4).map(|k| point(k, k as u64 * 10, 0, 0)).collect();
    let svg = charts::trend(&points);
    check_svg("trend", &svg);
    for label in [
        ">#1<",
        ">#4<",
        ">2026-11-01<",
        ">2026-11-04<",
        ">50<",
        ">200<",
        ">40<",
        ">4 scans<",
    ] {
        assert!(svg.contains(label), "missing {label}");
    }
    // A rect per severity per scan, each with a tooltip naming its count.
    assert!(svg.contains("<title>Scan 4 (2026-11-04): 40 critical</title>"));
}

#[test]
fn new_vs_resolved_signs_its_counts() {
    let points = vec![point(1, 0, 12, 0), point(2, 0, 3, 7)];
    let svg = charts::new_vs_resolved(&points);
    check_svg("new_vs_resolved", &svg);
    for label in [
        ">+12<",
        ">0<",
        ">+3<",
        ">-7<",
        ">New + reopened (+)<",
        ">Resolved (-)<",
    ] {
        assert!(svg.contains(label), "missing {label}");
    }
}

#[test]
fn charts_say_no_data_when_empty() {
    let p = Posture::default();
    for svg in [
        charts::severity_breakdown(&p),
        charts::sla_status(&p.sla),
        charts::trend(&[]),
        charts::new_vs_resolved(&[]),
    ] {
        check_svg("empty", &svg);
        assert!(svg.contains(">No data: "), "{svg}");
    }
    // A single scan with nothing found still draws its axis and its zero.
    let svg = charts::trend(&[point(1, 0, 0, 0)]);
    check_svg("trend", &svg);
    assert!(svg.contains(">#1<") && svg.contains(">0<"));
}

#[test]
fn charts_cope_with_huge_numbers_and_many_scans() {
    let big = u64::MAX / 8;
    let points: Vec<TrendPoint> = (1..=300).map(|k| point(k, big, big, big / 3)).collect();
    for svg in [charts::trend(&points), charts::new_vs_resolved(&points)] {
        check_svg("huge", &svg);
        assert!(svg.contains(">#300<"), "the latest scan is shown");
        assert!(!svg.contains(">#1<"), "old scans are left out");
        assert!(svg.contains("of 300 scans<"));
    }
    let p = Posture {
        active_by_severity: Severity::ALL.iter().map(|s| (*s, u64::MAX)).collect(),
        active: u64::MAX,
        ..Posture::default()
    };
    let svg = charts::severity_breakdown(&p);
    check_svg("huge", &svg);
    assert!(svg.contains(">18,446,744,073,709,551,615<"));
    let svg = charts::sla_status(&SlaStatus {
        overdue: u64::MAX,
        due_soon: u64::MAX,
        on_track: 1,
        no_sla: 0,
    });
    check_svg("huge", &svg);
    assert!(svg.contains(">50%<") && svg.contains(">0%<"));
}

#[test]
fn chart_text_is_escaped() {
    let mut p = point(1, 1, 1, 1);
    p.finished_at = "<b>&]]>".into();
    for svg in [
        charts::trend(std::slice::from_ref(&p)),
        charts::new_vs_resolved(std::slice::from_ref(&p)),
    ] {
        check_svg("escaped", &svg);
        assert!(svg.contains("&lt;b&gt;&amp;]]&gt;"));
    }
}

#[test]
fn severity_palette_is_one_per_severity() {
    let colours: std::collections::BTreeSet<_> = Severity::ALL
        .iter()
        .map(|s| charts::severity_colour(*s))
        .collect();
    assert_eq!(colours.len(), 5);
    assert_eq!(charts::format_count(0), "0");
    assert_eq!(charts::format_count(999), "999");
    assert_eq!(charts::format_count(1000), "1,000");
    assert_eq!(charts::format_count(1_234_567), "1,234,567");
}
