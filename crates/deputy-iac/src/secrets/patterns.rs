//! The regular expressions the detectors use, compiled once per process.
//!
//! detect-secrets writes several of its keyword patterns with a back-reference (an opening
//! quote that the closing quote must repeat). The `regex` crate has no back-references, so
//! each such pattern is written here as an alternation over the quote characters, which
//! matches the same text: the quote is one character at one position, so at most one
//! alternative can start there, and leftmost-first matching then prefers what a
//! backtracking engine prefers.

use regex::Regex;
use std::sync::{LazyLock, OnceLock};

/// A pattern compiled on first use in one of two forms: for an ASCII haystack as a byte
/// pattern without Unicode (`(?-u)`), which compiles in a fraction of the time, and for
/// any other haystack with Python's Unicode classes. On ASCII text both match alike, so
/// the results are Python's either way; a scan of ASCII files never pays for the Unicode
/// tables.
#[derive(Debug)]
pub(crate) struct Dual {
    source: fn() -> String,
    ascii: OnceLock<regex::bytes::Regex>,
    unicode: OnceLock<Regex>,
}

/// One match's span and its first participating capture group's span.
type Spans = (std::ops::Range<usize>, Option<std::ops::Range<usize>>);

impl Dual {
    pub(crate) const fn new(source: fn() -> String) -> Dual {
        Dual {
            source,
            ascii: OnceLock::new(),
            unicode: OnceLock::new(),
        }
    }

    fn ascii(&self) -> &regex::bytes::Regex {
        self.ascii.get_or_init(|| {
            regex::bytes::Regex::new(&format!("(?-u){}", (self.source)()))
                .unwrap_or_else(|e| unreachable!("the secret patterns are valid: {e}"))
        })
    }

    fn unicode(&self) -> &Regex {
        self.unicode.get_or_init(|| {
            Regex::new(&(self.source)())
                .unwrap_or_else(|e| unreachable!("the secret patterns are valid: {e}"))
        })
    }

    /// Every match in `hay`, leftmost first, as spans.
    fn spans(&self, hay: &str, first_only: bool) -> Vec<Spans> {
        let mut out = Vec::new();
        if hay.is_ascii() {
            for c in self.ascii().captures_iter(hay.as_bytes()) {
                let whole = c.get(0).map_or(0..0, |m| m.range());
                let group = c.iter().skip(1).flatten().next().map(|m| m.range());
                out.push((whole, group));
                if first_only {
                    break;
                }
            }
        } else {
            for c in self.unicode().captures_iter(hay) {
                let whole = c.get(0).map_or(0..0, |m| m.range());
                let group = c.iter().skip(1).flatten().next().map(|m| m.range());
                out.push((whole, group));
                if first_only {
                    break;
                }
            }
        }
        out
    }

    pub(crate) fn is_match(&self, hay: &str) -> bool {
        if hay.is_ascii() {
            self.ascii().is_match(hay.as_bytes())
        } else {
            self.unicode().is_match(hay)
        }
    }

    /// The first participating capture group of the first match.
    pub(crate) fn first_group<'h>(&self, hay: &'h str) -> Option<&'h str> {
        let (_, group) = self.spans(hay, true).into_iter().next()?;
        hay.get(group?)
    }

    /// The whole text of every match.
    pub(crate) fn all_matches<'h>(&self, hay: &'h str) -> Vec<&'h str> {
        self.spans(hay, false)
            .into_iter()
            .filter_map(|(whole, _)| hay.get(whole))
            .collect()
    }

    /// The first participating capture group of every match.
    pub(crate) fn all_groups<'h>(&self, hay: &'h str) -> Vec<&'h str> {
        self.spans(hay, false)
            .into_iter()
            .filter_map(|(_, group)| group.and_then(|g| hay.get(g)))
            .collect()
    }
}

/// detect-secrets' keyword list (`DENYLIST`): names under which a value is taken for a
/// credential.
const DENY: &str = r"api[_\.\-]?key|auth_?key|service_?key|account_?key|db_?key|database_?key|priv_?key|private_?key|client_?key|db_?pass|database_?pass|key_?pass|password|passwd|token|_pass\b|pwd|secret|contraseña|contrasena|recaptcha_.*key|nessus_?key";

/// A keyword's value: starts with a word character or one of `!@#%^&`, holds no quote or
/// vertical tab, and does not end with a comma or backtick.
const VALUE: &str = r#"[a-zA-Z0-9_!@#%^&](?:[^\x0b'"]*[^\x0b,'"`])?"#;

