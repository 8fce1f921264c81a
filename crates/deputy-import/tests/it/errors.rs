use super::{fixture, import_error};
use deputy_import::ReportFormat;

/// Asserts where an import fails and what it says.
fn check(format: ReportFormat, input: &str, json_path: &str, message: &str) {
    let e = import_error(format, input.as_bytes());
    assert_eq!(
        (e.json_path.as_str(), e.message.as_str()),
        (json_path, message),
        "{e}"
    );
}

#[test]
fn truncated_json_names_position_and_path() {
    let full = fixture("multi_run.sarif.json");
    let cut = full.len() * 3 / 5;
    let e = import_error(ReportFormat::Sarif, &full[..cut]);
    assert!(e.json_path.starts_with("$.runs[0].results["), "{e}");
    assert!(e.line.is_some_and(|l| l > 1) && e.column.is_some(), "{e}");
    assert!(e.message.starts_with("unexpected end of input"), "{e}");
    assert!(
        e.to_string()
            .starts_with(&format!("at `{}` (line ", e.json_path)),
        "{e}"
    );
}

#[test]
fn version_must_be_2_1_0() {
    check(
        ReportFormat::Sarif,
        r#"{"version": "2.0.0", "runs": []}"#,
        "$.version",
        "unsupported SARIF version `2.0.0` (expected `2.1.0`)",
    );
    check(
        ReportFormat::Sarif,
        r#"{"runs": []}"#,
        "$.version",
        "the log has no `version` (expected `2.1.0`)",
    );
    // A log of another version is reported as such even when its shape differs too.
    check(
        ReportFormat::Sarif,
        r#"{"version": "1.0.0", "runs": [{"results": [{"ruleId": 7}]}]}"#,
        "$.version",
        "unsupported SARIF version `1.0.0` (expected `2.1.0`)",
    );
    check(
        ReportFormat::Sarif,
        r#"{"version": "2.1.0"}"#,
        "$.runs",
        "the log has no `runs` (expected an array of runs)",
    );
}

#[test]
fn result_without_rule_id_is_an_error_at_the_result() {
    let log = r#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [
        {"ruleId": "A", "message": {"text": "ok"}},
        {"message": {"text": "which rule?"}}
    ]}]}"#;
    let e = import_error(ReportFormat::Sarif, log.as_bytes());
    assert_eq!(
        e.to_string(),
        "at `$.runs[0].results[1]`: result has no rule id (expected `ruleId`, `rule.id` or `rule.index`)"
    );
}

#[test]
fn references_out_of_range_are_errors_at_the_index() {
    let log = |result: &str| {
        format!(
            r#"{{"version": "2.1.0", "runs": [{{"tool": {{"driver": {{"name": "t", "rules": [{{"id": "A"}}]}}}},
            "artifacts": [], "results": [{result}]}}]}}"#
        )
    };
    check(
        ReportFormat::Sarif,
        &log(r#"{"rule": {"index": 1}, "message": {"text": "m"}}"#),
        "$.runs[0].results[0].rule.index",
        "rule index `1` is out of range (`tool.driver.rules` has 1 rule)",
    );
    check(
        ReportFormat::Sarif,
        &log(r#"{"ruleIndex": 3, "message": {"text": "m"}}"#),
        "$.runs[0].results[0].ruleIndex",
        "rule index `3` is out of range (`tool.driver.rules` has 1 rule)",
    );
    check(
        ReportFormat::Sarif,
        &log(r#"{"rule": {"id": "X", "toolComponent": {"index": 0}}, "message": {"text": "m"}}"#),
        "$.runs[0].results[0].rule.toolComponent.index",
        "tool component index `0` is out of range (the run has 0 extensions)",
    );
    check(
        ReportFormat::Sarif,
        &log(r#"{"ruleId": "A", "message": {"text": "m"},
            "locations": [{"physicalLocation": {"artifactLocation": {"index": 0}}}]}"#),
        "$.runs[0].results[0].locations[0].physicalLocation.artifactLocation.index",
        "artifact index `0` is out of range (`runs[0].artifacts` has 0 artifacts)",
    );
}

#[test]
fn run_without_tool_name_is_an_error() {
    check(
        ReportFormat::Sarif,
        r#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "a"}}, "results": []}, {"tool": {"driver": {}}}]}"#,
        "$.runs[1].tool.driver.name",
        "the run has no tool name (expected `tool.driver.name`)",
    );
}

#[test]
fn wrong_types_name_their_path_and_position() {
    let log = r#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [
        {"ruleId": "A", "message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": "ten"}}}]}
    ]}]}"#;
    let e = import_error(ReportFormat::Sarif, log.as_bytes());
    assert_eq!(
        e.json_path,
        "$.runs[0].results[0].locations[0].physicalLocation.region.startLine"
    );
    assert_eq!(
        e.message,
        r#"invalid type: string "ten", expected an integer"#
    );
    assert_eq!((e.line, e.column), (Some(2), Some(115)));

    check(
        ReportFormat::Sarif,
        r#"{"version": "2.1.0", "runs": {"tool": 1}}"#,
        "$.runs",
        "invalid type: map, expected a sequence",
    );
    check(
        ReportFormat::Sarif,
        r#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [{"id": "A", "properties": {"security-severity": [9]}}]}}}]}"#,
        r#"$.runs[0].tool.driver.rules[0].properties["security-severity"]"#,
        "invalid type: sequence, expected a score (a number or a numeric string)",
    );
    let e = import_error(ReportFormat::Sarif, b"\n  [\"2.1.0\", []]");
    assert_eq!(
        e.to_string(),
        "at `$` (line 2, column 3): invalid type: sequence, expected a SARIF log object"
    );
    check(
        ReportFormat::Sarif,
        "",
        "$",
        "unexpected end of input, the report looks truncated (EOF while parsing a value)",
    );
}

#[test]
fn checkov_errors_name_their_path() {
    let report = |checks: &str| {
        format!(
            r#"{{"check_type": "terraform", "results": {{"failed_checks": [{checks}]}},
            "summary": {{"failed": 1, "checkov_version": "3"}}}}"#
        )
    };
    let ok = r#"{"check_id": "CKV_1", "resource": "r", "file_path": "/a.tf"}"#;
    check(
        ReportFormat::Checkov,
        &format!(
            "[{}, {}]",
            report(ok),
            report(&format!(r#"{ok}, {{"check_name": "no id"}}"#))
        ),
        "$[1].results.failed_checks[1].check_id",
        "the failed check has no `check_id`",
    );
    check(
        ReportFormat::Checkov,
        &report(r#"{"check_id": "CKV_1", "file_line_range": "1-4"}"#),
        "$.results.failed_checks[0].file_line_range",
        r#"invalid type: string "1-4", expected a sequence"#,
    );
    check(
        ReportFormat::Checkov,
        r#"{"runs": []}"#,
        "$",
        "not a Checkov report (expected `results` and `summary`, or a bare summary)",
    );
    check(
        ReportFormat::Checkov,
        r#"[{"check_type": "helm", "summary": {"failed": 0}}]"#,
        "$[0].results",
        "the `helm` report has no `results` (expected `results` and `summary`, or a bare summary)",
    );
    check(
        ReportFormat::Checkov,
        r#"{"passed": 0, "failed": 2, "checkov_version": "3.2.1"}"#,
        "$.failed",
        "the summary counts 2 failed checks but the report lists none",
    );
    check(
        ReportFormat::Checkov,
        r#""text""#,
        "$",
        r#"invalid type: string "text", expected a Checkov report object"#,
    );
}
