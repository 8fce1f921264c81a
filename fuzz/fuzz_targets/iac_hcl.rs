//! Feeds arbitrary UTF-8 to the Terraform front end, split at `\n---\n` into several files
//! laid out so that `./m` and `../` module sources and a `.tfvars` file can meet each
//! other: `load` must return resources and diagnostics, never panic, overflow the stack
//! or loop.
#![no_main]

use deputy_iac::model::SourceFile;
use deputy_iac::terraform::{Options, load};
use libfuzzer_sys::fuzz_target;

const PATHS: [&str; 5] = ["main.tf", "m/main.tf", "m/n/main.tf", "terraform.tfvars", "other.tf"];

fuzz_target!(|text: &str| {
    let files: Vec<SourceFile> = text
        .split("\n---\n")
        .zip(PATHS)
        .map(|(contents, path)| SourceFile {
            path: path.to_owned(),
            text: contents.to_owned(),
        })
        .collect();
    let _ = load(&files, &Options::default());
});
