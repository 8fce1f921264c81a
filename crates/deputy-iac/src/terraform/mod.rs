//! The Terraform front end: HCL parsed with `hcl-edit`, evaluated with Terraform's
//! semantics (variables, `.tfvars`, locals, the common functions, `count`/`for_each`,
//! `dynamic` blocks, local modules) into [`Resource`]s addressed the way Checkov
//! addresses them.
//!
//! Addresses follow Checkov 3.3.30: `aws_s3_bucket.b`, `aws_sqs_queue.q[0]`,
//! `aws_instance.x["k"]`; data sources without a `data.` prefix (`aws_iam_policy_document.p`);
//! providers as `<name>.<alias>` or `<name>.default`; module calls by their bare name
//! (`vpc`); resources inside local modules as `module.vpc.aws_subnet.public`, nested and
//! keyed as `module.a["k"].module.b.aws_x.y[0]`, with the call site as their caller. As
//! in Checkov, a `count` of zero, an empty `for_each` or one that cannot be resolved keeps
//! one instance under the plain address.
//!
//! A directory with `.tf` files is a root module unless another directory calls it as a
//! local module; only root modules are evaluated on their own, so a module directory is
//! reported through its callers. Registry and remote module sources are not fetched: the
//! `module` block is still a resource, and its outputs are unknown.
//!
//! What cannot be known statically is [`Value::Unknown`], whose `refs` name the resources
//! it depends on by the same addresses resources carry: `aws_s3_bucket.b` for
//! `aws_s3_bucket.b.id`, `aws_kms_key.k` for `aws_kms_key.k[0].arn`,
//! `aws_iam_policy_document.p` for `data.aws_iam_policy_document.p.json`, prefixed with
//! the module path inside modules; an unset variable, or one that resolves to null, is
//! unknown and names itself (`var.bucket_name`), as Checkov leaves it unrendered. A
//! `dynamic` block over an unknown collection is rendered once with its iterator unknown,
//! as Checkov renders it. Evaluation is bounded in nesting depth, value size and total
//! work; input that reaches a limit gets unknowns and an `Unresolved` diagnostic.
//!
//! Three syntax mistakes that Terraform rejects and Checkov's parser accepts are read the way
//! Checkov reads them, with a `Repaired` diagnostic (see `files::parse`); any other syntax
//! error leaves its file unread, as a `ParseError`.

mod eval;
mod files;
mod functions;
mod instance;
mod types;
mod value;

#[cfg(test)]
mod tests;

use crate::model::{Diagnostic, DiagnosticKind, Parsed, Resource, SourceFile, Value};
use files::{ParsedFile, dir_of, local_source};
use indexmap::IndexMap;
use std::collections::BTreeSet;

/// Values given on the command line (`-var-file`, `-var`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `.tfvars` files given with `--var-file`, applied to every root module in order.
    pub var_files: Vec<SourceFile>,
}

/// Loads every Terraform file of a tree (`.tf`, `.tfvars`, `.auto.tfvars`, `.tf.json`),
/// evaluates each root module and the local modules it calls, and returns the resources.
pub fn load(files: &[SourceFile], options: &Options) -> Parsed {
    let mut diagnostics = Vec::new();
    let mut tf = Vec::new();
    let mut tfvars: Vec<ParsedFile> = Vec::new();
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    for file in sorted {
        let path = file.path.as_str();
        if path.ends_with(".tf") {
            match files::parse(file) {
                Ok(p) => {
                    diagnostics.extend(p.repairs.iter().cloned());
                    tf.push(p);
                }
                Err(d) => diagnostics.push(d),
            }
        } else if path.ends_with(".tfvars") {
            match files::parse(file) {
                Ok(p) => {
                    diagnostics.extend(p.repairs.iter().cloned());
                    tfvars.push(p);
                }
                Err(d) => diagnostics.push(d),
            }
        } else if path.ends_with(".tf.json") || path.ends_with(".tfvars.json") {
            diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Skipped,
                file: file.path.clone(),
                line: None,
                column: None,
                message: "Terraform JSON configuration is not read".into(),
            });
        }
    }
    let mut var_files = Vec::new();
    for file in &options.var_files {
        match files::parse(file) {
            Ok(p) => {
                diagnostics.extend(p.repairs.iter().cloned());
                var_files.push(files::tfvars(&p));
            }
            Err(d) => diagnostics.push(d),
        }
    }

    let defs = files::modules(&tf);
    let loader = instance::Loader::new(&defs);
    let mut resources: Vec<Resource> = Vec::new();
    for dir in root_modules(&defs) {
        let Some(def) = defs.get(&dir) else { continue };
        let values = root_values(&dir, &tfvars, &var_files);
        let root = loader.root(def, &values);
        root.collect(&mut resources);
    }
    diagnostics.extend(loader.diagnostics.take());
    if loader.budget.limited() {
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::Unresolved,
            file: files.first().map(|f| f.path.clone()).unwrap_or_default(),
            line: None,
            column: None,
            message: "evaluation hit a limit on nesting depth, value size or total work; \
                      the values it stopped are unknown"
                .into(),
        });
    }
    Parsed {
        resources,
        diagnostics,
    }
}

/// Directories that no other directory of the tree calls as a local module.
fn root_modules(defs: &std::collections::BTreeMap<String, files::ModuleDef<'_>>) -> Vec<String> {
    let mut called = BTreeSet::new();
    for def in defs.values() {
        for call in def.calls() {
            let source = call
                .block
                .body
                .get_attribute("source")
                .and_then(|a| a.value.as_str());
            if let Some(dir) = source.and_then(|s| local_source(&def.dir, s))
                && dir != def.dir
                && defs.contains_key(&dir)
            {
                called.insert(dir);
            }
        }
    }
    defs.keys()
        .filter(|d| !called.contains(*d))
        .cloned()
        .collect()
}

/// The variable values a root module gets: `terraform.tfvars`, then `*.auto.tfvars` in
/// name order, then the `--var-file`s in order, later ones overriding earlier ones.
fn root_values(
    dir: &str,
    tfvars: &[ParsedFile],
    var_files: &[IndexMap<String, Value>],
) -> IndexMap<String, Value> {
    let mut values = IndexMap::new();
    let in_dir = |f: &&ParsedFile| dir_of(&f.path) == dir;
    let name = |f: &ParsedFile| f.path.rsplit('/').next().unwrap_or_default().to_owned();
    if let Some(f) = tfvars
        .iter()
        .filter(in_dir)
        .find(|f| name(f) == "terraform.tfvars")
    {
        values.extend(files::tfvars(f));
    }
    let mut auto: Vec<&ParsedFile> = tfvars
        .iter()
        .filter(in_dir)
        .filter(|f| name(f).ends_with(".auto.tfvars"))
        .collect();
    auto.sort_by_key(|f| name(f));
    for f in auto {
        values.extend(files::tfvars(f));
    }
    for v in var_files {
        values.extend(v.clone());
    }
    values
}
