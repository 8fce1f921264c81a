//! The findings as a SARIF 2.1.0 log that code-scanning services and Deputy itself import.

use crate::model::{Report, ReportFinding};
use deputy_core::{FindingState, Severity};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// SARIF's `level` for a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
        Severity::Info => "none",
    }
}

/// A `security-severity` score that maps back to the same severity.
pub fn score(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "2.0",
        Severity::Info => "0.0",
    }
}

/// One run by `deputy`, with a rule per rule id and a result per finding. Findings people
/// decided (false positive, accepted risk, out of scope) carry an accepted external
/// suppression with the decision as justification.
pub fn render(report: &Report) -> String {
    let mut rules: BTreeMap<&str, &ReportFinding> = BTreeMap::new();
    for f in &report.findings {
        rules.entry(f.rule_id.as_str()).or_insert(f);
    }
    let index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, k)| (*k, i)).collect();
    let rule_values: Vec<Value> = rules
        .values()
        .map(|f| {
            let mut rule = json!({
                "id": f.rule_id,
                "shortDescription": {"text": f.title},
                "defaultConfiguration": {"level": level(f.severity)},
                "properties": {"security-severity": score(f.severity)},
            });
            if let Some(uri) = &f.help_uri {
                set(&mut rule, "helpUri", json!(uri));
            }
            if let Some(r) = &f.remediation {
                set(&mut rule, "help", json!({"text": r}));
            }
            rule
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut result = json!({
                "ruleId": f.rule_id,
                "ruleIndex": index.get(f.rule_id.as_str()).copied().unwrap_or(0),
                "level": level(f.severity),
                "message": {"text": if f.message.is_empty() { &f.title } else { &f.message }},
                "partialFingerprints": {"deputyFingerprint/v1": f.fingerprint},
                "properties": {
                    "security-severity": score(f.severity),
                    "deputy/severity": f.severity,
                    "deputy/state": f.state,
                    "deputy/findingId": f.id,
                    "deputy/firstSeen": f.first_seen,
                    "deputy/slaDue": f.sla_due,
                    "deputy/overdue": f.overdue,
                },
            });
            let mut location = json!({});
            if let Some(path) = &f.path {
                let mut physical = json!({"artifactLocation": {"uri": path}});
                if let Some(start) = f.start_line.filter(|l| *l > 0) {
                    set(&mut physical, "region", json!({"startLine": start, "endLine": f.end_line.unwrap_or(start).max(start)}));
                }
                set(&mut location, "physicalLocation", physical);
            }
            if let Some(resource) = &f.resource {
                set(&mut location, "logicalLocations", json!([{"fullyQualifiedName": resource}]));
            }
            if location.as_object().is_some_and(|o| !o.is_empty()) {
                set(&mut result, "locations", json!([location]));
            }
            if f.state.is_human_decision() {
                set(&mut result, "suppressions", json!([{
                    "kind": "external",
                    "status": "accepted",
                    "justification": decision(f.state),
                }]));
            }
            result
        })
        .collect();
    let mut run = json!({
        "automationDetails": {"id": format!("deputy/{}/scan-{}", report.project, report.scan.id)},
        "invocations": [{
            "executionSuccessful": report.scan.status == deputy_core::RunStatus::Complete,
            "startTimeUtc": report.scan.started_at,
            "endTimeUtc": report.scan.finished_at,
        }],
        "results": results,
    });
    let driver = json!({
        "name": "deputy",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rule_values,
    });
    log(driver, &mut run)
}

/// A SARIF 2.1.0 log of one run: `run` gains `tool.driver` = `driver`; the text is pretty
/// JSON with a final newline.
pub fn log(driver: Value, run: &mut Value) -> String {
    set(run, "tool", json!({ "driver": driver }));
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

/// Sets `key` on a JSON object (a no-op on anything else).
pub fn set(target: &mut Value, key: &str, value: Value) {
    if let Some(map) = target.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}

fn decision(state: FindingState) -> &'static str {
    match state {
        FindingState::FalsePositive => "false positive (decided in Deputy)",
        FindingState::AcceptedRisk => "accepted risk (decided in Deputy)",
        _ => "out of scope (decided in Deputy)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_import::{ImportOptions, ReportFormat};

    /// Deputy reads back what it writes: same findings, severities and locations, with the
    /// decided ones suppressed.
    #[test]
    fn round_trips_through_the_importer() {
        let report = crate::fixture::sample(60, true);
        let log = render(&report);
        let scan = deputy_import::parse(
            ReportFormat::Sarif,
            log.as_bytes(),
            &ImportOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let kept: Vec<&ReportFinding> = report
            .findings
            .iter()
            .filter(|f| !f.state.is_human_decision())
            .collect();
        assert_eq!(scan.findings.len(), kept.len());
        for (draft, f) in scan.findings.iter().zip(&kept) {
            assert_eq!(draft.rule_id, f.rule_id);
            assert_eq!(draft.severity, f.severity);
            assert_eq!(draft.location.path, f.path);
            assert_eq!(draft.location.start_line, f.start_line);
            assert_eq!(draft.location.resource, f.resource);
        }
        assert!(
            scan.notes.iter().any(|n| n.contains("suppressed")),
            "{:?}",
            scan.notes
        );
    }
}
