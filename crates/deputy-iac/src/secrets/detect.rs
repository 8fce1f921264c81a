//! The detectors: AWS keys, and base64 strings of high entropy under Checkov's keyword
//! rules, each followed by detect-secrets' heuristic filters.
//!
//! A file is read line by line (YAML files through [`super::yaml::transform`] first). On
//! every line the AWS detector looks for access key ids and for 40-character secret keys
//! named as AWS keys. The entropy detector depends on the file: in IaC files (everything
//! Checkov's secrets scan reads except source code) a base64 string is reported only when
//! the line names a credential (`password = "…"`, `API_KEY="…"`) and the value's Shannon
//! entropy over the base64 alphabet exceeds 3.0, or when it exceeds 4.8 and a neighbouring
//! line of the same object names one ([`super::multiline`]); in source files any quoted
//! base64 string over 4.8 is, or over 3.3 when the line names a credential.

use super::patterns::{
    self, AWS_KEY_ID, AWS_KEY_PAIR_DELIMITER, AWS_SECRET_KEY, BASE64_STRING, ID_NAME,
    KEYWORD_ALLOWLIST, KEYWORD_AS_VALUE, NAME_SETTING, SNAKE_CASE_WORDS, UUID,
};
use std::collections::BTreeMap;

/// What a detector found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// detect-secrets' `AWS Access Key` (Checkov's `CKV_SECRET_2`).
    AwsAccessKey,
    /// detect-secrets' `Base64 High Entropy String` (Checkov's `CKV_SECRET_6`).
    Base64HighEntropy,
}

impl Kind {
    /// detect-secrets' name for the secret type, which is also the resource type checks
    /// target.
    pub fn name(self) -> &'static str {
        match self {
            Kind::AwsAccessKey => "AWS Access Key",
            Kind::Base64HighEntropy => "Base64 High Entropy String",
        }
    }
}

/// One secret found: its kind, its 1-based line and the SHA-1 of its value (hex). The
/// value itself is dropped as soon as it is hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    pub line: u32,
    pub hash: String,
}

/// How detect-secrets treats a file, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileType {
    Terraform,
    Yaml,
    Json,
    Other,
}

impl FileType {
    pub fn of(path: &str) -> FileType {
        let name = path.rsplit('/').next().unwrap_or(path);
        // Python's `os.path.splitext`: leading dots do not start an extension.
        let trimmed = name.trim_start_matches('.');
        let ext = trimmed
            .rfind('.')
            .and_then(|i| trimmed.get(i..))
            .unwrap_or("");
        match ext {
            ".tf" => FileType::Terraform,
            ".yaml" | ".yml" | ".eyaml" => FileType::Yaml,
            ".json" => FileType::Json,
            _ => FileType::Other,
        }
    }
}

/// Checkov's list of source-code extensions (compared with the text after a path's last
/// dot, written with a dot): files with these get the stricter source-code entropy rules.
/// `go` and `cs` are written without their dot there, so they never match.
const SOURCE_CODE_EXTENSIONS: [&str; 13] = [
    ".py",
    ".js",
    ".properties",
    ".pem",
    ".php",
    ".xml",
    ".ts",
    ".env",
    ".java",
    ".rb",
    "go",
    "cs",
    ".txt",
];

fn is_source_code(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    SOURCE_CODE_EXTENSIONS
        .iter()
        .any(|e| e.strip_prefix('.') == Some(last))
}

/// Lines shorter than this (after trimming) are not scanned (detect-secrets'
/// `MIN_LINE_LENGTH`).
const MIN_LINE_CHARS: usize = 5;
/// Lines longer than this are not scanned (`MAX_LINE_LENGTH`).
const MAX_LINE_CHARS: usize = 100_000;
/// Lines longer than this are not searched for high-entropy strings (Checkov's
/// combinator limit, for speed).
const MAX_ENTROPY_LINE_CHARS: usize = 10_000;
/// The entropy a base64 string must exceed: in IaC files with a keyword; in source files
/// with a keyword (`+ 0.3`); in source files without one.
const IAC_LIMIT: f64 = 3.0;
const SOURCE_KEYWORD_LIMIT: f64 = 3.3;
const SOURCE_LIMIT: f64 = 4.8;

