//! YAML (and JSON, which the same parser reads) into a tree of nodes that keep their
//! lines, for the Kubernetes and CloudFormation front ends.
//!
//! The parser is `saphyr-parser`'s event stream; this module builds the tree itself so it
//! can keep every node's start line and a mapping's end line the way PyYAML reports them
//! (Checkov's line ranges come from PyYAML marks), keep custom tags (`!Ref`), and bound
//! what hostile input can cost: nesting deeper than [`MAX_DEPTH`] and alias expansion
//! beyond [`MAX_ALIAS_NODES`] nodes are errors, never a stack overflow or a billion laughs.

use crate::model::Value;
use indexmap::IndexMap;
use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};
use std::collections::HashMap;

/// Deeper nesting than this is refused: no real manifest or template comes close, and the
/// tree is walked recursively afterwards.
pub(crate) const MAX_DEPTH: usize = 128;

/// The most nodes aliases may add to one file. Without aliases a file has no more nodes
/// than characters; aliases are what can make a small file expand without bound.
pub(crate) const MAX_ALIAS_NODES: usize = 100_000;

/// One YAML node with its position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub kind: NodeKind,
    /// A local tag such as `!Ref` (handle and suffix joined); `None` when untagged.
    pub tag: Option<String>,
    /// 1-based line of the node's first token.
    pub line: u32,
    /// 1-based column of the node's first token.
    pub column: u32,
    /// 1-based line of the mark PyYAML ends the node at: for block collections, the next
    /// token after the collection (which may sit on a later line than its last value).
    pub end_line: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NodeKind {
    /// A scalar's text; `plain` when it was written without quotes or block indicators,
    /// which is when YAML resolves it to a boolean, number or null.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The value under a plain string key of a mapping node.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .rev()
                .find(|(k, _)| k.scalar() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    pub(crate) fn scalar(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    fn size(&self) -> usize {
        match &self.kind {
            NodeKind::Scalar { .. } => 1,
            NodeKind::Seq(items) => 1 + items.iter().map(Node::size).sum::<usize>(),
            NodeKind::Map(entries) => {
                1 + entries
                    .iter()
                    .map(|(k, v)| k.size() + v.size())
                    .sum::<usize>()
            }
        }
    }
}

/// Why a text is not YAML, with a 1-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn tag_name(tag: Option<&Tag>) -> Option<String> {
    tag.map(|t| format!("{}{}", t.handle, t.suffix))
}

/// A collection being built.
struct Open {
    node: Node,
    anchor: usize,
    /// A mapping's key waiting for its value.
    pending_key: Option<Node>,
}

/// The error the YAML specification gives a multi-line quoted scalar whose continuation
/// lines are indented less than its block; PyYAML (and so Checkov) accepts such text.
const QUOTED_INDENT: &str = "invalid indentation in quoted scalar";

/// How many under-indented quoted scalars one file may have re-indented.
const MAX_REINDENTS: usize = 64;

/// Parses every document of `text`; an empty document is `None`.
///
/// Multi-line quoted scalars indented less than their block, which PyYAML accepts, are
/// accepted too: their continuation lines are indented (which changes neither the
/// scalar's value, as folding drops leading spaces, nor any line number) and the text is
/// parsed again.
pub(crate) fn load_all(text: &str) -> Result<Vec<Option<Node>>, YamlError> {
    let mut fixed: Option<String> = None;
    for _ in 0..MAX_REINDENTS {
        let current = fixed.as_deref().unwrap_or(text);
        match load_all_strict(current) {
            Err(e) if e.message == QUOTED_INDENT => match reindent_quoted(current, &e) {
                Some(next) => fixed = Some(next),
                None => return Err(e),
            },
            other => return other,
        }
    }
    load_all_strict(fixed.as_deref().unwrap_or(text))
}

/// Indents the continuation lines of the quoted scalar starting at the error's position
/// one column past its opening quote; `None` when the scalar cannot be found or closed.
fn reindent_quoted(text: &str, e: &YamlError) -> Option<String> {
    let line_start = text
        .split_inclusive('\n')
        .take(usize::try_from(e.line).ok()?.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let column = usize::try_from(e.column).ok()?.checked_sub(1)?;
    let (offset, quote) = text
        .get(line_start..)?
        .char_indices()
        .nth(column)
        .map(|(i, c)| (line_start + i, c))?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let body = text.get(offset + quote.len_utf8()..)?;
    let mut end = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek().map(|(_, c)| *c) == Some('\'') => {
                chars.next();
            }
            c if c == quote => {
                end = Some(i);
                break;
            }
            _ => {}
        }
    }
    let end = offset + quote.len_utf8() + end?;
    let pad = " ".repeat(column + 1);
    let inner = text.get(offset..end)?.replace('\n', &format!("\n{pad}"));
    Some(format!(
        "{}{inner}{}",
        text.get(..offset)?,
        text.get(end..)?
    ))
}

