use super::*;

/// (instruction, value, start, end) of every instruction.
fn check(text: &str, expected: &[(&str, &str, u32, u32)]) -> Resource {
    let parsed = parse(&SourceFile {
        path: "app/Dockerfile".into(),
        text: text.into(),
    });
    assert!(parsed.diagnostics.is_empty());
    assert_eq!(parsed.resources.len(), 1);
    let r = parsed.resources[0].clone();
    assert_eq!(r.address, "/app/Dockerfile.");
    let got: Vec<(String, String, u32, u32)> = r
        .config
        .get("instructions")
        .map(|v| v.items().cloned().collect::<Vec<_>>())
        .unwrap_or_default()
        .iter()
        .map(|i| {
            (
                i.get("instruction")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .into(),
                i.get("value").and_then(Value::as_str).unwrap_or("").into(),
                i.get("start").and_then(Value::as_f64).unwrap_or(0.0) as u32,
                i.get("end").and_then(Value::as_f64).unwrap_or(0.0) as u32,
            )
        })
        .collect();
    let want: Vec<(String, String, u32, u32)> = expected
        .iter()
        .map(|(a, b, s, e)| ((*a).into(), (*b).into(), *s, *e))
        .collect();
    assert_eq!(got, want);
    r
}

#[test]
fn continuations_comments_and_forms() {
    let r = check(
        "# syntax=docker/dockerfile:1\nFROM alpine:3 AS build\n# a comment\nRUN apk add curl \\\n    # inside\n\n    && echo hi\nCMD [\"ps\", \"aux\"]\nuser root",
        &[
            ("FROM", "alpine:3 AS build", 2, 2),
            ("RUN", "apk add curl     && echo hi", 4, 7),
            ("CMD", "[\"ps\", \"aux\"]", 8, 8),
            ("USER", "root", 9, 9),
        ],
    );
    assert_eq!(r.span, Span::new(1, 9));
    assert_eq!(
        r.config.path("directives.syntax").and_then(Value::as_str),
        Some("docker/dockerfile:1")
    );
    assert_eq!(
        r.config
            .path("instructions.2.args.1")
            .and_then(Value::as_str),
        Some("aux")
    );
    assert_eq!(
        r.config.path("comments.0.text").and_then(Value::as_str),
        Some("a comment")
    );
    assert_eq!(
        r.config.path("stages.0.alias").and_then(Value::as_str),
        Some("build")
    );
}

#[test]
fn escape_directive_and_heredocs() {
    check(
        "# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  c:\\\nRUN <<EOF\napt-get update\ncurl -k x\nEOF\nCOPY <<-'END' /a\n\thello\n\tEND\nFROM base AS second\nUSER app\n",
        &[
            ("FROM", "mcr.microsoft.com/windows", 2, 2),
            ("RUN", "dir   c:\\", 3, 4),
            ("RUN", "<<EOF\napt-get update\ncurl -k x", 5, 8),
            ("COPY", "<<-'END' /a\n\thello", 9, 11),
            ("FROM", "base AS second", 12, 12),
            ("USER", "app", 13, 13),
        ],
    );
}

#[test]
fn a_trailing_escape_at_end_of_file_does_not_loop() {
    check(
        "FROM a\nRUN x \\",
        &[("FROM", "a", 1, 1), ("RUN", "x ", 2, 2)],
    );
    check("", &[]);
}
