use super::*;
use crate::kubernetes::yaml::load_all;

fn parse_text(text: &str) -> Parsed {
    parse(&SourceFile {
        path: ".github/workflows/ci.yml".into(),
        text: text.into(),
    })
}

/// The (address, span) of the permissions resource, as Checkov's (resource,
/// file_line_range).
fn parts(text: &str) -> Vec<(String, (u32, u32))> {
    parse_text(text)
        .resources
        .iter()
        .filter(|r| r.kind == PERMISSIONS)
        .map(|r| (r.address.clone(), (r.span.start, r.span.end)))
        .collect()
}

fn one(address: &str, span: (u32, u32)) -> Vec<(String, (u32, u32))> {
    vec![(address.to_owned(), span)]
}

const JOBS: &str = "jobs:\n  a:\n    runs-on: ubuntu-latest\n";

/// Addresses and ranges as Checkov 3.3.30 reported them for the same files.
#[test]
fn addresses_and_ranges_follow_checkov() {
    // No permissions anywhere: line 0.
    assert_eq!(
        parts(&format!("name: none\non: push\n{JOBS}")),
        one("on(none)", (0, 1))
    );
    assert_eq!(parts(&format!("on: push\n{JOBS}")), one("on", (0, 1)));
    // A string: the first line mentioning permissions.
    assert_eq!(
        parts(&format!("on: push\npermissions: write-all\n{JOBS}")),
        one("on", (2, 3))
    );
    // Even in a comment, or on a job.
    assert_eq!(
        parts(&format!(
            "# mentions permissions in a comment\nname: jobonly\non: push\n{JOBS}    permissions:\n      contents: read\n"
        )),
        one("on(jobonly)", (1, 2))
    );
    // A block mapping: its first line to the line PyYAML ends it at, plus one.
    assert_eq!(
        parts(&format!(
            "name: map\non: push\npermissions:\n  contents: write\n  issues: read\n\n{JOBS}"
        )),
        one("on(map)", (4, 8))
    );
    // A flow mapping ends on its own line.
    assert_eq!(
        parts(&format!(
            "name: flow\non: push\npermissions: {{contents: write}}\n{JOBS}"
        )),
        one("on(flow)", (3, 4))
    );
    assert_eq!(
        parts(&format!("name: empty\non: push\npermissions: {{}}\n{JOBS}")),
        one("on(empty)", (3, 4))
    );
}

#[test]
fn names_read_as_checkovs_loader_reads_them() {
    let named = |name: &str| {
        parts(&format!("name: {name}\non: [push]\n{JOBS}"))
            .into_iter()
            .map(|(a, _)| a)
            .collect::<Vec<_>>()
    };
    assert_eq!(named("\"yes\""), ["on(yes)"]);
    assert_eq!(named("yes"), ["on(True)"]);
    assert_eq!(named("no"), ["on"]);
    assert_eq!(named("On"), ["on(on)"]);
    assert_eq!(named("''"), ["on"]);
    assert_eq!(named("Build and test"), ["on(Build and test)"]);
}

#[test]
fn the_config_holds_the_permissions_or_write_all() {
    let config = |text: &str| {
        parse_text(text)
            .resources
            .first()
            .and_then(|r| r.config.get("permissions").cloned())
    };
    assert_eq!(
        config(&format!("on: push\n{JOBS}")),
        Some(Value::String(WRITE_ALL.into()))
    );
    assert_eq!(
        config(&format!("on: push\npermissions: read-all\n{JOBS}")),
        Some(Value::String("read-all".into()))
    );
    let map = config(&format!("on: push\npermissions:\n  contents: read\n{JOBS}"));
    assert_eq!(
        map.as_ref().and_then(|m| m.get("contents")),
        Some(&Value::String("read".into()))
    );
}

#[test]
fn parse_errors_are_diagnostics() {
    let parsed = parse_text("name: bad\non: push\njobs: [\n");
    assert!(parsed.resources.is_empty());
    let [d] = parsed.diagnostics.as_slice() else {
        panic!("{:?}", parsed.diagnostics)
    };
    assert_eq!(d.kind, DiagnosticKind::ParseError);
    assert!(d.makes_partial());
    assert!(d.line.is_some_and(|l| l >= 3), "{d:?}");
}

#[test]
fn files_that_are_not_workflows_yield_nothing() {
    for text in ["", "# only a comment\n", "just a string\n", "- a\n- b\n"] {
        let parsed = parse_text(text);
        assert!(parsed.resources.is_empty(), "{text:?}");
    }
}

