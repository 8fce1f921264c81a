//! Terraform's JSON syntax: `.tf.json` configuration and `.tfvars.json` variable files.
//!
//! A `.tf.json` file is rewritten as native syntax and parsed like any `.tf` file, so its
//! blocks join their directory's module and are evaluated the same way. The rewrite keeps
//! each block on the JSON lines it came from (a block's header on the line of its name, its
//! closing brace on the line of its object's closing brace, each argument on its key's
//! line), so resources report the lines of the JSON file.
//!
//! Following Terraform's JSON syntax, a string argument is a template (`"${var.n}"` is the
//! variable's value), except in a variable's `default`, which is literal; a variable's
//! `type` is a type expression. The provider schema, which tells Terraform whether a JSON
//! object is a nested block or an object value, is not available: an object is read as an
//! object value, which the checks read as they read a single nested block, and an array of
//! objects as a list, which they read as repeated blocks. `dynamic` blocks are expanded;
//! `lifecycle`, `provisioner`, `connection`, `depends_on` and `provider` arguments, and `//`
//! comment keys, are left out, as they hold nothing the checks read.

use super::files::ParsedFile;
use crate::kubernetes::yaml::{self, Node, NodeKind};
use crate::model::{Diagnostic, DiagnosticKind, SourceFile, Value};
use indexmap::IndexMap;

/// Block types whose labelled blocks are read from `{"type": {"name": {...}}}` (two labels)
/// or `{"name": {...}}` (one label).
const TWO_LABELS: [&str; 2] = ["resource", "data"];
const ONE_LABEL: [&str; 4] = ["module", "variable", "output", "provider"];

/// Arguments that hold nothing the checks read.
const LEFT_OUT: [&str; 6] = [
    "//",
    "lifecycle",
    "provisioner",
    "connection",
    "depends_on",
    "provider",
];

/// Native-syntax text under construction, each line tagged with the JSON line it stands for.
#[derive(Default)]
struct Writer {
    lines: Vec<(String, u32)>,
}

impl Writer {
    fn line(&mut self, text: String, at: u32) {
        // Lines must not go back: a later line never stands for an earlier JSON line.
        let at = self.lines.last().map_or(at, |(_, last)| at.max(*last));
        self.lines.push((text, at));
    }

    /// The text, and where each JSON line starts in it: the first generated line standing
    /// for that JSON line or a later one.
    fn finish(self) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut offsets = Vec::with_capacity(self.lines.len());
        for (line, _) in &self.lines {
            offsets.push(text.len());
            text.push_str(line);
            text.push('\n');
        }
        let last = self.lines.last().map_or(1, |(_, at)| *at);
        let mut starts = vec![0];
        for json_line in 2..=last {
            let k = self.lines.partition_point(|(_, at)| *at < json_line);
            starts.push(offsets.get(k).copied().unwrap_or(text.len() + 1));
        }
        (text, starts)
    }
}

/// Parses a `.tf.json` file; invalid JSON becomes a diagnostic naming line and column.
pub(crate) fn parse(file: &SourceFile) -> Result<ParsedFile, Diagnostic> {
    let root = load(file)?;
    let mut w = Writer::default();
    if let NodeKind::Map(entries) = &root.kind {
        for (key, value) in entries {
            let Some(kind) = key.scalar() else { continue };
            top_level(&mut w, kind, value);
        }
    }
    let (text, line_starts) = w.finish();
    let body = hcl_edit::parser::parse_body(&text).map_err(|e| Diagnostic {
        kind: DiagnosticKind::ParseError,
        file: file.path.clone(),
        line: None,
        column: None,
        message: format!(
            "Terraform JSON could not be read as configuration: {}",
            e.message().trim()
        ),
    })?;
    Ok(ParsedFile::from_parts(file.path.clone(), body, line_starts))
}

/// Reads a `.tfvars.json` file: its top-level object's members, as literal values.
pub(crate) fn tfvars(file: &SourceFile) -> Result<IndexMap<String, Value>, Diagnostic> {
    let root = load(file)?;
    let mut values = IndexMap::new();
    if let NodeKind::Map(entries) = &root.kind {
        for (key, value) in entries {
            if let Some(name) = key.scalar() {
                values.insert(name.to_owned(), literal(value));
            }
        }
    }
    Ok(values)
}

/// The file's top-level value, with positions. JSON is checked strictly first, so an
/// error names the place a JSON parser finds it; the positions come from the YAML loader
/// (JSON is YAML), after raw tabs, which JSON allows only between tokens, become spaces.
fn load(file: &SourceFile) -> Result<Node, Diagnostic> {
    let error = |line: usize, column: usize, message: String| Diagnostic {
        kind: DiagnosticKind::ParseError,
        file: file.path.clone(),
        line: u32::try_from(line).ok(),
        column: u32::try_from(column).ok(),
        message,
    };
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&file.text) {
        // The diagnostic carries the position; serde_json's message repeats it.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        return Err(error(
            e.line(),
            e.column(),
            format!("invalid JSON: {message}"),
        ));
    }
    let text = file.text.replace('\t', " ");
    let docs = yaml::load_all(&text).map_err(|e| {
        error(
            e.line as usize,
            e.column as usize,
            format!("invalid JSON: {}", e.message),
        )
    })?;
    match docs.into_iter().flatten().next() {
        Some(
            root @ Node {
                kind: NodeKind::Map(_),
                ..
            },
        ) => Ok(root),
        _ => Err(error(1, 1, "a Terraform JSON file holds one object".into())),
    }
}

