//! The renderers of `deputy-report`, tested through their public API. One binary: add a
//! module here rather than a file under `tests/`.

mod charts;
mod confluence;
mod escaping;
mod html;
mod markdown;

use deputy_report::Report;
use deputy_report::fixture;

/// A report of a first scan that found nothing: no findings, no comparison, one trend point.
pub fn empty_report() -> Report {
    let mut r = fixture::sample(0, false);
    r.comparison = None;
    r.accepted_risks.clear();
    r.trend.truncate(1);
    if let Some(p) = r.trend.first_mut() {
        p.detected.values_mut().for_each(|n| *n = 0);
        p.new = 0;
        p.resolved = 0;
        p.reopened = 0;
    }
    r
}

/// Checks that `doc` is one well-formed XML 1.0 element (namespaces aside) and returns the
/// names of its elements in document order. Panics with the offending position otherwise.
///
/// Written for the renderers' output: elements, attributes, text, character and the five
/// predefined entity references, comments and CDATA sections. No DTDs.
pub fn parse_xml(doc: &str) -> Vec<String> {
    let b = doc.as_bytes();
    let mut i = 0;
    let mut open: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut roots = 0;
    let fail = |at: usize, why: &str| -> ! {
        let from = doc.floor_char_boundary(at.saturating_sub(60));
        let to = doc.ceil_char_boundary((at + 60).min(doc.len()));
        panic!(
            "not well-formed XML at byte {at}: {why}: …{}…",
            &doc[from..to]
        );
    };
    for (at, c) in doc.char_indices() {
        let ok =
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}');
        if !ok {
            fail(at, "character not allowed in XML");
        }
    }
    let name_len = |from: usize| -> usize {
        b[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_' | b'.'))
            .count()
    };
    let check_reference = |at: usize| -> usize {
        // `at` is at `&`; returns the length of the reference.
        let end = doc[at..]
            .find(';')
            .unwrap_or_else(|| fail(at, "unterminated reference"));
        let body = &doc[at + 1..at + end];
        let valid = matches!(body, "amp" | "lt" | "gt" | "quot" | "apos")
            || body
                .strip_prefix("#x")
                .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
            || body
                .strip_prefix('#')
                .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
        if !valid {
            fail(at, "unknown entity reference");
        }
        end + 1
    };
    while i < b.len() {
        if b[i] == b'<' {
            if open.is_empty() && roots > 0 {
                fail(i, "content after the root element");
            }
            if doc[i..].starts_with("<!--") {
                let end = doc[i + 4..]
                    .find("-->")
                    .unwrap_or_else(|| fail(i, "unterminated comment"));
                i += 4 + end + 3;
            } else if doc[i..].starts_with("<![CDATA[") {
                if open.is_empty() {
                    fail(i, "CDATA outside the root element");
                }
                let end = doc[i + 9..]
                    .find("]]>")
                    .unwrap_or_else(|| fail(i, "unterminated CDATA"));
                i += 9 + end + 3;
            } else if doc[i..].starts_with("</") {
                let n = name_len(i + 2);
                let name = &doc[i + 2..i + 2 + n];
                let mut j = i + 2 + n;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if b.get(j) != Some(&b'>') {
                    fail(i, "malformed end tag");
                }
                match open.pop() {
                    Some(top) if top == name => {}
                    Some(top) => fail(i, &format!("`</{name}>` closes `<{top}>`")),
                    None => fail(i, "end tag without a start tag"),
                }
                i = j + 1;
            } else {
                let n = name_len(i + 1);
                if n == 0 || b[i + 1].is_ascii_digit() {
                    fail(i, "`<` that starts no tag");
                }
                let name = doc[i + 1..i + 1 + n].to_owned();
                let mut j = i + 1 + n;
                let mut attributes: Vec<&str> = Vec::new();
                loop {
                    let ws = b[j..]
                        .iter()
                        .take_while(|c| c.is_ascii_whitespace())
                        .count();
                    j += ws;
                    match b.get(j) {
                        Some(b'>') => {
                            if open.is_empty() {
                                roots += 1;
                            }
                            open.push(name.clone());
                            j += 1;
                            break;
                        }
                        Some(b'/') if b.get(j + 1) == Some(&b'>') => {
                            if open.is_empty() {
                                roots += 1;
                            }
                            j += 2;
                            break;
                        }
                        Some(_) if ws > 0 => {
                            let an = name_len(j);
                            if an == 0 {
                                fail(j, "bad attribute name");
                            }
                            let attr = &doc[j..j + an];
                            if attributes.contains(&attr) {
                                fail(j, "duplicate attribute");
                            }
                            attributes.push(attr);
                            j += an;
                            if b.get(j) != Some(&b'=') {
                                fail(j, "attribute without `=`");
                            }
                            let quote = *b.get(j + 1).unwrap_or(&0);
                            if quote != b'"' && quote != b'\'' {
                                fail(j, "unquoted attribute value");
                            }
                            j += 2;
                            while b.get(j) != Some(&quote) {
                                match b.get(j) {
                                    None => fail(j, "unterminated attribute value"),
                                    Some(b'<') => fail(j, "`<` in an attribute value"),
                                    Some(b'&') => j += check_reference(j),
                                    Some(_) => j += 1,
                                }
                            }
                            j += 1;
                        }
                        _ => fail(j, "malformed start tag"),
                    }
                }
                seen.push(name);
                i = j;
            }
        } else {
            if open.is_empty() && !b[i].is_ascii_whitespace() {
                fail(i, "text outside the root element");
            }
            if b[i] == b'&' {
                i += check_reference(i);
            } else {
                if b[i..].starts_with(b"]]>") {
                    fail(i, "`]]>` in text");
                }
                i += 1;
            }
        }
    }
    if let Some(top) = open.last() {
        fail(doc.len(), &format!("`<{top}>` is never closed"));
    }
    if roots != 1 {
        fail(0, "not exactly one root element");
    }
    seen
}

#[test]
fn the_xml_check_rejects_what_it_must() {
    for bad in [
        "<a>",
        "<a></b>",
        "<a><b></a></b>",
        "<a>x & y</a>",
        "<a>&nbsp;</a>",
        "<a>]]></a>",
        "<a b=\"1\" b=\"2\"/>",
        "<a b=1/>",
        "<a b=\"<\"/>",
        "<a/><b/>",
        "<a>1 < 2</a>",
        "text<a/>",
        "<a>\u{1}</a>",
    ] {
        assert!(
            std::panic::catch_unwind(|| parse_xml(bad)).is_err(),
            "accepted {bad:?}"
        );
    }
    assert_eq!(
        parse_xml("<a x=\"1&amp;2\"><b/><!-- c --><c>&lt;&#39;&#x41;<![CDATA[<>]]></c></a>"),
        ["a", "b", "c"]
    );
}
