//! Feeds arbitrary UTF-8 to the tuple-file reader as CSV and as YAML/JSON: it must return
//! tuples or an error naming the file, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for name in ["tuples.csv", "tuples.yaml"] {
        if let Err(e) = deputy_authz::tuple_file::parse(name, text) {
            assert!(e.contains(name));
        }
    }
});
