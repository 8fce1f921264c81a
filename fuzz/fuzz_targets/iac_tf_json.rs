//! Feeds arbitrary UTF-8 to the Terraform front end's JSON syntax, split at `\n---\n` into
//! a `.tf.json` root module, a `.tf.json` local module it can call as `./m`, a
//! `terraform.tfvars.json` and a native `.tf` file beside them: `load` must return
//! resources and diagnostics, never panic, overflow the stack or loop.
#![no_main]

use deputy_iac::model::SourceFile;
use deputy_iac::terraform::{Options, load};
use libfuzzer_sys::fuzz_target;

const PATHS: [&str; 4] = [
    "main.tf.json",
    "m/main.tf.json",
    "terraform.tfvars.json",
    "other.tf",
];

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
