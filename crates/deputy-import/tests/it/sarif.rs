use super::{fixture, import, import_with};
use deputy_core::{FindingDraft, Location, RunStatus, Severity};
use deputy_import::{ImportOptions, ReportFormat};
use std::collections::BTreeSet;

fn by_message<'s>(findings: &'s [FindingDraft], message: &str) -> &'s FindingDraft {
    findings
        .iter()
        .find(|f| f.message == message)
        .unwrap_or_else(|| panic!("no finding with message {message:?}"))
}

fn at(path: &str, start: u32, end: u32) -> Location {
    Location {
        path: Some(path.to_owned()),
        start_line: Some(start),
        end_line: Some(end),
        ..Location::default()
    }
}

#[test]
fn multi_run_log_covers_every_tool_including_silent_ones() {
    let scan = import(ReportFormat::Sarif, &fixture("multi_run.sarif.json"));
    let tools: BTreeSet<String> = ["examplescan", "quietlint", "packrunner"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(scan.tools, tools);
    assert_eq!(scan.format, ReportFormat::Sarif);
    assert_eq!(scan.status, RunStatus::Complete);
    assert_eq!(scan.tool_version.as_deref(), Some("1.2.3"));
    assert_eq!(scan.commit.as_deref(), Some("0123456789abcdef"));
    assert_eq!(scan.branch.as_deref(), Some("main"));
    assert_eq!(
        scan.started_at
            .map(deputy_core::time_fmt::format)
            .as_deref(),
        Some("2026-01-02T03:04:05.000Z")
    );
    assert_eq!(
        scan.finished_at
            .map(deputy_core::time_fmt::format)
            .as_deref(),
        Some("2026-01-02T03:05:00.250Z")
    );
    let messages: Vec<&str> = scan.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Password literal assigned to `pw`",
            "Query built from request data",
            "Value `name` flows to `exec` unchecked",
            "Password literal in a helper",
            "suppression was rejected",
            "maybe a flow",
            "Password literal assigned to `secret`",
            "Password literal assigned to `pw2`",
            "from the pack",
        ]
    );
    assert_eq!(
        scan.notes,
        [
            "2 results suppressed in source were skipped",
            "1 result with baseline state `absent` was skipped",
            "2 results of kind `pass`, `notApplicable` or `informational` were skipped",
        ]
    );
    let fingerprints: BTreeSet<_> = scan.findings.iter().map(|f| &f.fingerprint).collect();
    assert_eq!(fingerprints.len(), scan.findings.len());
}

#[test]
fn rules_are_found_by_id_reference_and_index() {
    let scan = import(ReportFormat::Sarif, &fixture("multi_run.sarif.json"));
    let f = by_message(&scan.findings, "Password literal assigned to `pw`");
    assert_eq!(
        (f.source.as_str(), f.rule_id.as_str()),
        ("examplescan", "EX001")
    );
    assert_eq!(f.title, "Hard-coded password");
    assert_eq!(
        f.help_uri.as_deref(),
        Some("https://scanner.example/rules/EX001")
    );
    assert_eq!(
        f.remediation.as_deref(),
        Some("Read the password from the secret store.")
    );
    assert_eq!(f.location, at("src/app.py", 10, 10));

    let f = by_message(&scan.findings, "Query built from request data");
    assert_eq!(
        (f.rule_id.as_str(), f.title.as_str()),
        ("EX002", "SqlInjection")
    );
    assert_eq!(f.location, at("src/db.py", 3, 7));

    let f = by_message(&scan.findings, "Value `name` flows to `exec` unchecked");
    assert_eq!((f.rule_id.as_str(), f.title.as_str()), ("EX003", "EX003"));
    assert_eq!(f.help_uri, None);

    let f = by_message(&scan.findings, "from the pack");
    assert_eq!(
        (f.source.as_str(), f.rule_id.as_str()),
        ("packrunner", "PK1")
    );
    assert_eq!(f.title, "Pack rule one", "rule taken from the extension");
}

#[test]
fn severity_comes_from_security_severity_then_level() {
    let scan = import(ReportFormat::Sarif, &fixture("multi_run.sarif.json"));
    let severity = |message: &str| by_message(&scan.findings, message).severity;
    // The rule's default level is `error`.
    assert_eq!(
        severity("Password literal assigned to `pw`"),
        Severity::High
    );
    // The rule's `security-severity` is "9.1".
    assert_eq!(
        severity("Query built from request data"),
        Severity::Critical
    );
    // The result's own level.
    assert_eq!(
        severity("Value `name` flows to `exec` unchecked"),
        Severity::Low
    );
    // The result's `security-severity` 5.0 outranks its level `warning` and the rule's.
    assert_eq!(severity("Password literal in a helper"), Severity::Medium);
    // An `open` result without a level defaults to `none`, not to the rule's level.
    assert_eq!(severity("maybe a flow"), Severity::Info);
    // The extension rule's default level is `none`.
    assert_eq!(severity("from the pack"), Severity::Info);
}

#[test]
fn paths_are_made_relative_to_the_project_root() {
    let scan = import(ReportFormat::Sarif, &fixture("multi_run.sarif.json"));
    let path = |message: &str| by_message(&scan.findings, message).location.path.clone();
    // Through `artifactLocation.index`.
    assert_eq!(
        path("Password literal in a helper").as_deref(),
        Some("src/lib/util.py")
    );
    // An absolute, percent-encoded URI under `SRCROOT`.
    assert_eq!(
        path("suppression was rejected").as_deref(),
        Some("src/abs path.py")
    );
    // Relative to a base id that itself is relative to `SRCROOT`.
    assert_eq!(path("maybe a flow").as_deref(), Some("build/gen/gen.py"));
    // A leading `./` is dropped.
    assert_eq!(
        path("Password literal assigned to `secret`").as_deref(),
        Some("src/app.py")
    );
    let f = by_message(&scan.findings, "maybe a flow");
    assert_eq!(f.location.resource.as_deref(), Some("app.views.handler"));
}

