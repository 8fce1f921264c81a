//! The CloudFormation front end: JSON and YAML templates into one [`Resource`] per entry
//! of `Resources`.
//!
//! * **Syntax.** YAML short-form intrinsics (`!Ref`, `!Sub`, `!GetAtt a.b`, `!If`, …) are
//!   read as their long forms (`{Ref: …}`, `{Fn::Sub: …}`, `{Fn::GetAtt: [a, b]}`), so the
//!   rest of the front end sees one notation.
//! * **Resolution** (`intrinsics.rs`): `Ref` to a parameter becomes its `Default`;
//!   `Fn::Sub`, `Fn::Join`, `Fn::Base64`, `Fn::Select`, `Fn::FindInMap` (keys that
//!   resolve to literals) and `Fn::If` (when its condition evaluates from defaults through
//!   `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or` and `Condition`) are evaluated;
//!   `Ref: AWS::NoValue` removes the property. Anything else — a parameter without a
//!   default, an `AWS::` pseudo parameter, an unsupported function — is
//!   [`Value::Unknown`], and a `Ref` or `Fn::GetAtt` naming another resource is `Unknown`
//!   with that logical id in `refs`.
//! * **Resource.** `kind` is the `Type`; the address is `<Type>.<LogicalId>`
//!   (`AWS::S3::Bucket.Logs`, Checkov's notation); the config is the resource's map
//!   (`Type`, `Properties`, `Metadata`, `DependsOn`, `Condition`, … as written, resolved).
//!   Entries without a string `Type` are not resources, as in Checkov.
//! * **Span.** As Checkov reports it: for YAML, from the line before the resource's first
//!   key (its logical id) to the line before the next token, trimmed of blank and comment
//!   lines; for JSON, from the opening to the closing brace of the resource's value.

mod intrinsics;

use crate::kubernetes::yaml::{self, Node, NodeKind};
use crate::model::{
    BlockKind, Diagnostic, DiagnosticKind, Framework, Parsed, Resource, SourceFile, Span, Value,
};
use indexmap::IndexMap;

/// Parses one file into resources.
pub fn parse(file: &SourceFile) -> Parsed {
    let mut parsed = Parsed::default();
    let docs = match yaml::load_all(&file.text) {
        Ok(docs) => docs,
        Err(e) => {
            parsed.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::ParseError,
                file: file.path.clone(),
                line: Some(e.line),
                column: Some(e.column),
                message: format!("{}:{}:{}: {}", file.path, e.line, e.column, e.message),
            });
            return parsed;
        }
    };
    let Some(root) = docs.into_iter().flatten().next() else {
        return parsed;
    };
    let template = yaml::to_value(&root, &long_form);
    let resolver = intrinsics::Resolver::new(&template);
    let lines: Vec<&str> = file.text.lines().collect();
    let json = file.text.trim_start().starts_with('{');
    let Some(NodeKind::Map(entries)) = root.get("Resources").map(|r| &r.kind) else {
        return parsed;
    };
    let resolved_resources = template.get("Resources").and_then(Value::as_map);
    for (key, node) in entries {
        let Some(logical_id) = key.scalar() else {
            continue;
        };
        let Some(raw) = resolved_resources.and_then(|r| r.get(logical_id)) else {
            continue;
        };
        let Some(kind) = raw.get("Type").and_then(Value::as_str) else {
            continue;
        };
        let config = resolver.resolve(raw).unwrap_or(Value::Map(IndexMap::new()));
        parsed.resources.push(Resource {
            framework: Framework::CloudFormation,
            block: BlockKind::Resource,
            kind: kind.to_owned(),
            address: format!("{kind}.{logical_id}"),
            file: file.path.clone(),
            span: resource_span(&lines, node, json),
            caller: None,
            config,
        });
    }
    parsed
}

/// Turns a YAML short-form intrinsic into its long form.
fn long_form(tag: &str, value: Value) -> Value {
    let name = tag.trim_start_matches('!');
    let (key, value) = match name {
        "Ref" => ("Ref".to_owned(), value),
        "Condition" => ("Condition".to_owned(), value),
        "GetAtt" => {
            let value = match value {
                Value::String(s) => match s.split_once('.') {
                    Some((res, attr)) => Value::List(vec![
                        Value::String(res.to_owned()),
                        Value::String(attr.to_owned()),
                    ]),
                    None => Value::List(vec![Value::String(s)]),
                },
                other => other,
            };
            ("Fn::GetAtt".to_owned(), value)
        }
        other => (format!("Fn::{other}"), value),
    };
    let mut m = IndexMap::new();
    m.insert(key, value);
    Value::Map(m)
}

/// The resource's lines as Checkov reports them (see the module documentation).
///
/// Checkov takes PyYAML's 0-based marks of the resource's value as 1-based lines, so the
/// start is the line before the value's first key (the logical id) and the end the line
/// before the next token; it then widens the start over comment lines and narrows the
/// end over blank and comment lines. JSON templates get the marks shifted one line, which
/// makes them the opening and closing braces.
fn resource_span(lines: &[&str], value: &Node, json: bool) -> Span {
    let total = u32::try_from(lines.len()).unwrap_or(u32::MAX).max(1);
    if json {
        let start = value.line.clamp(1, total);
        return Span::new(start, value.end_line.clamp(start, total));
    }
    let skippable = |n: u32| {
        usize::try_from(n.saturating_sub(1))
            .ok()
            .and_then(|i| lines.get(i))
            .is_none_or(|l| {
                let t = l.trim();
                t.is_empty() || t.starts_with('#')
            })
    };
    let mut start = value.line.saturating_sub(1).clamp(1, total);
    while start > 1 && skippable(start) {
        start -= 1;
    }
    let mut end = value.end_line.saturating_sub(1).clamp(start, total);
    while end > start && skippable(end) {
        end -= 1;
    }
    Span::new(start, end)
}

#[cfg(test)]
mod tests;