/// Splits text into lines as Python's universal newlines do (`\n`, `\r\n`, `\r`).
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find(['\n', '\r']) {
            Some(i) => {
                out.push(rest.get(..i).unwrap_or(""));
                let skip = if rest.get(i..i + 2) == Some("\r\n") {
                    2
                } else {
                    1
                };
                rest = rest.get(i + skip..).unwrap_or("");
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// Scans one file's text. `path` is the file's path (its extension and name decide the
/// rules). Results are in line order, at most one per (line, value), AWS keys preferred.
pub fn scan_text(path: &str, text: &str) -> Vec<Found> {
    let raw = split_lines(text);
    let file_type = FileType::of(path);
    let transformed = match file_type {
        FileType::Yaml => super::yaml::transform(text, &raw),
        _ => None,
    };
    let owned: Vec<&str>;
    let lines: &[&str] = match &transformed {
        Some(t) => {
            owned = t.iter().map(String::as_str).collect();
            &owned
        }
        None => &raw,
    };
    let source = is_source_code(path);
    // detect-secrets keeps one finding per (value, type) per file: the first line wins.
    let mut first: BTreeMap<(String, Kind), u32> = BTreeMap::new();
    for (i, full) in lines.iter().enumerate() {
        let line = full.trim();
        let chars = line.chars().count();
        if !(MIN_LINE_CHARS..=MAX_LINE_CHARS).contains(&chars) {
            continue;
        }
        let previous = i.checked_sub(1).and_then(|p| lines.get(p)).copied();
        if allowlisted(file_type, line, previous.unwrap_or("")) {
            continue;
        }
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let mut values: Vec<(Kind, String)> = aws_keys(line)
            .into_iter()
            .filter(|v| !filtered(v))
            .map(|v| (Kind::AwsAccessKey, v))
            .collect();
        if chars <= MAX_ENTROPY_LINE_CHARS {
            let context = Context {
                lines,
                raw: &raw,
                index: i,
                file_type,
            };
            values.extend(
                entropy_strings(line, source, &context)
                    .into_iter()
                    .filter(|v| !filtered(v) && !likely_id(v, line))
                    .map(|v| (Kind::Base64HighEntropy, v)),
            );
        }
        for (kind, value) in values {
            let at = match file_type {
                FileType::Yaml => yaml_line(&raw, number, &value),
                _ => number,
            };
            first.entry((value, kind)).or_insert(at);
        }
    }
    report(first, &raw)
}

/// Turns the per-file findings into results as Checkov's report does: UUIDs and vault
/// references dropped, one result per (line, value) with AWS keys preferred to entropy.
fn report(first: BTreeMap<(String, Kind), u32>, raw: &[&str]) -> Vec<Found> {
    let mut all: Vec<(u32, String, Kind, bool)> = Vec::with_capacity(first.len());
    for ((value, kind), line) in first {
        let vault = kind == Kind::Base64HighEntropy && value.to_lowercase().contains("vault:");
        if UUID.is_match(&value) || vault {
            continue;
        }
        let text = raw
            .get((line as usize).saturating_sub(1))
            .copied()
            .unwrap_or("");
        let hash = sha1_hex(&value);
        all.push((line, hash, kind, text.starts_with("git_commit")));
    }
    all.sort();
    let mut out: Vec<Found> = Vec::with_capacity(all.len());
    for (line, hash, kind, skipped) in all {
        if skipped || out.iter().any(|f: &Found| f.line == line && f.hash == hash) {
            continue;
        }
        out.push(Found { kind, line, hash });
    }
    out
}

fn sha1_hex(value: &str) -> String {
    use sha1::{Digest, Sha1};
    hex::encode(Sha1::digest(value.as_bytes()))
}

/// Whether the line, or a `nextline` pragma on the line before, allowlists it.
fn allowlisted(file_type: FileType, line: &str, previous: &str) -> bool {
    if !line.contains("pragma") && !previous.contains("pragma") {
        return false;
    }
    let take = if file_type == FileType::Yaml {
        1
    } else {
        usize::MAX
    };
    patterns::ALLOWLIST_SAME_LINE
        .iter()
        .take(take)
        .any(|re| re.is_match(line))
        || patterns::ALLOWLIST_NEXT_LINE
            .iter()
            .take(take)
            .any(|re| re.is_match(previous))
}

/// The AWS detector: every access key id, then every named secret key, on the line.
/// Literal checks first skip the patterns on lines that cannot match them.
fn aws_keys(line: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if ["A3T", "ABIA", "ACCA", "AKIA", "ASIA"]
        .iter()
        .any(|p| line.contains(p))
    {
        out.extend(AWS_KEY_ID.all_matches(line).into_iter().map(str::to_owned));
    }
    // Under `(?i)`, `s` also matches the long s `ſ`; no other character folds to `a`,
    // `w` or `s`.
    if line.to_ascii_lowercase().replace('ſ', "s").contains("aws") {
        out.extend(
            AWS_SECRET_KEY
                .all_groups(line)
                .into_iter()
                .map(str::to_owned),
        );
    }
    out.sort();
    out.dedup();
    out
}

/// detect-secrets' value filters, for every detector: sequential strings
/// (`ABCDEF…`, `0123…`), templates (`{x}`, `<x>`, `${x}`), values starting with `$`, and
/// values without a letter.
fn filtered(value: &str) -> bool {
    sequential(value)
        || templated(value)
        || value.starts_with('$')
        || !value.chars().any(|c| c.is_ascii_alphabetic())
}

fn sequential(value: &str) -> bool {
    const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const DIGITS: &str = "0123456789";
    const HEX: &str = "0123456789ABCDEF";
    let sequences = [
        format!("{UPPER}{UPPER}{DIGITS}+/"),
        format!("{DIGITS}{UPPER}{UPPER}+/"),
        format!("{DIGITS}{UPPER}{DIGITS}{UPPER}"),
        format!("{DIGITS}{DIGITS}"),
        format!("{HEX}{HEX}"),
        format!("{UPPER}=/"),
    ];
    let upper = value.to_uppercase();
    sequences.iter().any(|s| s.contains(&upper))
}

fn templated(value: &str) -> bool {
    let mut chars = value.chars();
    let (Some(first), Some(last)) = (chars.next(), value.chars().last()) else {
        return true;
    };
    if value.chars().count() < 2 && first == '$' {
        // detect-secrets indexes past the end here, which it counts as a template.
        return true;
    }
    (first == '{' && last == '}')
        || (first == '<' && last == '>')
        || (first == '$' && chars.next() == Some('{') && last == '}')
}

/// detect-secrets' `is_likely_id_string`, for the entropy detector only: an id-like name
/// (`id`, `user_id`, `ids`…) before the value on the line.
fn likely_id(value: &str, line: &str) -> bool {
    line.find(value)
        .and_then(|i| line.get(..i))
        .is_some_and(|before| ID_NAME.is_match(before))
}

/// For YAML, detect-secrets moves a finding to the first raw line, from its own on, that
/// holds the value.
fn yaml_line(raw: &[&str], line: u32, value: &str) -> u32 {
    let start = (line as usize).saturating_sub(1);
    raw.iter()
        .skip(start)
        .position(|l| l.contains(value))
        .map_or(line, |offset| {
            line.saturating_add(u32::try_from(offset).unwrap_or(u32::MAX))
        })
}

/// Where a line sits in its file, for the rules that look around it.
struct Context<'a> {
    /// The lines scanned (for YAML, possibly transformed).
    lines: &'a [&'a str],
    raw: &'a [&'a str],
    index: usize,
    file_type: FileType,
}

