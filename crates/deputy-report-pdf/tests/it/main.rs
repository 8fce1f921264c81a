//! Renders synthetic reports and reads the text back out of the PDF, as a reader's copy and
//! paste or an auditor's search would.

use deputy_core::ledger::DeltaCounts;
use deputy_report::fixture::{self, HOSTILE};
use deputy_report::summary::{self, Posture};
use deputy_report::{Report, TrendPoint};

fn text_of(pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    pdf_extract::extract_text_from_mem(pdf).unwrap()
}

/// The extracted text with runs of whitespace collapsed, since line breaks fall anywhere.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_has(haystack: &str, needle: &str) {
    assert!(
        haystack.contains(needle),
        "`{needle}` missing from the extracted text"
    );
}

#[test]
fn sample_report_text_is_extractable() {
    let report = fixture::sample(120, false);
    let pdf = deputy_report_pdf::render(&report).unwrap();
    let text = text_of(&pdf);
    let flat = flat(&text);

    // The executive summary's first sentence, word by word (it wraps across lines).
    let summary = summary::executive_summary(&report);
    let first = summary.first().unwrap();
    let first_sentence = first.split(": ").next().unwrap();
    assert_has(&flat, first_sentence);

    let posture = Posture::of(&report);
    assert_has(
        &flat,
        &format!("{} of them still need work", posture.active),
    );
    assert_has(&flat, &format!("{} Active findings", posture.active));

    for heading in [
        "Security report",
        "1 Executive summary",
        "2 Charts",
        "3 Comparison with the base scan",
        "4 Top risks and remediation",
        "5 Findings",
        "6 Accepted risks",
        "Appendix Scan metadata",
    ] {
        assert_has(&flat, heading);
    }
    for rule in ["CKV_AWS_20", "CKV_K8S_8", "CKV_DOCKER_2", "CKV2_AWS_62"] {
        assert_has(&flat, rule);
    }
    for resource in [
        "aws_s3_bucket.bucket_0",
        "aws_s3_bucket.bucket_57",
        "aws_s3_bucket.bucket_119",
    ] {
        assert_has(&flat, resource);
    }
    // Ids are wrapped, never cut, and severity groups are headed with their size.
    assert_has(&flat, "#120");
    let critical = report
        .findings
        .iter()
        .filter(|f| f.severity == deputy_core::Severity::Critical)
        .count();
    assert_has(&flat, &format!("Critical — {critical} findings"));
    let owner = &report.accepted_risks.first().unwrap().owner;
    assert_has(&flat, owner);
    assert_has(&flat, "Page 1 of");
    // Words broken across lines stay apart.
    assert_has(&flat, "Ensure the resource follows CKV_AWS_20");
    // The appendix shows the input's hash in full.
    assert_has(&flat, report.scan.input_sha256.as_deref().unwrap());
}

#[test]
fn hostile_text_is_drawn_as_text() {
    let report = fixture::sample(30, true);
    let pdf = deputy_report_pdf::render(&report).unwrap();
    let flat = flat(&text_of(&pdf));
    assert_has(&flat, "<script>alert('x')</script>");
    assert_has(&flat, "Compensating control in place");
    assert_has(&flat, "${{7*7}} | pipe & ampersand \"quote\" `tick`");
    // The project name, hostile too, is in every footer.
    assert_has(&flat, "demo <script>");
    assert!(HOSTILE.contains("<script>alert('x')</script>"));
}

#[test]
fn control_and_unknown_characters_do_not_break_rendering() {
    let mut report = fixture::sample(3, false);
    for f in &mut report.findings {
        f.title =
            "tab\there\nnewline\u{0}nul \u{202E}reversed\u{202C} 漢字 \u{1F512} end".to_owned();
        f.path = Some("x".repeat(2_000));
    }
    let pdf = deputy_report_pdf::render(&report).unwrap();
    let flat = flat(&text_of(&pdf));
    assert_has(&flat, "tab here newline nul reversed");
    assert!(!flat.contains('\u{202E}'));
}

#[test]
fn empty_report_renders() {
    let mut report = fixture::sample(0, false);
    report.comparison = None;
    report.accepted_risks.clear();
    report.trend = vec![TrendPoint {
        scan_id: report.scan.id,
        finished_at: report.scan.finished_at.clone(),
        detected: deputy_core::Severity::ALL.iter().map(|s| (*s, 0)).collect(),
        new: 0,
        resolved: 0,
        reopened: 0,
    }];
    report.scan.delta = DeltaCounts::default();
    let out = deputy_report_pdf::render_document(&report).unwrap();
    assert!(out.pages >= 4, "{} pages", out.pages);
    let flat = flat(&text_of(&out.bytes));
    assert_has(&flat, "There is no base scan to compare this scan with.");
    assert_has(&flat, "The scan detected no findings.");
    assert_has(&flat, &format!("Page {} of {}", out.pages, out.pages));
}

#[test]
fn output_is_deterministic() {
    let report: Report = fixture::sample(60, false);
    let a = deputy_report_pdf::render(&report).unwrap();
    let b = deputy_report_pdf::render(&report).unwrap();
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == b, "two renders of the same report differ");
    // The creation date is the report's, not the clock's.
    let raw = String::from_utf8_lossy(&a);
    assert!(
        raw.contains("D:20261124120000"),
        "creation date not taken from the report"
    );
}
