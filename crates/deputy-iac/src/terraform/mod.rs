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
//! one instance under the plain address; one of zero or empty is judged but connects to
//! nothing ([`crate::model::Resource::never_created`]).
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
//!
//! Terraform's JSON syntax is read too: `.tf.json` files join their directory's module
//! (see `json`), and `terraform.tfvars.json` and `*.auto.tfvars.json` take their place in
//! the order of variable files.

mod eval;
mod files;
mod functions;
mod instance;
mod json;
mod types;
mod value;

#[cfg(test)]
mod tests;

use crate::model::{Diagnostic, DiagnosticKind, Parsed, Resource, SourceFile, Value};
use files::{dir_of, local_source};
use indexmap::IndexMap;
use std::collections::BTreeSet;

/// Values given on the command line (`-var-file`, `-var`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `.tfvars` files given with `--var-file`, applied to every root module in order.
    pub var_files: Vec<SourceFile>,
}

/// Loads every Terraform file of a tree (`.tf`, `.tf.json`, `.tfvars`, `.tfvars.json`),
/// evaluates each root module and the local modules it calls, and returns the resources.
pub fn load(files: &[SourceFile], options: &Options) -> Parsed {
    let mut diagnostics = Vec::new();
    let mut tf = Vec::new();
    let mut tfvars: Vec<(String, IndexMap<String, Value>)> = Vec::new();
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    for file in sorted {
        let path = file.path.as_str();
        if path.ends_with(".tf") || path.ends_with(".tf.json") {
            let parsed = if path.ends_with(".tf") {
                files::parse(file)
            } else {
                json::parse(file)
            };
            match parsed {
                Ok(p) => {
                    diagnostics.extend(p.repairs.iter().cloned());
                    tf.push(p);
                }
                Err(d) => diagnostics.push(d),
            }
        } else if path.ends_with(".tfvars") || path.ends_with(".tfvars.json") {
            match var_file(file) {
                Ok((values, repairs)) => {
                    diagnostics.extend(repairs);
                    tfvars.push((file.path.clone(), values));
                }
                Err(d) => diagnostics.push(d),
            }
        }
    }
    let mut var_files = Vec::new();
    for file in &options.var_files {
        match var_file(file) {
            Ok((values, repairs)) => {
                diagnostics.extend(repairs);
                var_files.push(values);
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

/// A variable file's values, in native syntax or JSON (by its name), with the syntax
/// mistakes repaired while reading it.
fn var_file(file: &SourceFile) -> Result<(IndexMap<String, Value>, Vec<Diagnostic>), Diagnostic> {
    if file.path.ends_with(".json") {
        json::tfvars(file).map(|v| (v, Vec::new()))
    } else {
        files::parse(file).map(|p| (files::tfvars(&p), p.repairs))
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

/// The variable values a root module gets, as Terraform orders them: `terraform.tfvars`,
/// `terraform.tfvars.json`, then `*.auto.tfvars` and `*.auto.tfvars.json` in name order,
/// then the `--var-file`s in order, later ones overriding earlier ones.
fn root_values(
    dir: &str,
    tfvars: &[(String, IndexMap<String, Value>)],
    var_files: &[IndexMap<String, Value>],
) -> IndexMap<String, Value> {
    let name = |path: &str| path.rsplit('/').next().unwrap_or_default().to_owned();
    let mut here: Vec<(String, &IndexMap<String, Value>)> = tfvars
        .iter()
        .filter(|(path, _)| dir_of(path) == dir)
        .map(|(path, values)| (name(path), values))
        .collect();
    let rank = |name: &str| match name {
        "terraform.tfvars" => Some(0),
        "terraform.tfvars.json" => Some(1),
        n if n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json") => Some(2),
        _ => None,
    };
    here.retain(|(n, _)| rank(n).is_some());
    here.sort_by(|(a, _), (b, _)| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    let mut values = IndexMap::new();
    for (_, v) in here {
        values.extend(v.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    for v in var_files {
        values.extend(v.clone());
    }
    values
}
