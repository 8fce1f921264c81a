//! The report as JSON: the [`Report`] itself plus the numbers the other formats derive.

use crate::model::Report;
use crate::summary::{self, Posture};
use serde::Serialize;

#[derive(Serialize)]
struct JsonReport<'a> {
    #[serde(flatten)]
    report: &'a Report,
    posture: Posture,
    executive_summary: Vec<String>,
}

/// Pretty-printed JSON, ending in a newline.
pub fn render(report: &Report) -> String {
    let doc = JsonReport {
        report,
        posture: Posture::of(report),
        executive_summary: summary::executive_summary(report),
    };
    // Serializing plain data with string keys cannot fail; an empty object is the fallback.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}
