//! The escapers one by one, then every format against a report whose scanner texts are all
//! hostile ([`fixture::HOSTILE`]).

use crate::confluence::wrapped;
use crate::html::link_targets;
use crate::markdown::tables;
use crate::parse_xml;
use deputy_report::{confluence, escape, fixture, html, markdown};

fn check(sink: fn(&str) -> String, input: &str, expected: &str) {
    assert_eq!(sink(input), expected, "escaping {input:?}");
}

#[test]
fn html_escapes_the_five_characters() {
    check(escape::html, "plain text ü 😀", "plain text ü 😀");
    check(
        escape::html,
        "<a href='x'>\"&\"</a>",
        "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;",
    );
    check(escape::html, "&amp;", "&amp;amp;");
}

#[test]
fn xml_escapes_and_drops_what_xml_forbids() {
    check(escape::xml, "a]]>b", "a]]&gt;b");
    check(escape::xml, "<![CDATA[x]]>", "&lt;![CDATA[x]]&gt;");
    check(
        escape::xml,
        "tab\tline\nnul\u{0}bell\u{7}\u{FFFE}\u{FFFF}end",
        "tab\tline\nnulbellend",
    );
    check(escape::xml, "'\"&", "&#39;&quot;&amp;");
    parse_xml(&format!(
        "<p a=\"{0}\">{0}</p>",
        escape::xml(fixture::HOSTILE)
    ));
}

#[test]
fn markdown_escapes_structure() {
    check(
        escape::markdown,
        "plain words, 3.3.30",
        "plain words, 3.3.30",
    );
    check(
        escape::markdown,
        "[click](javascript:alert(1))",
        "\\[click\\]\\(javascript:alert\\(1\\)\\)",
    );
    check(escape::markdown, "![img](x)", "\\!\\[img\\]\\(x\\)");
    check(
        escape::markdown,
        "*a* _b_ `c` ~~d~~ $e$",
        "\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\$e\\$",
    );
    check(escape::markdown, "# h", "\\# h");
    check(escape::markdown, "- item", "\\- item");
    check(escape::markdown, "+ item", "\\+ item");
    check(escape::markdown, "1. item", "1\\. item");
    check(escape::markdown, "2026) item", "2026\\) item");
    check(escape::markdown, "> quote", "&gt; quote");
    check(escape::markdown, "<script>&amp;", "&lt;script&gt;&amp;amp;");
    check(escape::markdown, "a | b", "a \\| b");
    check(escape::markdown, "a\\|b", "a\\\\\\|b");
    check(escape::markdown, "line\r\nnext\n\nlast", "line next last");
    check(escape::markdown, "    indented code", "indented code");
    check(escape::markdown, "===", "\\===");
    check(escape::markdown, "---", "\\---");
    check(escape::markdown, "2026-11-21 a+b=c", "2026-11-21 a+b=c");
    check(escape::markdown, "nul\u{0}", "nul");
}

#[test]
fn hostile_text_stays_text_in_html() {
    let report = fixture::sample(20, true);
    let doc = html::render(&report);
    let lower = doc.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script tag got through");
    assert!(!lower.contains("<ac:"), "macro markup got through");
    assert!(!lower.contains("<![cdata["));
    assert!(!lower.contains("<b>x</b>"));
    for t in link_targets(&doc) {
        assert!(
            !t.to_ascii_lowercase().contains("javascript:"),
            "link to {t}"
        );
        assert!(
            t.starts_with('#') || t.starts_with("https://docs.example.test/"),
            "link to {t}"
        );
    }
    // The text is all there, escaped.
    assert!(
        doc.contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; [click](javascript:alert(1))"
        )
    );
    assert!(doc.contains("<title>Security report: demo &lt;script&gt;"));
}

#[test]
fn hostile_text_stays_text_in_markdown() {
    let report = fixture::sample(20, true);
    let doc = markdown::render(&report);
    assert!(!doc.contains("](javascript:"), "a link got through");
    assert!(!doc.contains("]("));
    assert!(!doc.contains('<'), "raw HTML got through");
    assert!(!doc.contains("${{"));
    // The only headings, list items and table rows are the renderer's own.
    let headings: Vec<&str> = doc.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings.len(), 6, "{headings:?}");
    assert!(
        !doc.lines()
            .any(|l| l.starts_with("- ") || l.starts_with("* "))
    );
    for t in tables(&doc) {
        let width = t[0].len();
        assert!(
            t.iter().all(|row| row.len() == width),
            "a pipe split a cell: {t:?}"
        );
    }
    assert!(doc.contains("\\[click\\]\\(javascript:alert\\(1\\)\\)"));
}

#[test]
fn hostile_text_stays_text_in_confluence() {
    let report = fixture::sample(20, true);
    let doc = confluence::render(&report);
    assert!(!doc.contains("<ac:structured-macro ac:name=\"html\""));
    assert!(!doc.contains("<ac:plain-text-body"));
    assert!(!doc.contains("<![CDATA["));
    assert!(!doc.contains("]]>"));
    assert!(!doc.contains("<script"));
    let elements = parse_xml(&wrapped(&doc));
    assert!(elements.iter().all(|e| !e.starts_with("ac:")
        || ["ac:confluence", "ac:structured-macro", "ac:parameter"].contains(&e.as_str())));
    assert!(doc.contains("&lt;ac:structured-macro ac:name=&quot;html&quot;&gt;"));
}

#[test]
fn an_empty_report_renders_in_every_format() {
    let report = crate::empty_report();
    let doc = html::render(&report);
    assert!(doc.contains("The scan detected no findings."));
    assert!(doc.contains("No data: "));
    assert!(doc.contains("<p class=\"value\">&#8212;</p>"));
    let md = markdown::render(&report);
    assert!(md.contains("| **Total** | **0** | **0** |"));
    parse_xml(&wrapped(&confluence::render(&report)));
}
