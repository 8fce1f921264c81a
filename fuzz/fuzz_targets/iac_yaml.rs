//! Feeds arbitrary bytes to the YAML/JSON detection and the Kubernetes front end: they
//! must return resources or diagnostics, never panic, hang or exhaust memory (deep
//! nesting and alias bombs are refused with a diagnostic).
#![no_main]

use deputy_iac::model::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let file = SourceFile {
        path: "fuzz.yaml".to_owned(),
        text: text.to_owned(),
    };
    let _ = deputy_iac::detect::structured(&file);
    let parsed = deputy_iac::kubernetes::parse(&file);
    for r in &parsed.resources {
        assert!(r.span.start <= r.span.end, "{r:?}");
    }
    let _ = deputy_iac::dockerfile::parse(&file);
});
