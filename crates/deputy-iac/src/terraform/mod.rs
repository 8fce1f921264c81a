//! The Terraform front end. TRANSITIONAL: being built; reports every file as skipped.

use crate::model::{Diagnostic, DiagnosticKind, Parsed, SourceFile};

/// Values given on the command line (`-var-file`, `-var`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `.tfvars` files given with `--var-file`, applied to every root module in order.
    pub var_files: Vec<SourceFile>,
}

/// Loads every Terraform file of a tree (`.tf`, `.tfvars`, `.auto.tfvars`, `.tf.json`),
/// evaluates each root module and the local modules it calls, and returns the resources.
pub fn load(files: &[SourceFile], options: &Options) -> Parsed {
    let _ = options;
    Parsed {
        resources: Vec::new(),
        diagnostics: files.iter().map(|f| skipped(&f.path)).collect(),
    }
}

fn skipped(path: &str) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::Skipped,
        file: path.to_owned(),
        line: None,
        column: None,
        message: "the terraform front end is not built yet".into(),
    }
}
