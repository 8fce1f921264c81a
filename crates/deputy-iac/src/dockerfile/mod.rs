//! The Dockerfile front end: one [`Resource`] per Dockerfile (kind `Dockerfile`,
//! [`BlockKind::File`]), addressed `/<path>.` and spanning the whole file, as Checkov
//! reports file-level results.
//!
//! The config is a map:
//!
//! * `instructions`: a list, in file order, of maps with
//!   * `instruction`: the keyword, upper-cased (`RUN`, `FROM`, …);
//!   * `value`: the arguments as one string, continuation lines joined (the escape
//!     character and its line break removed, comment lines inside the continuation
//!     dropped), followed by each heredoc body on its own lines;
//!   * `args`: for the JSON (exec) form `["a", "b"]`, the list of strings; absent for the
//!     shell form;
//!   * `start`, `end`: the 1-based lines the instruction covers, continuations and
//!     heredoc bodies included;
//!   * `stage`: the 0-based index of the build stage (`FROM`) it belongs to; instructions
//!     before the first `FROM` (`ARG`) have none.
//! * `stages`: one map per `FROM`: `image`, `alias` (the `AS` name or null), `platform`
//!   (the `--platform` flag or null) and `line`.
//! * `comments`: every comment line outside parser directives as `{line, text}` (the text
//!   after `#`), for inline suppressions.
//! * `directives`: the parser directives at the top of the file (`syntax`, `escape`,
//!   `check`) as a map.
//!
//! Checks report on an instruction with the address `/<path>.<INSTRUCTION>` and its
//! lines, or on the file with `/<path>.` (see [`instruction_address`]).

use crate::model::{BlockKind, Framework, Parsed, Resource, SourceFile, Span, Value};
use indexmap::IndexMap;

/// Parses one file into resources.
pub fn parse(file: &SourceFile) -> Parsed {
    let lines: Vec<&str> = file.text.lines().collect();
    let total = u32::try_from(lines.len()).unwrap_or(u32::MAX).max(1);
    let mut config = IndexMap::new();
    let parsed = read(&lines);
    config.insert("instructions".into(), Value::List(parsed.instructions));
    config.insert("stages".into(), Value::List(parsed.stages));
    config.insert("comments".into(), Value::List(parsed.comments));
    config.insert("directives".into(), Value::Map(parsed.directives));
    Parsed {
        resources: vec![Resource {
            framework: Framework::Dockerfile,
            block: BlockKind::File,
            kind: "Dockerfile".into(),
            address: format!("/{}.", file.path),
            file: file.path.clone(),
            span: Span::new(1, total),
            caller: None,
            config: Value::Map(config),
        }],
        diagnostics: Vec::new(),
    }
}

/// The address Checkov gives a result on one instruction of the Dockerfile `r`:
/// `/<path>.<INSTRUCTION>`.
pub fn instruction_address(file: &str, instruction: &str) -> String {
    format!("/{file}.{instruction}")
}

#[derive(Debug, Default)]
struct Read {
    instructions: Vec<Value>,
    stages: Vec<Value>,
    comments: Vec<Value>,
    directives: IndexMap<String, Value>,
}

fn line_no(i: usize) -> Value {
    Value::Number((i + 1) as f64)
}

/// A parser directive line: `# name=value` with a known name.
fn directive(line: &str) -> Option<(String, String)> {
    let body = line.trim().strip_prefix('#')?;
    let (name, value) = body.split_once('=')?;
    let name = name.trim().to_ascii_lowercase();
    if ["syntax", "escape", "check"].contains(&name.as_str()) {
        Some((name, value.trim().to_owned()))
    } else {
        None
    }
}

/// The heredoc delimiters an instruction opens (`<<EOF`, `<<-"EOF"`), with whether
/// leading tabs are stripped from the terminator line.
fn heredocs(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("<<") {
        let after = rest.get(i + 2..).unwrap_or("");
        let (dash, word) = match after.strip_prefix('-') {
            Some(w) => (true, w),
            None => (false, after),
        };
        let word = word.trim_start_matches(['"', '\'']);
        let name: String = word
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && name.chars().next().is_some_and(|c| !c.is_ascii_digit()) {
            out.push((name, dash));
        }
        rest = after;
    }
    out
}

