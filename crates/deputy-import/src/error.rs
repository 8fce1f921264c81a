//! The one error a report can fail with, and the JSON decoding that produces it.

use serde::Deserialize;
use std::fmt::{self, Write as _};

/// Why a report could not be imported, and where in the report.
///
/// `json_path` is always set (`$` for the whole document); `line` and `column` are set
/// when the JSON parser knew the position, i.e. for syntax errors and wrong types, but
/// not for semantic errors found after decoding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at `{json_path}`{}: {message}", Position(*.line, *.column))]
pub struct ImportError {
    /// Where the error is, written `$.runs[0].results[3].ruleId`.
    pub json_path: String,
    /// 1-based line of the error in the report, when known.
    pub line: Option<usize>,
    /// 1-based column of the error in the report, when known.
    pub column: Option<usize>,
    /// What is wrong, lowercase, with user input in backticks.
    pub message: String,
}

impl ImportError {
    /// A semantic error at `json_path`, which has no line or column.
    pub(crate) fn at(json_path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            json_path: json_path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    fn from_json(json_path: String, err: &serde_json::Error) -> Self {
        // serde_json reports line 0 for errors it cannot place.
        let (line, column) = match err.line() {
            0 => (None, None),
            line => (Some(line), Some(err.column())),
        };
        Self {
            json_path,
            line,
            column,
            message: describe(err),
        }
    }
}

/// An error found by looking at the raw bytes, positioned at byte offset `at`.
pub(crate) fn at_byte(bytes: &[u8], at: usize, json_path: &str, message: &str) -> ImportError {
    let before = bytes.get(..at).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    ImportError {
        json_path: json_path.to_owned(),
        line: Some(line),
        column: Some(column),
        message: message.to_owned(),
    }
}

/// Renders ` (line 12, column 5)`, or nothing when the position is unknown.
struct Position(Option<usize>, Option<usize>);

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (Some(line), Some(column)) => write!(f, " (line {line}, column {column})"),
            (Some(line), None) => write!(f, " (line {line})"),
            _ => Ok(()),
        }
    }
}

/// The parser's message without its own position suffix, which [`ImportError`] renders.
fn describe(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let core = text.strip_suffix(&suffix).unwrap_or(&text);
    match err.classify() {
        serde_json::error::Category::Eof => {
            format!("unexpected end of input, the report looks truncated ({core})")
        }
        serde_json::error::Category::Syntax => format!("invalid JSON: {core}"),
        serde_json::error::Category::Data | serde_json::error::Category::Io => core.to_owned(),
    }
}

/// Decodes a whole JSON document into `T`.
///
/// The fast path decodes without tracking where the decoder is; only when that fails is
/// the document decoded again through `serde_path_to_error` to name the failing path. The
/// second pass fails at the same place, since decoding is deterministic.
pub(crate) fn decode<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, ImportError> {
    let first = match serde_json::from_slice::<T>(bytes) {
        Ok(value) => return Ok(value),
        Err(err) => err,
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(err) => Err(ImportError::from_json(render(err.path()), err.inner())),
        // Decoding the value succeeded, so the first pass failed after it: trailing data.
        Ok(_) => Err(ImportError::from_json(
            "$".to_owned(),
            &de.end().err().unwrap_or(first),
        )),
    }
}

/// Renders a decoder path as `$.runs[0].tool.driver["security-severity"]`.
fn render(path: &serde_path_to_error::Path) -> String {
    let mut out = String::from("$");
    for segment in path {
        match segment {
            serde_path_to_error::Segment::Seq { index } => push_index(&mut out, *index),
            serde_path_to_error::Segment::Map { key } => push_key(&mut out, key),
            serde_path_to_error::Segment::Enum { variant } => push_key(&mut out, variant),
            serde_path_to_error::Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

/// Appends `[index]` to a JSON path.
pub(crate) fn push_index(path: &mut String, index: usize) {
    let _ = write!(path, "[{index}]");
}

/// Appends `.key` to a JSON path, or `["key"]` when the key is not a plain identifier.
pub(crate) fn push_key(path: &mut String, key: &str) {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        path.push('.');
        path.push_str(key);
    } else {
        path.push_str("[\"");
        for c in key.chars() {
            if c == '"' || c == '\\' {
                path.push('\\');
            }
            path.push(c);
        }
        path.push_str("\"]");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_path_and_position() {
        let mut e = ImportError::at("$.runs[0].results[3]", "result has no rule id");
        assert_eq!(
            e.to_string(),
            "at `$.runs[0].results[3]`: result has no rule id"
        );
        e.line = Some(12);
        e.column = Some(5);
        assert_eq!(
            e.to_string(),
            "at `$.runs[0].results[3]` (line 12, column 5): result has no rule id"
        );
    }

    #[test]
    fn keys_that_are_not_identifiers_are_bracketed() {
        let mut p = String::from("$");
        push_key(&mut p, "properties");
        push_key(&mut p, "security-severity");
        push_index(&mut p, 2);
        push_key(&mut p, "say \"hi\"");
        assert_eq!(p, r#"$.properties["security-severity"][2]["say \"hi\""]"#);
    }

    #[test]
    fn trailing_data_is_an_error_at_the_root() {
        let e = decode::<serde_json::Value>(b"{} x").err();
        assert_eq!(e.as_ref().map(|e| e.json_path.as_str()), Some("$"));
        assert_eq!(e.and_then(|e| e.line), Some(1));
    }
}
