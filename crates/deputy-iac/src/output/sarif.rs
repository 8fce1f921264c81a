//! The scan as a SARIF 2.1.0 log: a rule per Deputy code with the Checkov ids in its
//! properties, a result per failure (and per suppressed result, marked suppressed), and
//! the diagnostics as tool notifications.

use super::{ScanMeta, draft, message};
use crate::check::Meta;
use crate::model::DiagnosticKind;
use crate::model::Span;
use crate::scan::{CheckResult, Outcome, ScanReport};
use deputy_report::sarif::{level, log, score, set};
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub fn render(report: &ScanReport, meta: ScanMeta<'_>) -> String {
    let shown: Vec<&CheckResult> = report
        .results
        .iter()
        .filter(|r| !matches!(r.outcome, Outcome::Passed))
        .collect();
    let metas: BTreeMap<&str, &Meta> = shown.iter().map(|r| (r.meta.code, r.meta)).collect();
    let index: BTreeMap<&str, usize> = metas.keys().enumerate().map(|(i, k)| (*k, i)).collect();
    let rules: Vec<Value> = metas.values().map(|m| rule(m)).collect();
    let results: Vec<Value> = shown
        .iter()
        .map(|r| result(r, index.get(r.meta.code).copied().unwrap_or(0)))
        .collect();
    let notifications: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut physical = json!({"artifactLocation": {"uri": d.file}});
            if let Some(line) = d.line.filter(|l| *l > 0) {
                let mut region = json!({"startLine": line});
                if let (Some(col), Some(map)) =
                    (d.column.filter(|c| *c > 0), region.as_object_mut())
                {
                    map.insert("startColumn".to_owned(), json!(col));
                }
                set(&mut physical, "region", region);
            }
            json!({
                "level": if d.kind == DiagnosticKind::ParseError { "error" } else { "warning" },
                "message": {"text": d.message},
                "descriptor": {"id": format!("{:?}", d.kind).to_ascii_lowercase()},
                "locations": [{"physicalLocation": physical}],
            })
        })
        .collect();
    let driver = json!({
        "name": super::SOURCE,
        "version": meta.version,
        "informationUri": "https://github.com/deputy-sec/deputy",
        "rules": rules,
    });
    let mut run = json!({
        "invocations": [{
            "executionSuccessful": true,
            "toolExecutionNotifications": notifications,
        }],
        "results": results,
        "properties": {"root": meta.root, "status": super::status(report)},
    });
    log(driver, &mut run)
}

/// A physical location: the file, and its lines when known.
fn physical(file: &str, span: Span) -> Value {
    let mut physical = json!({"artifactLocation": {"uri": file}});
    if span.start > 0 {
        set(
            &mut physical,
            "region",
            json!({"startLine": span.start, "endLine": span.end.max(span.start)}),
        );
    }
    physical
}

fn rule(m: &Meta) -> Value {
    let frameworks: Vec<&str> = m.frameworks().into_iter().map(|f| f.as_str()).collect();
    let mut tags = vec!["security", "iac"];
    tags.extend(&frameworks);
    let mut rule = json!({
        "id": m.code,
        "name": m.code,
        "shortDescription": {"text": m.title},
        "fullDescription": {"text": m.description},
        "help": {"text": m.remediation},
        "defaultConfiguration": {"level": level(m.severity)},
        "properties": {
            "checkovIds": m.checkov,
            "security-severity": score(m.severity),
            "severity": m.severity,
            "tags": tags,
        },
    });
    if let Some(uri) = m.references.first() {
        set(&mut rule, "helpUri", json!(uri));
    }
    rule
}

fn result(r: &CheckResult, rule_index: usize) -> Value {
    let mut result = json!({
        "ruleId": r.meta.code,
        "ruleIndex": rule_index,
        "level": level(r.meta.severity),
        "message": {"text": message(r)},
        "locations": [{
            "physicalLocation": physical(&r.file, r.span),
            "logicalLocations": [{"fullyQualifiedName": r.address, "kind": "resource"}],
        }],
        "partialFingerprints": {"deputyFingerprint/v1": draft(r).fingerprint.as_str()},
        "properties": {
            "checkovIds": r.meta.checkov,
            "security-severity": score(r.meta.severity),
            "severity": r.meta.severity,
            "resourceType": r.kind,
            "framework": r.framework,
        },
    });
    if let Some(c) = &r.caller {
        set(
            &mut result,
            "relatedLocations",
            json!([{"id": 0, "physicalLocation": physical(&c.file, c.span), "message": {"text": "module call"}}]),
        );
    }
    if let Outcome::Skipped(reason) = &r.outcome {
        let kind = if reason == crate::scan::BASELINED {
            "external"
        } else {
            "inSource"
        };
        set(
            &mut result,
            "suppressions",
            json!([{"kind": kind, "status": "accepted", "justification": reason}]),
        );
    }
    result
}