fn read(lines: &[&str]) -> Read {
    let mut out = Read::default();
    let mut escape = '\\';
    let mut i = 0;
    // Parser directives come first; any other line ends them.
    while let Some(line) = lines.get(i) {
        match directive(line) {
            Some((name, value)) => {
                if name == "escape" && value.chars().count() == 1 {
                    escape = value.chars().next().unwrap_or('\\');
                }
                out.directives.insert(name, Value::String(value));
                i += 1;
            }
            None => break,
        }
    }
    while let Some(line) = lines.get(i) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            i += 1;
            continue;
        }
        if let Some(comment) = trimmed.strip_prefix('#') {
            let mut c = IndexMap::new();
            c.insert("line".into(), line_no(i));
            c.insert("text".into(), Value::String(comment.trim().to_owned()));
            out.comments.push(Value::Map(c));
            i += 1;
            continue;
        }
        let start = i;
        let (keyword, first) = match trimmed.split_once(char::is_whitespace) {
            Some((k, rest)) => (k, rest.trim_start()),
            None => (trimmed, ""),
        };
        let keyword = keyword.to_ascii_uppercase();
        let mut value = String::new();
        let mut current = first.to_owned();
        // Follow continuation lines: a line ending in the escape character goes on, and
        // blank or comment lines inside the continuation are dropped, as Docker does.
        loop {
            let stripped = current.trim_end();
            match stripped.strip_suffix(escape) {
                Some(head) if i + 1 < lines.len() => {
                    value.push_str(head);
                    i += 1;
                    while let Some(next) = lines.get(i) {
                        let t = next.trim();
                        if (t.is_empty() || t.starts_with('#')) && i + 1 < lines.len() {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    current = lines.get(i).map(|l| (*l).to_owned()).unwrap_or_default();
                }
                Some(head) => {
                    value.push_str(head);
                    break;
                }
                None => {
                    value.push_str(stripped);
                    break;
                }
            }
        }
        let mut end = i;
        // Heredoc bodies (BuildKit): the lines after the instruction up to each delimiter.
        if ["RUN", "COPY", "ADD"].contains(&keyword.as_str()) {
            for (word, dash) in heredocs(&value) {
                let mut body = Vec::new();
                while let Some(next) = lines.get(end + 1) {
                    end += 1;
                    let t = if dash {
                        next.trim_start_matches('\t')
                    } else {
                        next
                    };
                    if t.trim_end() == word {
                        break;
                    }
                    body.push(*next);
                }
                if !body.is_empty() {
                    value.push('\n');
                    value.push_str(&body.join("\n"));
                }
            }
        }
        i = end + 1;
        let mut ins = IndexMap::new();
        ins.insert("instruction".into(), Value::String(keyword.clone()));
        ins.insert("value".into(), Value::String(value.clone()));
        if let Some(args) = exec_form(&value) {
            ins.insert("args".into(), args);
        }
        ins.insert("start".into(), line_no(start));
        ins.insert("end".into(), line_no(end));
        if keyword == "FROM" {
            out.stages.push(stage(&value, start));
        }
        if let Some(stage) = out.stages.len().checked_sub(1) {
            ins.insert("stage".into(), Value::Number(stage as f64));
        }
        out.instructions.push(Value::Map(ins));
    }
    out
}

/// The JSON (exec) form's arguments, when the value is a JSON array of strings.
fn exec_form(value: &str) -> Option<Value> {
    let v = value.trim();
    if !v.starts_with('[') {
        return None;
    }
    let items: Vec<String> = serde_json::from_str(v).ok()?;
    Some(Value::List(items.into_iter().map(Value::String).collect()))
}

/// A `FROM` instruction's image, alias and platform.
fn stage(value: &str, line: usize) -> Value {
    let mut platform = Value::Null;
    let mut words = Vec::new();
    for w in value.split_whitespace() {
        if let Some(p) = w.strip_prefix("--platform=") {
            platform = Value::String(p.to_owned());
        } else if !w.starts_with("--") {
            words.push(w);
        }
    }
    let image = words.first().map(|w| (*w).to_owned()).unwrap_or_default();
    let alias = match (words.get(1), words.get(2)) {
        (Some(kw), Some(name)) if kw.eq_ignore_ascii_case("as") => Value::String((*name).into()),
        _ => Value::Null,
    };
    let mut m = IndexMap::new();
    m.insert("image".into(), Value::String(image));
    m.insert("alias".into(), alias);
    m.insert("platform".into(), platform);
    m.insert("line".into(), line_no(line));
    Value::Map(m)
}

#[cfg(test)]
mod tests;
