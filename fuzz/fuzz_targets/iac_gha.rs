//! Feeds arbitrary bytes to the GitHub Actions front end as a workflow file: it must
//! return resources or diagnostics, never panic, hang or exhaust memory.
#![no_main]

use deputy_iac::model::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let file = SourceFile {
        path: ".github/workflows/fuzz.yml".to_owned(),
        text: text.to_owned(),
    };
    let parsed = deputy_iac::github_actions::parse(&file);
    for r in &parsed.resources {
        assert!(r.span.start <= r.span.end, "{r:?}");
    }
});
