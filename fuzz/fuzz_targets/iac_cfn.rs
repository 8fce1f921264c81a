//! Feeds arbitrary UTF-8 to the CloudFormation front end, as YAML and as JSON: intrinsic
//! resolution must terminate (cyclic conditions included) and never panic.
#![no_main]

use deputy_iac::model::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for path in ["fuzz.yaml", "fuzz.json"] {
        let file = SourceFile {
            path: path.to_owned(),
            text: text.to_owned(),
        };
        let parsed = deputy_iac::cloudformation::parse(&file);
        for r in &parsed.resources {
            assert!(r.span.start <= r.span.end, "{r:?}");
        }
    }
});
