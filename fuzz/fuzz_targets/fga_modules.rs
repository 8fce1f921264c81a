//! Feeds arbitrary UTF-8 to the `fga.mod` manifest reader and, split at `\n---\n` into module
//! files, to the module combiner: they must return `Ok` or `Err`, never panic; a combined
//! model must also print.
#![no_main]

use deputy_authz::dsl::modules::{self, ModuleFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = modules::parse_mod_file(text);
    let files: Vec<ModuleFile> = text
        .split("\n---\n")
        .enumerate()
        .map(|(i, contents)| ModuleFile {
            name: format!("file{i}.fga"),
            contents: contents.to_owned(),
        })
        .collect();
    if let Ok(model) = modules::combine(&files, "1.2") {
        let _ = deputy_authz::dsl::print_with_source_info(&model);
        let _ = modules::modules(&model);
    }
});
