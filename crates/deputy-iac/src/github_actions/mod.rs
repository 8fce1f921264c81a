//! The GitHub Actions front end: a workflow file into the parts Checkov's
//! `github_actions` checks judge, addressed and spanned the way Checkov reports them.
//!
//! * **Files.** The scan hands over `.yml`/`.yaml` files under a `.github/workflows/`
//!   folder ([`crate::scan::is_workflow_file`]). The workflow is the file's first
//!   document that is a mapping; a file whose first such document is a list, or that has
//!   none, yields nothing (Checkov builds no graph part from either).
//! * **Validity.** Checkov reads a workflow only if every document of the file matches its
//!   workflow schema (or its action-metadata schema); others are silently left out. Deputy
//!   applies the same rules where they decide whether real workflows are read
//!   ([`schema`]) and reports a left-out file as [`DiagnosticKind::Skipped`].
//! * **Permissions.** Every workflow yields one resource of kind `permissions`: its
//!   top-level `permissions` value under the key `permissions` of the config, or
//!   `write-all` when the key is absent (the token's permissions when neither the workflow
//!   nor the repository restricts them; Checkov reads an absent key the same way). A
//!   `permissions` key written with no value is not schema-valid, so the file is skipped.
//! * **Address.** Checkov names the part `on(<workflow name>)`, or `on` when the workflow
//!   has no name (its runner picks the `on` naming rule because the resource type
//!   `permissions` contains the letters `on`). The name is read as PyYAML reads it with
//!   Checkov's loader: a plain `yes`/`true` is `True`, a plain `no`/`false`/`off` or an
//!   empty name gives `on`, a plain `on` stays `on`.
//! * **Span.** Checkov's `file_line_range`, `[start, end + 1]`: for a permissions mapping,
//!   the mapping's first line and the line PyYAML ends it at; for a string or an absent
//!   key, the first line of the file containing the text `permissions` anywhere (a job's
//!   permissions or a comment included), or line 0 when no line does.
//! * **Trigger, jobs and steps.** The parts Checkov's Python checks judge: see [`jobs`].
//! * **Errors.** A file that is not YAML is a [`DiagnosticKind::ParseError`]; Checkov
//!   drops such files without a word.

pub mod jobs;
pub(crate) mod schema;

use crate::kubernetes::yaml::{self, Node, NodeKind, YamlError};
use crate::model::{
    BlockKind, Diagnostic, DiagnosticKind, Framework, Parsed, Resource, SourceFile, Span, Value,
};
use indexmap::IndexMap;

/// The kind of the resource holding a workflow's top-level permissions (Checkov's graph
/// resource type).
pub const PERMISSIONS: &str = "permissions";

/// What an absent top-level `permissions` key means.
pub const WRITE_ALL: &str = "write-all";

/// Parses one workflow file into resources.
pub fn parse(file: &SourceFile) -> Parsed {
    let mut parsed = Parsed::default();
    let docs = match yaml::load_all(&file.text) {
        Ok(docs) => docs,
        Err(e) => {
            parsed.diagnostics.push(parse_error(file, &e));
            return parsed;
        }
    };
    // Checkov's YAML parser takes the first document that is a mapping or a list.
    let Some(workflow) = docs
        .iter()
        .flatten()
        .find(|n| matches!(n.kind, NodeKind::Map(_) | NodeKind::Seq(_)))
    else {
        return parsed;
    };
    if !docs
        .iter()
        .all(|d| d.as_ref().is_some_and(schema::is_valid))
    {
        parsed.diagnostics.push(Diagnostic {
            kind: DiagnosticKind::Skipped,
            file: file.path.clone(),
            line: None,
            column: None,
            message: format!(
                "`{}` is not a valid GitHub Actions workflow (it breaks the workflow schema Checkov applies), so it was not checked",
                file.path
            ),
        });
        return parsed;
    }
    if !matches!(workflow.kind, NodeKind::Map(_)) {
        return parsed;
    }
    parsed.resources.push(permissions(file, workflow));
    parsed.resources.extend(jobs::parts(file, workflow));
    parsed
}

/// A part of the workflow in `file` as a resource.
fn file_resource(
    file: &SourceFile,
    kind: &str,
    address: String,
    span: Span,
    config: Value,
) -> Resource {
    Resource {
        framework: Framework::GithubActions,
        block: BlockKind::Part,
        kind: kind.to_owned(),
        address,
        file: file.path.clone(),
        span,
        caller: None,
        config,
    }
}

fn parse_error(file: &SourceFile, e: &YamlError) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::ParseError,
        file: file.path.clone(),
        line: Some(e.line),
        column: Some(e.column),
        message: format!("{}:{}:{}: {}", file.path, e.line, e.column, e.message),
    }
}

/// The workflow's top-level permissions as a resource.
fn permissions(file: &SourceFile, workflow: &Node) -> Resource {
    let node = workflow.get("permissions");
    let (value, span) = match node {
        Some(n) if matches!(n.kind, NodeKind::Map(_)) => {
            (yaml::to_value(n, &|_, v| v), jobs::span_of(file, n))
        }
        Some(n) => (yaml::to_value(n, &|_, v| v), mentioned(&file.text)),
        None => (Value::String(WRITE_ALL.to_owned()), mentioned(&file.text)),
    };
    let mut config = IndexMap::new();
    config.insert("permissions".to_owned(), value);
    file_resource(
        file,
        PERMISSIONS,
        address(workflow),
        span,
        Value::Map(config),
    )
}

/// Checkov's span for a part it has no lines for: the first line containing
/// `permissions`, or line 0.
fn mentioned(text: &str) -> Span {
    let line = text
        .lines()
        .position(|l| l.contains("permissions"))
        .and_then(|i| u32::try_from(i + 1).ok())
        .unwrap_or(0);
    Span::new(line, line.saturating_add(1))
}

/// `on(<name>)`, or `on` when the workflow's name is empty or reads as false.
fn address(workflow: &Node) -> String {
    match workflow.get("name").and_then(name_text) {
        Some(name) if !name.is_empty() => format!("on({name})"),
        _ => "on".to_owned(),
    }
}

/// A workflow name as Python prints the value Checkov's loader gives it; `None` when that
/// value is false or not a scalar (which the schema rejects anyway).
fn name_text(node: &Node) -> Option<String> {
    let NodeKind::Scalar { text, plain } = &node.kind else {
        return None;
    };
    if !*plain || node.tag.is_some() {
        return Some(text.clone());
    }
    match text.as_str() {
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" => Some("True".to_owned()),
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => None,
        "on" | "On" | "ON" => Some("on".to_owned()),
        "" | "~" | "null" | "Null" | "NULL" => None,
        _ => Some(text.clone()),
    }
}

#[cfg(test)]
mod tests;