/// Which documents Checkov reads, as its schema validation answered for each.
#[test]
fn schema_rules_match_checkovs_answers() {
    let valid = |text: &str| {
        let docs = load_all(text).unwrap_or_default();
        !docs.is_empty()
            && docs
                .iter()
                .all(|d| d.as_ref().is_some_and(schema::is_valid))
    };
    let job = "jobs: {a: {runs-on: x}}";
    let cases: [(String, bool); 30] = [
        (format!("on: push\n{job}"), true),
        (format!("on: foo\n{job}"), true),
        (format!("on: [push, pull_request]\n{job}"), true),
        (format!("on: 3\n{job}"), false),
        (job.to_owned(), false),
        ("on: push".to_owned(), false),
        (format!("on: push\nfoo: 1\n{job}"), false),
        (format!("on: push\npermissions: write-all\n{job}"), true),
        (format!("on: push\npermissions: write\n{job}"), false),
        (format!("on: push\npermissions:\n{job}"), false),
        (format!("on: push\npermissions: {{}}\n{job}"), true),
        (
            format!("on: push\npermissions: {{contents: wrte}}\n{job}"),
            false,
        ),
        (
            format!("on: push\npermissions: {{attestations: write}}\n{job}"),
            false,
        ),
        ("on: push\njobs: {a: {steps: []}}".to_owned(), true),
        (
            "on: push\njobs: {a: {runs-on: x, continue-on-error: true}}".to_owned(),
            true,
        ),
        (
            "on: push\njobs: {a: {runs-on: x, permissions: {contents: wrte}}}".to_owned(),
            false,
        ),
        (
            "on: push\njobs: {a: {runs-on: x, permissions: read-all}}".to_owned(),
            false,
        ),
        (
            "on: push\njobs: {a: {runs-on: ubuntu-latest, permissions: read-all}}".to_owned(),
            true,
        ),
        ("on: push\njobs: {1a: {runs-on: x}}".to_owned(), false),
        ("on: push\njobs: {a: x}".to_owned(), false),
        ("on: push\njobs: {}".to_owned(), false),
        (format!("name: 3\non: push\n{job}"), false),
        (format!("name: yes\non: push\n{job}"), true),
        (
            "on: push\njobs: {a: {runs-on: x, needs: 1b}}".to_owned(),
            false,
        ),
        (
            "on: push\njobs: {a: {runs-on: x, steps: [{foo: 1}]}}".to_owned(),
            true,
        ),
        (format!("on: push\n{job}\n---\n"), false),
        (format!("on: push\n{job}\n---\non: push\n{job}\n"), true),
        (format!("on: push\nenv: [1]\n{job}"), false),
        (format!("true: push\n{job}"), false),
        (format!("\"on\": push\n{job}"), true),
    ];
    for (text, expected) in cases {
        assert_eq!(valid(&text), expected, "{text}");
    }
}

#[test]
fn invalid_workflows_are_skipped_with_a_diagnostic() {
    let parsed = parse_text(&format!("on: push\nfoo: bar\n{JOBS}"));
    assert!(parsed.resources.is_empty());
    let [d] = parsed.diagnostics.as_slice() else {
        panic!("{:?}", parsed.diagnostics)
    };
    assert_eq!(d.kind, DiagnosticKind::Skipped);
    assert!(!d.makes_partial());
}

#[test]
fn action_metadata_is_read_like_a_workflow_without_permissions() {
    let action = |using: &str| {
        format!(
            "name: my action\ndescription: does things\nruns:\n  using: {using}\n  main: index.js\n"
        )
    };
    assert_eq!(parts(&action("node16")), one("on(my action)", (0, 1)));
    // The schema Checkov applies lists no Node version after 16.
    assert!(parts(&action("node20")).is_empty());
}

/// The (kind, address, span) of the trigger, job and step resources.
fn job_parts(text: &str) -> Vec<(String, String, (u32, u32))> {
    parse_text(text)
        .resources
        .iter()
        .filter(|r| r.kind != PERMISSIONS)
        .map(|r| {
            (
                r.kind.clone(),
                r.address.clone(),
                (r.span.start, r.span.end),
            )
        })
        .collect()
}

fn part(kind: &str, address: &str, span: (u32, u32)) -> (String, String, (u32, u32)) {
    (kind.to_owned(), address.to_owned(), span)
}

/// As Checkov 3.3.30 reported them for the same files.
#[test]
fn jobs_and_steps_are_named_and_spanned_like_checkov() {
    let text = "name: ci\non:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      -\n      - name: Test\n        run: make test\n  other:\n    uses: org/repo/.github/workflows/x.yml@main\n";
    assert_eq!(
        job_parts(text),
        [
            part("on", "on(ci)", (3, 5)),
            part("jobs", "jobs(build)", (6, 13)),
            part("steps", "jobs(build).steps[1]", (8, 10)),
            part("steps", "jobs(build).steps[2](Test)", (10, 13)),
            part("jobs", "jobs(other)", (13, 15)),
        ]
    );
    // A step written as text names the steps after it, as in Checkov.
    let text = "on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: one\n      - checkout\n      - name: later\n        run: two\n";
    assert_eq!(
        job_parts(text),
        [
            part("on", "on", (0, 1)),
            part("jobs", "jobs(a)", (4, 11)),
            part("steps", "jobs(a).steps[1]", (6, 8)),
            part("steps", "jobs(a).steps[2](checkout)", (8, 11)),
        ]
    );
}

/// PyYAML ends the last node at the end of the stream: the line after a final newline,
/// else the last line.
#[test]
fn the_last_job_ends_where_the_stream_does() {
    let text = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest";
    assert_eq!(
        job_parts(text).get(1),
        Some(&part("jobs", "jobs(a)", (4, 5)))
    );
    let text = format!("{text}\n");
    assert_eq!(
        job_parts(&text).get(1),
        Some(&part("jobs", "jobs(a)", (4, 6)))
    );
}
