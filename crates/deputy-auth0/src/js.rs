//! A small JavaScript tokenizer for the checks that read Action, Rule and custom-database
//! code: enough to find string-literal initialisers, member accesses and calls with their
//! positions (1-based line, 0-based column, as acorn reports them). It never fails: text
//! it does not understand becomes punctuation tokens.

/// One token of JavaScript source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok<'a> {
    Ident(&'a str),
    /// A quoted string literal's contents (escapes left as written).
    Str(&'a str),
    /// A template literal (never counted as a plain string literal).
    Template,
    Num,
    Punct(char),
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub tok: Tok<'a>,
    pub line: usize,
    pub column: usize,
    /// Whether a line break precedes this token (for automatic semicolon insertion).
    pub newline_before: bool,
}

/// Splits `src` into tokens, skipping comments and whitespace.
pub fn tokenize(src: &str) -> Vec<Token<'_>> {
    let bytes = src.as_bytes();
    let mut out: Vec<Token<'_>> = Vec::new();
    let (mut i, mut line, mut line_start) = (0usize, 1usize, 0usize);
    let mut newline = false;
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    while i < bytes.len() {
        let c = at(i);
        if c == b'\n' {
            line += 1;
            line_start = i + 1;
            newline = true;
            i += 1;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b'/' && at(i + 1) == b'/' {
            while i < bytes.len() && at(i) != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && at(i + 1) == b'*' {
            i += 2;
            while i < bytes.len() && !(at(i) == b'*' && at(i + 1) == b'/') {
                if at(i) == b'\n' {
                    line += 1;
                    line_start = i + 1;
                    newline = true;
                }
                i += 1;
            }
            i += 2;
            continue;
        }
        let (tline, tcol) = (line, src[line_start..i].chars().count());
        let start = i;
        let tok = if c == b'"' || c == b'\'' {
            i += 1;
            while i < bytes.len() && at(i) != c && at(i) != b'\n' {
                if at(i) == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            let end = i.min(bytes.len());
            i += 1;
            Tok::Str(src.get(start + 1..end).unwrap_or(""))
        } else if c == b'`' {
            i += 1;
            while i < bytes.len() && at(i) != b'`' {
                if at(i) == b'\\' {
                    i += 1;
                } else if at(i) == b'\n' {
                    line += 1;
                    line_start = i + 1;
                }
                i += 1;
            }
            i += 1;
            Tok::Template
        } else if c == b'/' && regex_allowed(out.last()) {
            i += 1;
            let mut in_class = false;
            while i < bytes.len() && at(i) != b'\n' {
                match at(i) {
                    b'\\' => i += 1,
                    b'[' => in_class = true,
                    b']' => in_class = false,
                    b'/' if !in_class => break,
                    _ => {}
                }
                i += 1;
            }
            i += 1;
            while at(i).is_ascii_alphabetic() {
                i += 1;
            }
            Tok::Template
        } else if c.is_ascii_alphabetic() || c == b'_' || c == b'$' || c >= 0x80 {
            while i < bytes.len()
                && (at(i).is_ascii_alphanumeric() || matches!(at(i), b'_' | b'$') || at(i) >= 0x80)
            {
                i += 1;
            }
            Tok::Ident(src.get(start..i).unwrap_or(""))
        } else if c.is_ascii_digit() {
            while at(i).is_ascii_alphanumeric() || at(i) == b'.' || at(i) == b'_' {
                i += 1;
            }
            Tok::Num
        } else {
            let ch = src[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            Tok::Punct(ch)
        };
        out.push(Token {
            tok,
            line: tline,
            column: tcol,
            newline_before: newline,
        });
        newline = false;
    }
    out
}

fn regex_allowed(prev: Option<&Token<'_>>) -> bool {
    match prev.map(|t| &t.tok) {
        None => true,
        Some(Tok::Punct(c)) => !matches!(c, ')' | ']' | '}'),
        Some(Tok::Ident(w)) => matches!(
            *w,
            "return" | "typeof" | "case" | "in" | "of" | "new" | "delete" | "void" | "throw"
        ),
        _ => false,
    }
}

/// A name bound to a string literal: `const X = "..."` or `{ key: "..." }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringBinding<'a> {
    pub name: &'a str,
    pub value: &'a str,
    pub line: usize,
    pub column: usize,
}

fn ends_expression(next: Option<&Token<'_>>) -> bool {
    match next {
        None => true,
        Some(t) => t.newline_before || matches!(t.tok, Tok::Punct(',' | ';' | '}' | ')')),
    }
}

/// Variable declarators whose whole initialiser is a quoted string literal.
pub fn string_declarations<'a>(toks: &[Token<'a>]) -> Vec<StringBinding<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let is_decl = matches!(
            toks.get(i).map(|t| &t.tok),
            Some(Tok::Ident("var" | "let" | "const"))
        );
        i += 1;
        if !is_decl {
            continue;
        }
        // A declarator list: NAME [= init] (, NAME [= init])*
        while let (Some(name_tok), Some(eq)) = (toks.get(i), toks.get(i + 1)) {
            let Tok::Ident(name) = name_tok.tok else {
                break;
            };
            if eq.tok != Tok::Punct('=')
                || toks.get(i + 2).map(|t| &t.tok) == Some(&Tok::Punct('='))
            {
                break;
            }
            if let (
                Some(Token {
                    tok: Tok::Str(v), ..
                }),
                next,
            ) = (toks.get(i + 2), toks.get(i + 3))
                && ends_expression(next)
            {
                out.push(StringBinding {
                    name,
                    value: v,
                    line: name_tok.line,
                    column: name_tok.column,
                });
            }
            // Skip the initialiser to the next declarator at depth 0.
            let mut j = i + 2;
            let mut depth = 0i32;
            let mut next_decl = None;
            while let Some(t) = toks.get(j) {
                match t.tok {
                    Tok::Punct('(' | '[' | '{') => depth += 1,
                    Tok::Punct(')' | ']' | '}') => {
                        depth -= 1;
                        if depth < 0 {
                            break;
                        }
                    }
                    Tok::Punct(',') if depth == 0 => {
                        next_decl = Some(j + 1);
                        break;
                    }
                    Tok::Punct(';') if depth == 0 => break,
                    _ if depth == 0 && j > i + 2 && t.newline_before => break,
                    _ => {}
                }
                j += 1;
            }
            match next_decl {
                Some(n) => i = n,
                None => {
                    i = j;
                    break;
                }
            }
        }
    }
    out
}