impl Context<'_> {
    /// Whether a Terraform `data` block opens within the five raw lines above, where
    /// Checkov takes a keyword's value for a lookup, not a hard-coded secret.
    fn after_data_block(&self) -> bool {
        let start = self.index.saturating_sub(5);
        self.raw
            .get(start..self.index.min(self.raw.len()))
            .unwrap_or(&[])
            .iter()
            .any(|l| l.trim_start().starts_with("data \""))
    }
}

/// The value a credential-sounding name is given on the line, if any (detect-secrets'
/// `KeywordDetector`; when several match, the last pattern's).
fn keyword_value(line: &str, file_type: FileType) -> Option<String> {
    let lower = line.to_lowercase();
    if KEYWORD_ALLOWLIST.iter().any(|a| lower.contains(a)) {
        return None;
    }
    // The long s `ſ` matches `s` under `(?i)`; it is its own lower case.
    let lower = lower.replace('ſ', "s");
    // Every keyword holds one of these stems: most lines are settled without a pattern.
    const STEMS: [&str; 6] = ["key", "pass", "pwd", "token", "secret", "contrase"];
    if !STEMS.iter().any(|s| lower.contains(s)) {
        return None;
    }
    patterns::keyword_patterns(file_type)
        .into_iter()
        .rev()
        .filter_map(|p| p.first_value(line))
        .find(|v| !v.is_empty())
        .map(str::to_owned)
}