#[test]
fn root_option_strips_absolute_paths_and_keeps_others_whole() {
    let log = br#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [
        {"ruleId": "A", "message": {"text": "in"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///home/ci/repo/lib/x.rs"}}}]},
        {"ruleId": "A", "message": {"text": "out"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "/usr/include/y.h"}}}]},
        {"ruleId": "A", "message": {"text": "win"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src\\win\\z.cs"}}}]}
    ]}]}"#;
    let options = ImportOptions {
        root: Some("/home/ci/repo/".to_owned()),
        ..ImportOptions::default()
    };
    let scan = import_with(ReportFormat::Sarif, log, &options);
    let paths: Vec<Option<&str>> = scan
        .findings
        .iter()
        .map(|f| f.location.path.as_deref())
        .collect();
    assert_eq!(
        paths,
        [
            Some("lib/x.rs"),
            Some("/usr/include/y.h"),
            Some("src/win/z.cs")
        ]
    );
}

#[test]
fn fingerprints_come_from_fingerprints_then_partial_then_occurrence() {
    let log = |first_fp: &str, partial: &str, line_a: u32, line_b: u32| {
        format!(
            r#"{{"version": "2.1.0", "runs": [{{"tool": {{"driver": {{"name": "t"}}}}, "results": [
            {{"ruleId": "A", "message": {{"text": "m"}}, "fingerprints": {{"v1": "{first_fp}"}}, "partialFingerprints": {{"p": "ignored"}}}},
            {{"ruleId": "A", "message": {{"text": "m"}}, "partialFingerprints": {{"p": "{partial}"}}}},
            {{"ruleId": "A", "message": {{"text": "first"}}, "locations": [{{"physicalLocation": {{"artifactLocation": {{"uri": "f"}}, "region": {{"startLine": {line_b}}}}}}}]}},
            {{"ruleId": "A", "message": {{"text": "second"}}, "locations": [{{"physicalLocation": {{"artifactLocation": {{"uri": "f"}}, "region": {{"startLine": {line_a}}}}}}}]}}
            ]}}]}}"#
        )
    };
    let fps = |json: String| -> Vec<String> {
        import(ReportFormat::Sarif, json.as_bytes())
            .findings
            .into_iter()
            .map(|f| f.fingerprint.to_string())
            .collect()
    };
    let base = fps(log("x", "y", 10, 20));
    assert_eq!(base.iter().collect::<BTreeSet<_>>().len(), 4);
    // Lines move together: nothing changes.
    assert_eq!(fps(log("x", "y", 110, 120)), base);
    // `fingerprints` decide when present; `partialFingerprints` when not.
    let changed = fps(log("x2", "y", 10, 20));
    assert_ne!(changed[0], base[0]);
    assert_eq!(changed[1..], base[1..]);
    let changed = fps(log("x", "y2", 10, 20));
    assert_ne!(changed[1], base[1]);
    assert_eq!(changed[0], base[0]);
    // Two results in one file are told apart by their order of position, not report order:
    // swapping their lines swaps their identities.
    let swapped = fps(log("x", "y", 20, 10));
    assert_eq!((&swapped[2], &swapped[3]), (&base[3], &base[2]));
}

#[test]
fn incomplete_runs_make_the_scan_partial() {
    let scan = import(ReportFormat::Sarif, &fixture("partial.sarif.json"));
    assert_eq!(scan.status, RunStatus::Partial);
    assert_eq!(scan.findings.len(), 1);
    let tools: Vec<&str> = scan.tools.iter().map(String::as_str).collect();
    assert_eq!(tools, ["flakyscan", "noresults"]);
    assert_eq!(
        scan.notes,
        [
            "run 0 (`flakyscan`) did not complete: `invocations[0].executionSuccessful` is false",
            "run 0 (`flakyscan`) reported 1 tool error during invocation 0, the first: \
             `could not parse src/broken.c`",
            "run 1 (`noresults`) has no `results` array, so the tool did not finish",
        ]
    );
}

#[test]
fn odd_values_fall_back_with_a_note() {
    let log = br#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}},
        "invocations": [{"executionSuccessful": true, "startTimeUtc": "yesterday"}],
        "results": [
        {"ruleId": "A", "level": "critical", "message": {"text": "m"}},
        {"ruleId": "B", "kind": "weird", "properties": {"security-severity": "high"}, "message": {"text": "n"}}
    ]}]}"#;
    let options = ImportOptions {
        default_severity: Severity::Low,
        root: None,
    };
    let scan = import_with(ReportFormat::Sarif, log, &options);
    let severities: Vec<Severity> = scan.findings.iter().map(|f| f.severity).collect();
    assert_eq!(severities, [Severity::Low, Severity::Medium]);
    assert_eq!(scan.started_at, None);
    assert_eq!(scan.status, RunStatus::Complete);
    assert_eq!(
        scan.notes,
        [
            "ignored `yesterday` at `$.runs[0].invocations[0].startTimeUtc`: not an RFC 3339 date-time",
            "ignored 1 `security-severity` value that was not a score from 0 to 10",
            "unknown level `critical` on 1 result, imported as low",
            "unknown kind `weird` on 1 result, imported as `fail`",
        ]
    );
}