/// Builds a pattern from a template: `DENY` becomes the keyword alternation, `VAL` a
/// captured value, and `Q(VAL)` the captured value between matching quotes.
fn build(template: &str, case_insensitive: bool) -> String {
    let quoted = format!(r#"(?:"({VALUE})"|'({VALUE})'|`({VALUE})`)"#);
    let pattern = template
        .replace("Q(VAL)", &quoted)
        .replace("VAL", &format!("({VALUE})"))
        .replace("DENY", &format!("(?:{DENY})"));
    let flags = if case_insensitive { "(?i)" } else { "" };
    format!("{flags}{pattern}")
}

/// A keyword pattern of detect-secrets' `KeywordDetector`.
pub(super) struct KeywordPattern {
    pub regex: Dual,
}

impl KeywordPattern {
    const fn new(source: fn() -> String) -> KeywordPattern {
        KeywordPattern {
            regex: Dual::new(source),
        }
    }

    /// The value the pattern captures at its first match in `line`.
    pub fn first_value<'l>(&self, line: &'l str) -> Option<&'l str> {
        self.regex.first_group(line)
    }
}

const CLOSING: &str = r#"[\]'"]{0,2}"#;

/// `api_key: "value"`.
static COLON_QUOTED: KeywordPattern =
    KeywordPattern::new(|| build(&format!(r"DENY\w*(?:{CLOSING})?:\s*Q(VAL)"), true));
/// `"value" == password` (case-sensitive, as in detect-secrets).
static PRECEDED_BY_COMPARISON: KeywordPattern =
    KeywordPattern::new(|| build(r"Q(VAL)\s*[!=]{2,3}\s*\w*DENY\w*", false));
/// `password = "value"`.
static EQUALS_QUOTED: KeywordPattern = KeywordPattern::new(|| {
    build(
        &format!(r"DENY\w*(?:{CLOSING})?\s*(?:={{1,3}}|!==?)\s*Q(VAL)"),
        true,
    )
});
/// `private_key "value";`.
static QUOTES_AND_SEMICOLON: KeywordPattern = KeywordPattern::new(|| {
    build(
        r#"DENY\w*[^\s]{0,50}?\s*(?:"(VALUE_)";|'(VALUE_)';|`(VALUE_)`;)"#
            .replace("VALUE_", VALUE)
            .as_str(),
        true,
    )
});
/// `password => "value"`.
static ARROW_QUOTED: KeywordPattern =
    KeywordPattern::new(|| build(&format!(r"DENY\w*(?:{CLOSING})?\s*=>?\s*Q(VAL)"), true));
/// `data.put("password", "value")`.
static DATA_PUT: KeywordPattern = KeywordPattern::new(|| {
    build(
        r#"data\.put\(\s*['"`]\w*DENY\w*['"`]\s*,\s*['"`]VAL['"`]\s*\)"#,
        true,
    )
});
/// `password = value`, quotes optional.
static EQUALS: KeywordPattern = KeywordPattern::new(|| {
    build(
        &format!(r"DENY\w*(?:{CLOSING})?\s*(?:={{1,3}}|!==?)\s*(?:Q(VAL)|VAL)"),
        true,
    )
});
/// `api_key: value`, quotes optional.
static COLON: KeywordPattern =
    KeywordPattern::new(|| build(&format!(r"DENY\w*(?:{CLOSING})?:\s*(?:Q(VAL)|VAL)"), true));

/// The patterns detect-secrets tries on a file type, in its order.
pub(super) fn keyword_patterns(file_type: super::detect::FileType) -> Vec<&'static KeywordPattern> {
    use super::detect::FileType;
    let quotes_required = [
        &COLON_QUOTED,
        &PRECEDED_BY_COMPARISON,
        &EQUALS_QUOTED,
        &QUOTES_AND_SEMICOLON,
        &ARROW_QUOTED,
        &DATA_PUT,
    ];
    match file_type {
        FileType::Terraform => quotes_required.into_iter().chain([&EQUALS]).collect(),
        FileType::Yaml => vec![
            &COLON,
            &PRECEDED_BY_COMPARISON,
            &EQUALS,
            &QUOTES_AND_SEMICOLON,
        ],
        FileType::Json | FileType::Other => quotes_required.to_vec(),
    }
}

/// Names that make detect-secrets ignore a line's keywords (`ALLOWLIST`), lower-cased.
pub(super) const KEYWORD_ALLOWLIST: [&str; 12] = [
    "publickeytoken",
    "tokenendpoint",
    "secretname",
    "keyvaultsecretname",
    "maxinvalidpasswordattempts",
    "passwordtype",
    "forwardwindowsauthtoken",
    "savebootstraptokens",
    "antixsrftokenkey",
    "savepwd",
    "userpwd",
    "example",
];