fn load_all_strict(text: &str) -> Result<Vec<Option<Node>>, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut docs = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Anchored nodes with their sizes, so an alias costs its size without a recount.
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut budget = MAX_ALIAS_NODES;
    loop {
        let (event, span): (Event<'_>, Span) = match parser.next_event() {
            None => break,
            Some(Ok(pair)) => pair,
            Some(Err(e)) => {
                return Err(YamlError {
                    line: to_u32(e.marker().line()),
                    column: to_u32(e.marker().col() + 1),
                    message: e.info().to_owned(),
                });
            }
        };
        let line = to_u32(span.start.line());
        let column = to_u32(span.start.col() + 1);
        let error = |message: String| YamlError {
            line,
            column,
            message,
        };
        let is_map_start = matches!(event, Event::MappingStart(..));
        let finished: Option<(Node, usize)> = match event {
            Event::StreamStart | Event::Nothing => None,
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                root = None;
                None
            }
            Event::DocumentEnd => {
                docs.push(root.take());
                anchors.clear();
                None
            }
            Event::Scalar(text, style, anchor, tag) => {
                let end_line = to_u32(span.end.line());
                Some((
                    Node {
                        kind: NodeKind::Scalar {
                            text: text.into_owned(),
                            plain: style == ScalarStyle::Plain,
                        },
                        tag: tag_name(tag.as_deref()),
                        line,
                        column,
                        end_line,
                    },
                    anchor,
                ))
            }
            Event::Alias(id) => {
                let Some((target, size)) = anchors.get(&id) else {
                    return Err(error("an alias names an unknown anchor".into()));
                };
                budget = budget.checked_sub(*size).ok_or_else(|| {
                    error("aliases expand to too many nodes (possible billion laughs)".into())
                })?;
                Some((target.clone(), 0))
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                let is_map = is_map_start;
                if stack.len() >= MAX_DEPTH {
                    return Err(error(format!("nesting deeper than {MAX_DEPTH} levels")));
                }
                stack.push(Open {
                    node: Node {
                        kind: if is_map {
                            NodeKind::Map(Vec::new())
                        } else {
                            NodeKind::Seq(Vec::new())
                        },
                        tag: tag_name(tag.as_deref()),
                        line,
                        column,
                        end_line: line,
                    },
                    anchor,
                    pending_key: None,
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(mut open) => {
                    // PyYAML ends a block collection where the next token starts; a flow
                    // collection ends after its closing bracket, on the bracket's line.
                    open.node.end_line = to_u32(span.end.line()).max(open.node.line);
                    Some((open.node, open.anchor))
                }
                None => return Err(error("unbalanced collection end".into())),
            },
        };
        if let Some((node, anchor)) = finished {
            if anchor != 0 {
                let size = node.size();
                anchors.insert(anchor, (node.clone(), size));
            }
            match stack.last_mut() {
                None => root = Some(node),
                Some(parent) => match &mut parent.node.kind {
                    NodeKind::Seq(items) => items.push(node),
                    NodeKind::Map(entries) => match parent.pending_key.take() {
                        None => parent.pending_key = Some(node),
                        Some(key) => entries.push((key, node)),
                    },
                    NodeKind::Scalar { .. } => {}
                },
            }
        }
    }
    Ok(docs)
}

