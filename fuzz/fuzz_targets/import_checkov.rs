//! Feeds arbitrary bytes to the Checkov importer: it must return `Ok` or `Err`, never panic.
#![no_main]

use deputy_import::{ImportOptions, ReportFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions {
        root: Some("/src/repo".to_owned()),
        ..ImportOptions::default()
    };
    let _ = deputy_import::parse(ReportFormat::Checkov, data, &options);
});
