//! The parts of a workflow Checkov's Python checks judge: its trigger (`on`), each job and
//! each step, addressed and spanned the way Checkov reports them.
//!
//! * **`on`** (kind `on`): the `on` value under the config key `on`, addressed like the
//!   permissions (`on(<name>)` or `on`), spanned over the mapping when it is one, else
//!   line 0 (Checkov has no lines for a string or a list); the lines of
//!   `workflow_dispatch.inputs` under [`INPUTS_LINES`].
//! * **Jobs** (kind `jobs`): every job whose body is a mapping, addressed `jobs(<id>)`
//!   and spanned `[first line, PyYAML end line + 1]`; the config is the job's body.
//! * **Steps** (kind `steps`): every step that is a mapping, addressed
//!   `jobs(<id>).steps[<n>]`, with `(<name>)` appended when the step has a name; `<n>`
//!   counts from 1 over the job's non-empty steps, and a step after one written as text
//!   takes that step's index and text, as in Checkov. Spanned like jobs, so a step's range
//!   runs to the line of the next step's dash, as Checkov's does; the last node of a file
//!   ends where PyYAML ends the stream.

use super::{Node, NodeKind, address, file_resource};
use crate::kubernetes::yaml;
use crate::model::{Resource, SourceFile, Span, Value};
use indexmap::IndexMap;

/// The kinds of the parts built here.
pub const ON: &str = "on";
pub const JOBS: &str = "jobs";
pub const STEPS: &str = "steps";

/// The config key of an `on` resource holding the `[start, end]` Checkov reports a
/// failure on `workflow_dispatch.inputs` at, when they are a mapping.
pub const INPUTS_LINES: &str = "workflow_dispatch_inputs_lines";

/// The `on`, job and step resources of a workflow.
pub(crate) fn parts(file: &SourceFile, workflow: &Node) -> Vec<Resource> {
    let mut out = Vec::new();
    if let Some(on) = key(workflow, "on") {
        let span = match on.kind {
            NodeKind::Map(_) => span_of(file, on),
            _ => Span::new(0, 1),
        };
        let mut config = IndexMap::new();
        config.insert("on".to_owned(), yaml::to_value(on, &|_, v| v));
        let inputs = on.get("workflow_dispatch").and_then(|d| d.get("inputs"));
        if let Some(
            inputs @ Node {
                kind: NodeKind::Map(_),
                ..
            },
        ) = inputs
        {
            let lines = span_of(file, inputs);
            config.insert(
                INPUTS_LINES.to_owned(),
                Value::List(vec![
                    Value::Number(f64::from(lines.start)),
                    Value::Number(f64::from(lines.end)),
                ]),
            );
        }
        out.push(file_resource(
            file,
            ON,
            address(workflow),
            span,
            Value::Map(config),
        ));
    }
    let Some(NodeKind::Map(jobs)) = workflow.get("jobs").map(|j| &j.kind) else {
        return out;
    };
    for (id, job) in jobs {
        let (Some(id), NodeKind::Map(_)) = (id.scalar(), &job.kind) else {
            continue;
        };
        out.push(file_resource(
            file,
            JOBS,
            format!("jobs({id})"),
            span_of(file, job),
            yaml::to_value(job, &|_, v| v),
        ));
        let Some(NodeKind::Seq(steps)) = job.get("steps").map(|s| &s.kind) else {
            continue;
        };
        // Checkov names a step after the first step written as text when one comes
        // before it.
        let mut text_step: Option<String> = None;
        let present = steps.iter().filter(|s| !is_empty(s));
        for (n, step) in present.enumerate() {
            match &step.kind {
                NodeKind::Scalar { text, .. } => {
                    text_step.get_or_insert_with(|| format!("[{}]({text})", n + 1));
                }
                NodeKind::Map(_) => {
                    let config = yaml::to_value(step, &|_, v| v);
                    let own = || match config.get("name").and_then(python_text) {
                        Some(name) => format!("[{}]({name})", n + 1),
                        None => format!("[{}]", n + 1),
                    };
                    let index = text_step.clone().unwrap_or_else(own);
                    out.push(file_resource(
                        file,
                        STEPS,
                        format!("jobs({id}).steps{index}"),
                        span_of(file, step),
                        config,
                    ));
                }
                NodeKind::Seq(_) => {}
            }
        }
    }
    out
}

/// `[first line, PyYAML end line + 1]`, Checkov's `file_line_range` for a mapping.
pub(crate) fn span_of(file: &SourceFile, node: &Node) -> Span {
    Span::new(node.line, end_line(file, node).saturating_add(1))
}

/// The line PyYAML ends a node at: the parser's, but never past the end of the stream,
/// which is the line after a final newline or else the last line.
fn end_line(file: &SourceFile, node: &Node) -> u32 {
    let lines = u32::try_from(file.text.lines().count()).unwrap_or(u32::MAX);
    let stream_end = lines
        .saturating_add(u32::from(file.text.ends_with('\n')))
        .max(1);
    node.end_line.min(stream_end).max(node.line)
}

/// The value under a top-level key, matching plain keys as Checkov's loader reads them
/// (`On:` is `on`).
fn key<'n>(map: &'n Node, name: &str) -> Option<&'n Node> {
    let NodeKind::Map(entries) = &map.kind else {
        return None;
    };
    entries
        .iter()
        .rev()
        .find(|(k, _)| match &k.kind {
            NodeKind::Scalar { text, plain: true } => text.eq_ignore_ascii_case(name),
            NodeKind::Scalar { text, .. } => text == name,
            _ => false,
        })
        .map(|(_, v)| v)
}

/// Whether Python reads the step as false (an empty step Checkov skips when counting).
fn is_empty(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar { text, plain } => {
            text.is_empty() || (*plain && matches!(text.as_str(), "~" | "null" | "Null" | "NULL"))
        }
        NodeKind::Seq(items) => items.is_empty(),
        NodeKind::Map(_) => false,
    }
}

/// A step name as Python prints it; `None` when it is false.
fn python_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Bool(true) => Some("True".to_owned()),
        Value::Number(n) if *n != 0.0 => Some(if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{n:.0}")
        } else {
            n.to_string()
        }),
        _ => None,
    }
}

/// Python's truth of a value as Checkov's loader reads it (a mapping always carries its
/// line marks, so it is never empty).
pub fn python_truth(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => *n != 0.0,
        Value::String(s) => !s.is_empty(),
        Value::List(items) => !items.is_empty(),
        Value::Map(_) | Value::Unknown(_) => true,
    }
}
