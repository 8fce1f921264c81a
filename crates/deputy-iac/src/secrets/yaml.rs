//! detect-secrets' YAML transformation: a YAML file that loads as exactly one document is
//! scanned not as written but as one line `key: "value"` per mapping entry whose value is
//! a string, at the value's line, so that unquoted values look quoted to the base64
//! detector. A file that does not load that way (several documents, custom tags such as
//! CloudFormation's `!Ref`, a syntax error) is scanned as written.

use crate::kubernetes::yaml::{Node, NodeKind, load_all, scalar_value};
use crate::model::Value;
use std::collections::VecDeque;

/// The transformed lines, or `None` to scan the raw lines.
pub(super) fn transform(text: &str, raw: &[&str]) -> Option<Vec<String>> {
    let docs = load_all(text).ok()?;
    let [Some(root)] = docs.as_slice() else {
        return None;
    };
    if has_custom_tag(root) {
        return None;
    }
    let mut items: Vec<(u32, String, String)> = Vec::new();
    let mut queue: VecDeque<&Node> = VecDeque::from([root]);
    while let Some(node) = queue.pop_front() {
        match &node.kind {
            NodeKind::Scalar { .. } => {}
            NodeKind::Seq(children) => queue.extend(children),
            NodeKind::Map(entries) => {
                for (key, value) in last_per_key(entries) {
                    match string_value(value) {
                        Some(s) => items.push((value.line, key_text(key), s)),
                        None => queue.push_back(value),
                    }
                }
            }
        }
    }
    if items.is_empty() {
        return None;
    }
    items.sort_by_key(|(line, _, _)| *line);
    let mut lines: Vec<String> = Vec::new();
    for (line, key, value) in items {
        while lines.len() + 1 < line as usize {
            lines.push(String::new());
        }
        let raw_line = raw
            .get((line as usize).saturating_sub(1))
            .map_or("", |l| l.trim());
        let comment = comment(raw_line);
        lines.push(format!(
            "{key}: \"{}\"{comment}",
            value.replace('"', "\\\"")
        ));
    }
    Some(lines)
}

/// A mapping's entries, a repeated key keeping its last value (as a loaded mapping does),
/// in the order the keys first appear.
fn last_per_key(entries: &[(Node, Node)]) -> Vec<(&Node, &Node)> {
    let mut out: Vec<(&Node, &Node)> = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        let name = key_text(k);
        match out.iter_mut().find(|(seen, _)| key_text(seen) == name) {
            Some(slot) => slot.1 = v,
            None => out.push((k, v)),
        }
    }
    out
}

fn key_text(node: &Node) -> String {
    match &node.kind {
        NodeKind::Scalar { text, .. } => text.clone(),
        _ => String::new(),
    }
}

/// The value of a node YAML loads as a string (binary scalars as their base64 text).
fn string_value(node: &Node) -> Option<String> {
    let NodeKind::Scalar { text, plain } = &node.kind else {
        return None;
    };
    if matches!(
        node.tag.as_deref(),
        Some("!!binary" | "tag:yaml.org,2002:binary")
    ) {
        return Some(text.chars().filter(|c| !c.is_whitespace()).collect());
    }
    match scalar_value(text, *plain, node.tag.as_deref()) {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// Whether a node uses a tag the safe loader detect-secrets uses rejects.
fn has_custom_tag(node: &Node) -> bool {
    let custom = node
        .tag
        .as_deref()
        .is_some_and(|t| t.starts_with('!') && !t.starts_with("!!"));
    custom
        || match &node.kind {
            NodeKind::Scalar { .. } => false,
            NodeKind::Seq(items) => items.iter().any(has_custom_tag),
            NodeKind::Map(entries) => entries
                .iter()
                .any(|(k, v)| has_custom_tag(k) || has_custom_tag(v)),
        }
}

/// A trailing comment of a raw line (whitespace, `#`, the rest), kept on the transformed
/// line for the allowlist pragma.
fn comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'#' && i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_whitespace) {
            let start = line.get(..i).map_or(i, |before| before.trim_end().len());
            return line.get(start..).unwrap_or("");
        }
    }
    ""
}
