//! Checkov's multi-line pairing of values with keywords: in a YAML, JSON or Terraform
//! object, a value with no credential name on its own line is still reported when it is a
//! base64 string of entropy above 4.8 and another line of the same object, within five
//! lines, names a credential (Kubernetes' `- name: DB_PASSWORD` above `value: …`).
//!
//! Which lines belong to the same object is Checkov's heuristic per syntax: equal
//! indentation in YAML (a `- ` item starts or ends the search), braces in JSON, and any
//! line up to a `{`-opening or `}`-closing line in Terraform.

use super::detect::FileType;
use super::patterns::Dual;
use regex::Regex;
use std::sync::LazyLock;

/// The entropy a paired value must exceed.
const LIMIT: f64 = 4.8;
/// Neighbouring lines longer than this are not read for keywords.
const MAX_KEYWORD_LINE_CHARS: usize = 500;
/// How many lines on each side detect-secrets hands a plugin as context.
const CONTEXT_LINES: usize = 5;

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| unreachable!("valid literal: {e}"))
}

const KEY: &str = r#"\w*(?:[\]'"]{0,2})?"#;
const VALUE: &str = r#"[a-zA-Z0-9_!@#%^&](?:[^\x0b'"]*[^\x0b,'"`])?"#;
const DENY: &str = r"api[_\.\-]?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|token|_pass\b|pwd|secret|contraseña|contrasena|recaptcha_.*key|nessus_?key";

/// `key: value` / `"key": value` / `key = value`: the value (YAML, JSON, Terraform).
static VALUE_AFTER: [Dual; 3] = [
    Dual::new(|| format!(r"(?i)\s*(?:{KEY})?:\s*{}", any_quote_value())),
    Dual::new(|| format!(r#"(?i)\s*"(?:{KEY})?":\s*(?:"({VALUE})"|({VALUE}))"#)),
    Dual::new(|| format!(r"(?i)\s*(?:{KEY})?=\s*{}", any_quote_value())),
];

fn any_quote_value() -> String {
    format!(r#"(?:"({VALUE})"|'({VALUE})'|`({VALUE})`|({VALUE}))"#)
}

/// The same shapes with a credential name as the value (`name: DB_PASSWORD`).
static KEYWORD_AFTER: [Dual; 3] = [
    Dual::new(|| format!(r"(?i)\s*(?:{KEY})?:\s*{}", any_quote_keyword())),
    Dual::new(|| {
        format!(
            r#"(?i)\s*"(?:{KEY})?":\s*(?:{}|{})"#,
            quoted_keyword("\""),
            keyword_word()
        )
    }),
    Dual::new(|| format!(r"(?i)\s*(?:{KEY})?=\s*{}", any_quote_keyword())),
];

fn keyword_word() -> String {
    format!(r"\w*(?:{DENY})")
}

fn quoted_keyword(q: &str) -> String {
    format!(r#"{q}{}\w*[\]'"]{{0,2}}{q}"#, keyword_word())
}

fn any_quote_keyword() -> String {
    format!(
        "(?:{}|{}|{}|{})",
        quoted_keyword("\""),
        quoted_keyword("'"),
        quoted_keyword("`"),
        keyword_word()
    )
}

static YAML_INDENT: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:-?\s+)?"));
static YAML_COMMENT: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:#|//)"));
static JSON_START: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^\s*\{)|(?:\{\s*\}?\s*,?\s*$)"));
static JSON_START_OF_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\{"));
static JSON_END: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^\s*\}\s*)|(?:\{?\s*\}\s*,?\s*$)"));
static JSON_WHOLE_INLINE: LazyLock<Regex> = LazyLock::new(|| re(r"\{[^{]*\{?\s*\}\s*,?\s*$"));
static TF_START: Dual = Dual::new(|| r"^\s*\w*\s*=?\s*\{\s*$".to_owned());
static TF_END: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\}\s*$"));
static TF_COMMENT: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:#|//)"));

/// The object syntaxes Checkov tries for a file type, in its order (Terraform files may
/// embed JSON and YAML in heredocs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml = 0,
    Json = 1,
    Terraform = 2,
}

fn syntaxes(file_type: FileType) -> &'static [Syntax] {
    match file_type {
        FileType::Yaml => &[Syntax::Yaml],
        FileType::Json => &[Syntax::Json],
        FileType::Terraform => &[Syntax::Terraform, Syntax::Json, Syntax::Yaml],
        FileType::Other => &[],
    }
}

/// A window of lines around a target, as detect-secrets' `get_code_snippet` cuts it.
struct Window<'a> {
    lines: &'a [&'a str],
    target: usize,
}

