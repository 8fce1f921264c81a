//! Renders a large synthetic report and prints the time, page count and size.
//!
//! `DEPUTY_PDF_FINDINGS` sets the number of findings (default 10,000) and
//! `DEPUTY_PDF_OUT` names a file to write the PDF to, for looking at it.

use std::time::Instant;

fn main() {
    let n = std::env::var("DEPUTY_PDF_FINDINGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let report = deputy_report::fixture::sample(n, false);
    let start = Instant::now();
    let pdf = match deputy_report_pdf::render_document(&report) {
        Ok(pdf) => pdf,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let elapsed = start.elapsed();
    println!(
        "pdf: {n} findings rendered in {:.2} s: {} pages, {:.1} KiB",
        elapsed.as_secs_f64(),
        pdf.pages,
        pdf.bytes.len() as f64 / 1024.0
    );
    if let Ok(path) = std::env::var("DEPUTY_PDF_OUT")
        && let Err(e) = std::fs::write(&path, &pdf.bytes)
    {
        eprintln!("error: cannot write `{path}`: {e}");
        std::process::exit(2);
    }
}
