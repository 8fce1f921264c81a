//! The JSON document of a scan (`docs/json.md`, "IaC scan").

use super::{ScanMeta, counts, draft, message, status};
use crate::scan::{CheckResult, Outcome, ScanReport};
use serde_json::{Value, json};

/// The whole document. `deputy-app` adds `run` when the scan was recorded.
pub fn document(report: &ScanReport, meta: ScanMeta<'_>) -> Value {
    let (passed, failed, skipped) = report.counts();
    let parse_errors = report
        .diagnostics
        .iter()
        .filter(|d| d.makes_partial())
        .count();
    json!({
        "tool": super::SOURCE,
        "version": meta.version,
        "root": meta.root,
        "status": status(report),
        "summary": {
            "files": report.files,
            "resources": report.resources,
            "checks": report.checks,
            "passed": passed,
            "failed": failed,
            "skipped": skipped,
            "parsing_errors": parse_errors,
        },
        "counts": counts(report),
        "findings": super::failures(report).into_iter().map(finding).collect::<Vec<_>>(),
        "skipped": report
            .results
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Skipped(_)))
            .map(finding)
            .collect::<Vec<_>>(),
        "diagnostics": report.diagnostics,
        "run": Value::Null,
    })
}

/// One failed or skipped result, with Checkov's field names where Checkov has the field.
fn finding(r: &CheckResult) -> Value {
    let mut v = json!({
        "code": r.meta.code,
        "checkov_ids": r.meta.checkov,
        "severity": r.meta.severity,
        "title": r.meta.title,
        "framework": r.framework,
        "resource_type": r.kind,
        "resource": r.address,
        "file_path": r.file,
        "file_line_range": [r.span.start, r.span.end],
        "caller_file_path": r.caller.as_ref().map(|c| &c.file),
        "caller_file_line_range": r.caller.as_ref().map(|c| [c.span.start, c.span.end]),
        "message": message(r),
        "remediation": r.meta.remediation,
        "guideline": r.meta.references.first(),
        "fingerprint": draft(r).fingerprint.as_str(),
    });
    if let (Outcome::Skipped(reason), Some(map)) = (&r.outcome, v.as_object_mut()) {
        map.insert("suppress_comment".to_owned(), json!(reason));
    }
    v
}