fn window<'a>(lines: &'a [&'a str], index: usize) -> Window<'a> {
    let end = (index + CONTEXT_LINES + 1).min(lines.len());
    let (start, target) = if lines.len() > CONTEXT_LINES && index > CONTEXT_LINES {
        (index - CONTEXT_LINES, CONTEXT_LINES)
    } else {
        (0, index)
    };
    Window {
        lines: lines.get(start..end.max(start)).unwrap_or(&[]),
        target,
    }
}

/// The values on line `index` of `lines` (the scanned lines; `raw` the file as written)
/// that Checkov pairs with a keyword on a neighbouring line of the same object.
pub(super) fn paired_values(
    file_type: FileType,
    lines: &[&str],
    raw: &[&str],
    index: usize,
    base64_strings: impl Fn(&str, f64) -> Vec<String>,
) -> Vec<String> {
    let context = window(lines, index);
    let raw_context = window(raw, index);
    let Some(target) = context.lines.get(context.target).copied() else {
        return Vec::new();
    };
    for syntax in syntaxes(file_type) {
        let s = *syntax as usize;
        let Some(value) = VALUE_AFTER.get(s).and_then(|r| r.first_group(target)) else {
            continue;
        };
        let found = base64_strings(&json_string(value), LIMIT);
        if found.is_empty() {
            continue;
        }
        let forward = context.target + 1..context.lines.len();
        let backward = (0..context.target).rev();
        let mut neighbours = same_object(*syntax, &raw_context, forward.collect());
        neighbours.extend(same_object(*syntax, &raw_context, backward.collect()));
        let keyword = KEYWORD_AFTER.get(s);
        if neighbours
            .iter()
            .any(|l| keyword.is_some_and(|k| k.is_match(l)))
        {
            return found;
        }
    }
    Vec::new()
}

/// The lines of `order` that Checkov counts as the target's object, or none when the
/// search meets no object boundary.
fn same_object<'a>(syntax: Syntax, raw: &Window<'a>, order: Vec<usize>) -> Vec<&'a str> {
    let mut out = Vec::new();
    let Some(target) = raw.lines.get(raw.target).copied() else {
        return out;
    };
    for j in order {
        let Some(line) = raw.lines.get(j).copied() else {
            // Checkov fails on the whole file here; finding nothing is the closest.
            return Vec::new();
        };
        if line.chars().count() + 1 > MAX_KEYWORD_LINE_CHARS {
            continue;
        }
        let (same, comment, boundary) = match syntax {
            Syntax::Yaml => {
                let indent = yaml_indent(line);
                (
                    indent.0 == yaml_indent(target).0,
                    YAML_COMMENT.is_match(line),
                    indent.1,
                )
            }
            Syntax::Json => (
                json_same_object(raw, j, target),
                false,
                json_start(line) || json_end(line),
            ),
            Syntax::Terraform => (
                true,
                TF_COMMENT.is_match(line),
                TF_START.is_match(line) || TF_END.is_match(line),
            ),
        };
        if same && !comment {
            out.push(line);
            if boundary {
                return out;
            }
        }
    }
    Vec::new()
}

/// The indentation of a YAML line (counting the line break a blank line is made of) and
/// whether it starts a list item.
fn yaml_indent(line: &str) -> (usize, bool) {
    let with_break = format!("{line}\n");
    YAML_INDENT.find(&with_break).map_or((0, false), |m| {
        (m.as_str().chars().count(), m.as_str().contains('-'))
    })
}

fn json_start(line: &str) -> bool {
    JSON_START.is_match(line) && !JSON_WHOLE_INLINE.is_match(line)
}

fn json_end(line: &str) -> bool {
    JSON_END.is_match(line) && !JSON_WHOLE_INLINE.is_match(line)
}

fn json_same_object(raw: &Window<'_>, other: usize, target: &str) -> bool {
    let Some(other_line) = raw.lines.get(other).copied() else {
        return false;
    };
    let (higher, lower) = if other > raw.target {
        (target, other_line)
    } else {
        (other_line, target)
    };
    if json_end(higher) || JSON_START_OF_LINE.is_match(lower) {
        return false;
    }
    if json_start(higher) {
        return JSON_START_OF_LINE.is_match(higher);
    }
    true
}

/// `value` as Python's `json.dumps` writes it (ASCII only, quoted).
fn json_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (' '..='\u{7f}').contains(&c) => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_pythons() {
        assert_eq!(json_string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(json_string("é"), r#""\u00e9""#);
        assert_eq!(json_string("\u{7f}\u{1}"), "\"\u{7f}\\u0001\"");
    }

    #[test]
    fn windows_are_detect_secrets_snippets() {
        let lines: Vec<&str> = (0..20).map(|_| "x").collect();
        let w = window(&lines, 2);
        assert_eq!((w.lines.len(), w.target), (8, 2));
        let w = window(&lines, 10);
        assert_eq!((w.lines.len(), w.target), (11, 5));
        let w = window(&lines, 19);
        assert_eq!((w.lines.len(), w.target), (6, 5));
        let short = ["a", "b"];
        let w = window(&short, 1);
        assert_eq!((w.lines.len(), w.target), (2, 1));
    }

    #[test]
    fn yaml_indentation_counts_list_markers() {
        assert_eq!(yaml_indent("    - name: x"), (6, true));
        assert_eq!(yaml_indent("      value: y"), (6, false));
        assert_eq!(yaml_indent(""), (1, false));
    }
}
