//! Feeds arbitrary UTF-8 to the OpenFGA DSL parser and validator: they must return `Ok` or
//! `Err`, never panic; a model that parses must also print.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(model) = deputy_authz::dsl::parse_and_validate(text) {
        let _ = deputy_authz::dsl::print(&model);
    }
    let _ = deputy_authz::dsl::parse(text);
});