/// The high-entropy base64 strings Checkov's entropy-keyword combinator reports on a
/// line.
fn entropy_strings(line: &str, source: bool, cx: &Context<'_>) -> Vec<String> {
    let keyword = keyword_value(line, cx.file_type);
    if source {
        let normalised = AWS_KEY_PAIR_DELIMITER.replace_all(line, "$1=");
        let limit = if keyword.is_some() {
            SOURCE_KEYWORD_LIMIT
        } else {
            SOURCE_LIMIT
        };
        let found = base64_strings(&normalised, limit);
        return without_false_positives(found, &normalised, true);
    }
    let Some(value) = keyword else {
        let found = super::multiline::paired_values(
            cx.file_type,
            cx.lines,
            cx.raw,
            cx.index,
            base64_strings,
        );
        return found;
    };
    let quoted = format!("\"{value}\"");
    if cx.file_type == FileType::Terraform {
        let found = base64_strings(&quoted, IAC_LIMIT);
        if !found.is_empty() && cx.after_data_block() {
            return Vec::new();
        }
        return without_false_positives(found, line, false);
    }
    let line = if line.contains(&quoted) {
        line.to_owned()
    } else {
        line.replacen(&value, &quoted, 1)
    };
    let found = base64_strings(&line, IAC_LIMIT);
    without_false_positives(found, &line, false)
}

/// The quoted base64 strings of `line` whose entropy exceeds `limit`.
fn base64_strings(line: &str, limit: f64) -> Vec<String> {
    let mut out: Vec<String> = BASE64_STRING
        .captures_iter(line)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .filter(|s| entropy(s) > limit)
        .map(str::to_owned)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Shannon entropy of `s` over the base64 alphabet, as detect-secrets computes it: 0 for
/// strings shorter than 8 characters or with fewer than 4 distinct alphabet characters.
pub(crate) fn entropy(s: &str) -> f64 {
    let len = s.chars().count();
    if len < 8 {
        return 0.0;
    }
    let mut counts: BTreeMap<char, usize> = BTreeMap::new();
    for c in s.chars().filter(|c| patterns::is_base64_char(*c)) {
        *counts.entry(c).or_default() += 1;
    }
    if counts.len() < 4 {
        return 0.0;
    }
    counts
        .values()
        .map(|n| {
            let p = *n as f64 / len as f64;
            -p * p.log2()
        })
        .sum()
}

/// Checkov's `remove_fp_secrets_in_keys`: drops values that are the start of the line's
/// text (a keyword taken for a value), that precede a secret-name setting, that are also
/// part of the key in source files, or that look like `snake_case_names`.
fn without_false_positives(found: Vec<String>, line: &str, source: bool) -> Vec<String> {
    let formatted: String = line.chars().filter(|c| !matches!(c, '"' | '\'')).collect();
    found
        .into_iter()
        .filter(|value| {
            let processed = processed_line(&formatted, value);
            if processed.starts_with(value.as_str()) {
                return false;
            }
            if !processed.is_empty() && NAME_SETTING.is_match(processed) {
                return false;
            }
            if source
                && KEYWORD_AS_VALUE.is_match(processed)
                && let Some((key, rest)) = line.split_once('=')
                && key.contains(value.as_str())
                && rest.contains(value.as_str())
            {
                return false;
            }
            !SNAKE_CASE_WORDS.is_match(value) || value.contains("SECRET")
        })
        .collect()
}

/// The part of the (unquoted) line Checkov inspects for a value: from the value on when a
/// `:` follows its last occurrence, else the whole line.
fn processed_line<'l>(formatted: &'l str, value: &str) -> &'l str {
    if formatted.starts_with(value) {
        return formatted;
    }
    let after_last = formatted
        .rfind(value)
        .map_or(value.len().saturating_sub(1), |i| i + value.len());
    let colon_after = formatted
        .get(after_last..)
        .is_some_and(|rest| rest.contains(':'));
    if colon_after {
        formatted
            .find(value)
            .and_then(|i| formatted.get(i..))
            .unwrap_or("")
    } else {
        formatted
    }
}