/// Whether a plain scalar is a YAML 1.1 boolean (PyYAML's resolver, which Checkov uses).
fn plain_bool(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => Some(true),
        "false" | "False" | "FALSE" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

/// A plain scalar read as a decimal, hexadecimal or octal integer or a decimal float.
fn plain_number(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let negative = s.starts_with('-');
    let sign = if negative { -1.0 } else { 1.0 };
    if let Some(hex) = body.strip_prefix("0x") {
        return i64::from_str_radix(&hex.replace('_', ""), 16)
            .ok()
            .map(|n| sign * n as f64);
    }
    if let Some(oct) = body.strip_prefix("0o") {
        return i64::from_str_radix(&oct.replace('_', ""), 8)
            .ok()
            .map(|n| sign * n as f64);
    }
    let mut digits = 0;
    let mut seen_dot = false;
    let mut seen_exp = false;
    let mut prev = ' ';
    for c in body.chars() {
        match c {
            '0'..='9' => digits += 1,
            '_' if !seen_exp => {}
            '.' if !seen_dot && !seen_exp => seen_dot = true,
            'e' | 'E' if digits > 0 && !seen_exp => seen_exp = true,
            '-' | '+' if matches!(prev, 'e' | 'E') => {}
            _ => return None,
        }
        prev = c;
    }
    if digits == 0 || matches!(prev, 'e' | 'E' | '-' | '+') {
        return None;
    }
    body.replace('_', "").parse::<f64>().ok().map(|n| sign * n)
}

/// The value of a scalar node under the YAML 1.1 rules PyYAML applies.
pub(crate) fn scalar_value(text: &str, plain: bool, tag: Option<&str>) -> Value {
    match tag {
        Some("tag:yaml.org,2002:str") | Some("!!str") => return Value::String(text.to_owned()),
        Some(_) if !plain => return Value::String(text.to_owned()),
        _ => {}
    }
    if !plain {
        return Value::String(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        ".inf" | ".Inf" | ".INF" | "+.inf" => return Value::Number(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Value::Number(f64::NEG_INFINITY),
        _ => {}
    }
    if let Some(b) = plain_bool(text) {
        return Value::Bool(b);
    }
    if let Some(n) = plain_number(text) {
        return Value::Number(n);
    }
    Value::String(text.to_owned())
}

/// Converts a node to a [`Value`]. `tagged` sees every node carrying a local tag with its
/// converted value and may replace it (CloudFormation turns `!Ref x` into `{Ref: x}`).
/// Merge keys (`<<`) are applied as PyYAML does: the merged entries never override keys
/// written in the mapping itself.
pub(crate) fn to_value(node: &Node, tagged: &dyn Fn(&str, Value) -> Value) -> Value {
    let value = match &node.kind {
        NodeKind::Scalar { text, plain } => scalar_value(text, *plain, node.tag.as_deref()),
        NodeKind::Seq(items) => Value::List(items.iter().map(|n| to_value(n, tagged)).collect()),
        NodeKind::Map(entries) => {
            let mut map = IndexMap::new();
            let mut merged: Vec<IndexMap<String, Value>> = Vec::new();
            for (k, v) in entries {
                let value = to_value(v, tagged);
                match &k.kind {
                    NodeKind::Scalar { text, plain: true } if text == "<<" => match value {
                        Value::Map(m) => merged.push(m),
                        Value::List(items) => {
                            merged.extend(items.into_iter().filter_map(|i| match i {
                                Value::Map(m) => Some(m),
                                _ => None,
                            }))
                        }
                        other => {
                            map.insert(text.clone(), other);
                        }
                    },
                    _ => {
                        map.insert(key_text(k), value);
                    }
                }
            }
            for m in merged {
                for (k, v) in m {
                    map.entry(k).or_insert(v);
                }
            }
            Value::Map(map)
        }
    };
    match node.tag.as_deref() {
        Some(tag) if tag.starts_with('!') && !tag.starts_with("!!") => tagged(tag, value),
        _ => value,
    }
}

/// A mapping key as a string: scalars as written (`80`, `true`), anything else in a
/// compact flow form so distinct keys stay distinct.
fn key_text(node: &Node) -> String {
    match &node.kind {
        NodeKind::Scalar { text, .. } => text.clone(),
        _ => serde_json::to_string(&to_value(node, &|_, v| v)).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Node {
        match load_all(text) {
            Ok(mut docs) if docs.len() == 1 => match docs.pop() {
                Some(Some(n)) => n,
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn block_mappings_end_where_the_next_token_starts() {
        let text = "a: 1\nb:\n  c: 2\n---\nd: 3\n\n\n";
        let docs = load_all(text).unwrap_or_default();
        assert_eq!(docs.len(), 2);
        let Some(Some(first)) = docs.first() else {
            panic!("{docs:?}")
        };
        assert_eq!((first.line, first.end_line), (1, 4));
        let Some(Some(second)) = docs.get(1) else {
            panic!("{docs:?}")
        };
        assert_eq!(second.line, 5);
        assert!(second.end_line >= 5);
    }

    #[test]
    fn flow_mappings_end_at_their_bracket() {
        let node = one("{\n  \"a\": [1,\n 2]\n}\n");
        assert_eq!((node.line, node.end_line), (1, 4));
    }

    #[test]
    fn scalars_resolve_like_pyyaml() {
        let v = to_value(
            &one("a: yes\nb: '1'\nc: 0x1F\nd: 1.5e3\ne: ~\nf: 1.2.3\ng: !Ref x\n"),
            &|tag, v| Value::String(format!("{tag}:{}", v.as_str().unwrap_or(""))),
        );
        assert_eq!(v.get("a"), Some(&Value::Bool(true)));
        assert_eq!(v.get("b"), Some(&Value::String("1".into())));
        assert_eq!(v.get("c"), Some(&Value::Number(31.0)));
        assert_eq!(v.get("d"), Some(&Value::Number(1500.0)));
        assert_eq!(v.get("e"), Some(&Value::Null));
        assert_eq!(v.get("f"), Some(&Value::String("1.2.3".into())));
        assert_eq!(v.get("g"), Some(&Value::String("!Ref:x".into())));
    }

    #[test]
    fn merge_keys_do_not_override() {
        let v = to_value(
            &one("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n"),
            &|_, v| v,
        );
        assert_eq!(v.path("m.x"), Some(&Value::Number(1.0)));
        assert_eq!(v.path("m.y"), Some(&Value::Number(3.0)));
    }

    #[test]
    fn errors_carry_positions() {
        let Err(e) = load_all("a: 1\nb: [1, 2\nc: 3\n") else {
            panic!("expected an error")
        };
        assert!(e.line >= 2, "{e:?}");
        assert!(e.column >= 1);
    }

    #[test]
    fn billion_laughs_is_refused() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
            text.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = name;
        }
        let Err(e) = load_all(&text) else {
            panic!("expected an error")
        };
        assert!(e.message.contains("too many"), "{e:?}");
    }

    #[test]
    fn under_indented_quoted_scalars_are_read_like_pyyaml() {
        let text = "a:\n  - \"x \\\nb --c\n  d\"\n  - e\n";
        let v = to_value(&one(text), &|_, v| v);
        assert_eq!(v.path("a.0"), Some(&Value::String("x b --c d".into())));
        assert_eq!(v.path("a.1"), Some(&Value::String("e".into())));
        assert!(load_all("a:\n  - \"never closed\nb\n").is_err());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(10_000);
        assert!(load_all(&text).is_err());
    }
}
