//! Escaping, one function per sink. Every text that came from a scanner, a person or a file
//! name goes through the function for the sink it is written to, and through nothing else:
//! escaping twice shows the entities, escaping for the wrong sink lets markup through.

/// Escapes `s` for HTML element content and for a double- or single-quoted attribute value.
///
/// Guarantees: the result contains no `&`, `<`, `>`, `"` or `'` other than in the entities
/// `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, so it cannot open or close a tag, end an
/// attribute value or start a character reference of its own. It does not make a value safe
/// as a URL (see the HTML renderer for which links it emits) nor inside `<script>` or
/// `<style>`, which Deputy's reports never contain.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes `s` for XML 1.0 element content and quoted attribute values: Confluence storage
/// format, XHTML and SVG.
///
/// Guarantees: the same five characters as [`html`] are replaced by entities that XML
/// predefines or numeric references, so the result cannot open an element, a comment, a
/// processing instruction or a CDATA section, and `]]>` comes out as `]]&gt;`; and characters
/// that XML 1.0 forbids (C0 controls other than tab, line feed and carriage return, and
/// U+FFFE, U+FFFF) are removed, so that a document built from escaped text stays well-formed.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether XML 1.0 allows `c` in a document (its production `Char`, less the whitespace
/// controls [`xml`] handles itself). Rust's `char` cannot hold a surrogate.
fn is_xml_char(c: char) -> bool {
    !(c < '\u{20}' || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// Escapes `s` as inline Markdown text (CommonMark and GitHub Flavored Markdown), for a
/// paragraph or a table cell.
///
/// Guarantees: the text renders as the same characters and creates no structure. Every
/// character that starts or ends a link, image, emphasis, code span, strikethrough, math,
/// heading, table cell or HTML is backslash-escaped (`\ ` * _ { } [ ] ( ) # ! | ~ $ ^`), and
/// so is a leading `-`, `+` or `=` (list item, thematic break, heading underline) and the `.`
/// of a leading `1.` (ordered list). `<`, `>` and `&` become the entities `&lt;`, `&gt;` and
/// `&amp;`, which every Markdown renderer shows as text. Line breaks and tabs become spaces,
/// so the text stays on its line (and in its table cell) and its first character is the
/// only one that can start a line; other control characters are removed, and leading spaces
/// are dropped so the text cannot become a code block. Not prevented: GitHub turns bare
/// `http(s)://` and `www.` text into links, which can only point at web pages.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    // Digits at the very start of the text followed by `.` would start an ordered list.
    let mut only_digits_so_far = true;
    for c in s.trim_start_matches([' ', '\t', '\n', '\r']).chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '!' | '|' | '~'
            | '$' | '^' => {
                out.push('\\');
                out.push(c);
            }
            // These only start a list item or a heading underline at the start of a line,
            // and the text's only line start is its first character.
            '-' | '+' | '=' if out.is_empty() => {
                out.push('\\');
                out.push(c);
            }
            '.' if only_digits_so_far && !out.is_empty() => out.push_str("\\."),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => {
                // Collapse a CRLF pair (or any run of breaks) into one space.
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_control() => {}
            _ => out.push(c),
        }
        only_digits_so_far = only_digits_so_far && c.is_ascii_digit();
    }
    out
}