fn top_level(w: &mut Writer, kind: &str, value: &Node) {
    if TWO_LABELS.contains(&kind) {
        for (ty, names) in members(value) {
            for (name, body) in members(names) {
                for body in objects(body) {
                    let header = format!("{kind} {} {} {{", quoted(ty), quoted(name));
                    block(w, header, name, body, Mode::Expression);
                }
            }
        }
    } else if ONE_LABEL.contains(&kind) {
        for (name, body) in members(value) {
            let mode = if kind == "variable" {
                Mode::Variable
            } else {
                Mode::Expression
            };
            for body in objects(body) {
                block(w, format!("{kind} {} {{", quoted(name)), name, body, mode);
            }
        }
    } else if kind == "locals" {
        for body in objects(value) {
            w.line("locals {".into(), body.line);
            arguments(w, body, Mode::Expression);
            w.line("}".into(), body.end_line);
        }
    }
}

/// One labelled block: its header on the line of its name, its arguments, its closing
/// brace on the line of its object's closing brace.
fn block(w: &mut Writer, header: String, name: &Node, body: &Node, mode: Mode) {
    w.line(header, name.line);
    arguments(w, body, mode);
    w.line("}".into(), body.end_line);
}

/// How a block's arguments are read.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Strings are templates.
    Expression,
    /// A variable: `default` and `nullable` are literal, `type` is a type expression, and
    /// nothing else is read.
    Variable,
}

fn arguments(w: &mut Writer, body: &Node, mode: Mode) {
    for (key, value) in members(body) {
        let Some(name) = key.scalar() else { continue };
        if LEFT_OUT.contains(&name) || !identifier(name) {
            continue;
        }
        if name == "dynamic" && mode == Mode::Expression {
            for (label, spec) in members(value) {
                for spec in objects(spec) {
                    dynamic(w, label, spec);
                }
            }
            continue;
        }
        let text = match (mode, name) {
            (Mode::Variable, "default") => literal_expression(value),
            (Mode::Variable, "type") => match value.scalar() {
                Some(t) if hcl_edit::parser::parse_expr(t).is_ok() => t.to_owned(),
                _ => continue,
            },
            (Mode::Variable, "nullable") => literal_expression(value),
            // A description is literal text, and validations and the rest judge values
            // Deputy does not need.
            (Mode::Variable, _) => continue,
            (Mode::Expression, _) => expression(value),
        };
        w.line(format!("{name} = {text}"), key.line);
    }
}

/// `"dynamic": {"label": {"for_each": …, "iterator": …, "content": {…}}}`.
fn dynamic(w: &mut Writer, label: &Node, spec: &Node) {
    w.line(format!("dynamic {} {{", quoted(label)), label.line);
    for (key, value) in members(spec) {
        match key.scalar() {
            Some("for_each") => w.line(format!("for_each = {}", expression(value)), key.line),
            Some("iterator") => {
                if let Some(i) = value.scalar().filter(|i| identifier(i)) {
                    w.line(format!("iterator = {i}"), key.line);
                }
            }
            Some("content") => {
                for content in objects(value) {
                    w.line("content {".into(), key.line);
                    arguments(w, content, Mode::Expression);
                    w.line("}".into(), content.end_line);
                }
            }
            _ => {}
        }
    }
    w.line("}".into(), spec.end_line);
}

/// The members of an object node (none for anything else).
fn members(node: &Node) -> impl Iterator<Item = (&Node, &Node)> {
    let entries: &[(Node, Node)] = match &node.kind {
        NodeKind::Map(entries) => entries,
        _ => &[],
    };
    entries
        .iter()
        .filter(|(k, _)| k.scalar() != Some("//"))
        .map(|(k, v)| (k, v))
}

/// An object, or each object of an array of objects (Terraform's JSON form of repeated
/// blocks).
fn objects(node: &Node) -> Vec<&Node> {
    match &node.kind {
        NodeKind::Map(_) => vec![node],
        NodeKind::Seq(items) => items
            .iter()
            .filter(|i| matches!(i.kind, NodeKind::Map(_)))
            .collect(),
        NodeKind::Scalar { .. } => Vec::new(),
    }
}

fn identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A JSON value as a native expression, strings as templates.
fn expression(node: &Node) -> String {
    render(node, true)
}

/// A JSON value as a native expression that evaluates to exactly that value.
fn literal_expression(node: &Node) -> String {
    render(node, false)
}

fn render(node: &Node, templates: bool) -> String {
    match &node.kind {
        NodeKind::Scalar { text, plain: true } => match text.as_str() {
            "true" | "false" | "null" => text.clone(),
            t if t.parse::<f64>().is_ok_and(f64::is_finite) => t.to_owned(),
            t => string(t, templates),
        },
        NodeKind::Scalar { text, plain: false } => string(text, templates),
        NodeKind::Seq(items) => {
            let items: Vec<String> = items.iter().map(|i| render(i, templates)).collect();
            format!("[{}]", items.join(", "))
        }
        NodeKind::Map(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .filter_map(|(k, v)| {
                    let k = k.scalar()?;
                    Some(format!("{} = {}", string(k, false), render(v, templates)))
                })
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
    }
}

/// A quoted string; with `template` unset, `${` and `%{` are escaped so they stay text.
fn string(s: &str, template: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if !template && chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn quoted(node: &Node) -> String {
    string(node.scalar().unwrap_or_default(), false)
}

/// A JSON value as a Deputy value, strings as written.
fn literal(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Scalar { text, plain: true } => match text.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            t => t
                .parse::<f64>()
                .map_or_else(|_| Value::String(t.to_owned()), Value::Number),
        },
        NodeKind::Scalar { text, plain: false } => Value::String(text.clone()),
        NodeKind::Seq(items) => Value::List(items.iter().map(literal).collect()),
        NodeKind::Map(entries) => Value::Map(
            entries
                .iter()
                .filter_map(|(k, v)| Some((k.scalar()?.to_owned(), literal(v))))
                .collect(),
        ),
    }
}
