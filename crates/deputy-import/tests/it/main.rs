//! Integration tests of `deputy_import::parse`: hand-made fixtures in `tests/data`, the
//! shared Checkov corpus, error paths, and property tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod checkov;
mod errors;
mod props;
mod sarif;

use deputy_import::{ImportError, ImportOptions, ImportedScan, ReportFormat};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn import(format: ReportFormat, bytes: &[u8]) -> ImportedScan {
    import_with(format, bytes, &ImportOptions::default())
}

fn import_with(format: ReportFormat, bytes: &[u8], options: &ImportOptions) -> ImportedScan {
    deputy_import::parse(format, bytes, options).unwrap_or_else(|e| panic!("import failed: {e}"))
}

fn import_error(format: ReportFormat, bytes: &[u8]) -> ImportError {
    match deputy_import::parse(format, bytes, &ImportOptions::default()) {
        Ok(scan) => panic!("expected an error, got {} findings", scan.findings.len()),
        Err(e) => e,
    }
}
