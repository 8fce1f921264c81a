//! Deputy's PDF report: one [`deputy_report::Report`] laid out on A4 pages and written with
//! krilla, offline. The fonts (DejaVu Sans, Sans Bold, Sans Mono) are compiled into the binary
//! and subset into the PDF, and the charts are `deputy_report::charts`' SVGs drawn as vectors,
//! so the output depends on nothing on the machine and is the same bytes for the same report.
//!
//! This crate does no I/O and knows nothing of SQL or HTTP: it turns a value into bytes. Every
//! text that came from a scanner is drawn as text only; control and invisible formatting
//! characters, and characters the fonts lack, are replaced before layout.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

mod canvas;
mod chart;
mod fonts;
mod paint;
mod sections;

use deputy_report::Report;
use deputy_report::summary::Posture;
use krilla::metadata::{DateTime, Metadata};

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font `{0}` could not be read")]
    Font(&'static str),
    #[error("the {name} chart is not valid SVG: {message}")]
    Chart { name: &'static str, message: String },
    #[error("layout produced an invalid {0}")]
    Layout(&'static str),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// A rendered PDF and how many pages it has.
#[derive(Debug, Clone)]
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Renders the report as a PDF document.
pub fn render(report: &Report) -> Result<Vec<u8>, PdfError> {
    render_document(report).map(|r| r.bytes)
}

/// Renders the report as a PDF document and says how many pages it has.
pub fn render_document(report: &Report) -> Result<RenderedPdf, PdfError> {
    let fonts = fonts::Fonts::load()?;
    let posture = Posture::of(report);
    let mut c = canvas::Canvas::new(&fonts);
    sections::cover(&mut c, report);
    sections::executive_summary(&mut c, report, &posture);
    sections::charts(&mut c, report, &posture)?;
    sections::comparison(&mut c, report);
    sections::top_risks(&mut c, report);
    sections::findings(&mut c, report);
    sections::accepted_risks(&mut c, report);
    sections::appendix(&mut c, report);
    let running = canvas::RunningText {
        header_left: format!("Security report · {}", report.project),
        header_right: format!(
            "Scan #{} · {}",
            report.scan.id,
            sections::when(&report.scan.finished_at)
        ),
        footer_left: format!(
            "{} · generated {} by Deputy",
            report.project,
            sections::when(&report.generated_at)
        ),
    };
    let (bytes, pages) = c.finish(&running, metadata(report))?;
    Ok(RenderedPdf { bytes, pages })
}

/// Document properties. The creation date is the report's own timestamp, never the clock, so
/// the same report always gives the same bytes.
fn metadata(report: &Report) -> Metadata {
    let mut m = Metadata::new()
        .title(format!("Security report: {}", report.project))
        .description(format!(
            "Findings of scan #{} of {}",
            report.scan.id, report.project
        ))
        .creator("Deputy".to_owned())
        .authors(vec![report.generated_by.clone()])
        .language("en".to_owned())
        .document_id(format!(
            "deputy/{}/scan/{}/{}",
            report.project, report.scan.id, report.generated_at
        ));
    if let Ok(t) = deputy_core::time_fmt::parse(&report.generated_at) {
        let t = t.to_offset(time::UtcOffset::UTC);
        let date = DateTime::new(u16::try_from(t.year()).unwrap_or(1970))
            .month(u8::from(t.month()))
            .day(t.day())
            .hour(t.hour())
            .minute(t.minute())
            .second(t.second())
            .utc_offset_hour(0)
            .utc_offset_minute(0);
        m = m.creation_date(date);
    }
    m
}