/// Object-literal properties whose value is a quoted string literal: `{ key: "v" }`.
pub fn string_properties<'a>(toks: &[Token<'a>]) -> Vec<StringBinding<'a>> {
    let mut out = Vec::new();
    for w in 0..toks.len() {
        let (Some(prev), Some(key), Some(colon), Some(val)) = (
            toks.get(w),
            toks.get(w + 1),
            toks.get(w + 2),
            toks.get(w + 3),
        ) else {
            break;
        };
        if !matches!(prev.tok, Tok::Punct('{' | ',')) || colon.tok != Tok::Punct(':') {
            continue;
        }
        let name = match key.tok {
            Tok::Ident(n) | Tok::Str(n) => n,
            _ => continue,
        };
        if let Tok::Str(v) = val.tok
            && matches!(
                toks.get(w + 4).map(|t| &t.tok),
                None | Some(Tok::Punct(',' | '}'))
            )
        {
            out.push(StringBinding {
                name,
                value: v,
                line: key.line,
                column: key.column,
            });
        }
    }
    out
}

/// Positions of calls to the dotted callee `path` (e.g. `["api", "access", "deny"]`).
pub fn calls(toks: &[Token<'_>], path: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let n = path.len() * 2 - 1;
    for w in 0..toks.len() {
        let ok = path.iter().enumerate().all(|(k, p)| {
            toks.get(w + 2 * k).map(|t| &t.tok) == Some(&Tok::Ident(p))
                && (k == 0 || toks.get(w + 2 * k - 1).map(|t| &t.tok) == Some(&Tok::Punct('.')))
        }) && toks.get(w + n).map(|t| &t.tok) == Some(&Tok::Punct('('));
        let not_member = w == 0 || toks.get(w - 1).map(|t| &t.tok) != Some(&Tok::Punct('.'));
        if ok
            && not_member
            && let Some(t) = toks.get(w)
        {
            out.push((t.line, t.column));
        }
    }
    out
}

/// Whether the code reads the property `name` (`x.name`, `x?.name` or `{ name } = x`).
pub fn reads_property(toks: &[Token<'_>], name: &str) -> bool {
    toks.windows(2).any(|w| match (w.first(), w.get(1)) {
        (Some(a), Some(b)) => a.tok == Tok::Punct('.') && b.tok == Tok::Ident(name),
        _ => false,
    }) || toks
        .windows(3)
        .any(|w| match (w.first(), w.get(1), w.get(2)) {
            (Some(a), Some(b), Some(c)) => {
                matches!(a.tok, Tok::Punct('{' | ','))
                    && b.tok == Tok::Ident(name)
                    && matches!(c.tok, Tok::Punct('}' | ','))
            }
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_string_declarations_with_acorn_positions() {
        let src = "exports.x = async (e, api) => {\n  const PASSWORD = \"abcd1234\";\n  let a = 'x' + b, c = 'y';\n  const r = require('m');\n};";
        let got = string_declarations(&tokenize(src));
        let names: Vec<_> = got.iter().map(|b| (b.name, b.line, b.column)).collect();
        assert_eq!(names, vec![("PASSWORD", 2, 8), ("c", 3, 19)]);
    }

    #[test]
    fn finds_calls_and_property_reads() {
        let src = "if (!e.request.query.code_challenge) {\n  api.access.deny('no');\n}\n// api.access.deny('comment')";
        let toks = tokenize(src);
        assert_eq!(calls(&toks, &["api", "access", "deny"]), vec![(2, 2)]);
        assert!(reads_property(&toks, "code_challenge"));
        assert!(!reads_property(&toks, "nonce"));
    }
}