/// An AWS access key id: a known prefix and 16 more upper-case letters or digits.
pub(super) static AWS_KEY_ID: Dual =
    Dual::new(|| r"\b(?:A3T[A-Z0-9]|ABIA|ACCA|AKIA|ASIA)[0-9A-Z]{16}\b".to_owned());

/// A 40-character AWS secret access key named as one (`aws…key = …`).
pub(super) static AWS_SECRET_KEY: Dual = Dual::new(|| {
    r"(?i)aws.{0,20}?(?:key|pwd|pw|password|pass|token).{0,20}?\b([0-9a-zA-Z/+]{40})\b".to_owned()
});

/// The characters of a base64 string as detect-secrets counts them (its charset includes
/// the backslash).
pub(super) fn is_base64_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '\\' | '-' | '_' | '=')
}

/// A run of base64 characters after a quote, `:` or `=`, ending at a quote or the end of
/// the line (detect-secrets' quoted-string requirement).
pub(super) static BASE64_STRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"['":=]\s*([A-Za-z0-9+/\\\-_=]+)(?:['"]|$)"#)
        .unwrap_or_else(|e| unreachable!("valid literal: {e}"))
});

/// An AWS key id followed by a delimiter, in source files (CSV exports of key pairs).
pub(super) static AWS_KEY_PAIR_DELIMITER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASCA)[A-Z0-9]{16})[,\t ]+")
        .unwrap_or_else(|e| unreachable!("valid literal: {e}"))
});

/// Checkov's filter for names mistaken for base64 strings (`snake_case_words`).
pub(super) static SNAKE_CASE_WORDS: Dual =
    Dual::new(|| r"\b[A-Za-z]+_+[A-Za-z_]*[A-Za-z]\b".to_owned());

/// Checkov's filter for a keyword holding a secret's name rather than a secret.
pub(super) static NAME_SETTING: Dual = Dual::new(|| {
    r"(?:secretsmanager|secretName|secret_name|creation_token|client_secret_setting_name)\s*(?::|=)\s*\w*".to_owned()
});

/// A keyword assigned as a value (`x = MY_PASSWORD`), in source files.
pub(super) static KEYWORD_AS_VALUE: Dual = Dual::new(|| {
    let deny = format!(r"\w*(?:{DENY})");
    format!(r#"(?i)=\s*(?:"{deny}\w*{CLOSING}"|'{deny}\w*{CLOSING}'|`{deny}\w*{CLOSING}`|{deny})"#)
});

/// An id-like name before the value (`user_id = …`), detect-secrets' `is_likely_id_string`.
pub(super) static ID_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^(?:id|myid|userid)|_id)s?[^a-z0-9]")
        .unwrap_or_else(|e| unreachable!("valid literal: {e}"))
});

/// A UUID, which detect-secrets does not report as a secret.
pub(super) static UUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$")
        .unwrap_or_else(|e| unreachable!("valid literal: {e}"))
});

/// The comment syntaxes detect-secrets recognises a `pragma: allowlist secret` in: the
/// opening marker and what must close the comment. YAML files use only the first.
const COMMENTS: [(&str, &str); 6] = [
    ("#", ""),
    ("//", ""),
    (r"/\*", r" *\*/"),
    ("'", ""),
    ("--", ""),
    (r"<!--[# \t]*?", " *?-->"),
];

fn allowlist(next_line: bool) -> Vec<Regex> {
    COMMENTS
        .iter()
        .map(|(start, end)| {
            let pattern = if next_line {
                format!(r"^[ \t]*{start} *pragma: ?allowlist[ -]nextline[ -]secret.*?{end}[ \t]*$")
            } else {
                format!(r"[ \t]*{start} *pragma: ?(?:allow|white)list[ -]secret.*?{end}[ \t]*$")
            };
            Regex::new(&pattern).unwrap_or_else(|e| unreachable!("valid literal: {e}"))
        })
        .collect()
}

/// `pragma: allowlist secret` in a comment on the line itself, per comment syntax.
pub(super) static ALLOWLIST_SAME_LINE: LazyLock<Vec<Regex>> = LazyLock::new(|| allowlist(false));

/// `pragma: allowlist nextline secret` alone on the previous line, per comment syntax.
pub(super) static ALLOWLIST_NEXT_LINE: LazyLock<Vec<Regex>> = LazyLock::new(|| allowlist(true));
