//! Checkov's JSON output (`checkov -o json`): one report object per framework, or a list
//! of them, or a bare summary when there was nothing to scan. Only failed checks become
//! findings; Checkov's (check id, resource, file) is unique, so no discriminators are needed.

use crate::error::{self, ImportError};
use crate::int::Int;
use crate::{ImportOptions, ImportedScan, ReportFormat, count, path};
use deputy_core::{FindingDraft, Location, RunStatus, Severity};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::BTreeMap;

const SOURCE: &str = "checkov";

/// Either shape of a top-level document.
#[derive(Debug)]
enum Document {
    One(Report),
    Many(Vec<Report>),
}

/// A framework's report, or the bare summary Checkov prints when it found nothing to scan.
/// Both shapes share one struct so that a wrong type is reported at its exact path.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a Checkov report object")]
struct Report {
    #[serde(default)]
    check_type: Option<String>,
    #[serde(default)]
    results: Option<Results>,
    #[serde(default)]
    summary: Option<Summary>,
    // The bare-summary shape.
    #[serde(default)]
    failed: Option<Int>,
    #[serde(default)]
    parsing_errors: Option<Int>,
    #[serde(default)]
    checkov_version: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a Checkov results object")]
struct Results {
    #[serde(default)]
    failed_checks: Option<Vec<FailedCheck>>,
    #[serde(default)]
    skipped_checks: Option<Vec<IgnoredAny>>,
    #[serde(default)]
    parsing_errors: Option<Vec<serde_json::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a Checkov summary object")]
struct Summary {
    #[serde(default)]
    parsing_errors: Option<Int>,
    #[serde(default)]
    checkov_version: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "a Checkov check object")]
struct FailedCheck {
    #[serde(default)]
    check_id: Option<String>,
    #[serde(default)]
    check_name: Option<String>,
    #[serde(default)]
    file_path: Option<String>,
    #[serde(default)]
    file_line_range: Option<Vec<Int>>,
    #[serde(default)]
    resource: Option<String>,
    /// A string such as `HIGH` when Checkov knows it; other shapes are treated as unknown.
    #[serde(default)]
    severity: Option<serde_json::Value>,
    #[serde(default)]
    guideline: Option<String>,
    #[serde(default)]
    details: Option<Vec<serde_json::Value>>,
}

pub(crate) fn parse(bytes: &[u8], options: &ImportOptions) -> Result<ImportedScan, ImportError> {
    let document = match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => Document::Many(error::decode(bytes)?),
        _ => Document::One(error::decode(bytes)?),
    };
    let mut import = CheckovImport {
        options,
        scan: ImportedScan::empty(ReportFormat::Checkov),
        unparsed: Vec::new(),
        unparsed_count: 0,
        skipped: 0,
        unknown_severities: BTreeMap::new(),
    };
    // The tool covers its scope even when it reports nothing.
    import.scan.tools.insert(SOURCE.to_owned());
    match &document {
        Document::One(report) => import.report("$".to_owned(), report)?,
        Document::Many(reports) => {
            for (i, report) in reports.iter().enumerate() {
                import.report(format!("$[{i}]"), report)?;
            }
        }
    }
    Ok(import.finish())
}

#[derive(Debug)]
struct CheckovImport<'o> {
    options: &'o ImportOptions,
    scan: ImportedScan,
    /// Files Checkov names as unparsable.
    unparsed: Vec<String>,
    /// Parsing errors counted in summaries, which may exceed the files named.
    unparsed_count: u64,
    skipped: usize,
    unknown_severities: BTreeMap<String, usize>,
}

impl CheckovImport<'_> {
    fn report(&mut self, at: String, report: &Report) -> Result<(), ImportError> {
        let version = report
            .summary
            .as_ref()
            .and_then(|s| s.checkov_version.as_deref())
            .or(report.checkov_version.as_deref());
        if self.scan.tool_version.is_none() {
            self.scan.tool_version = version.filter(|v| !v.is_empty()).map(str::to_owned);
        }
        let Some(results) = &report.results else {
            return self.bare_summary(&at, report, version.is_some());
        };
        self.add_unparsed_count(report.summary.as_ref().and_then(|s| s.parsing_errors));
        for file in results.parsing_errors.as_deref().unwrap_or_default() {
            self.unparsed.push(match file {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        }
        self.skipped += results.skipped_checks.as_ref().map_or(0, Vec::len);
        let failed = results.failed_checks.as_deref().unwrap_or_default();
        self.scan.findings.reserve(failed.len());
        for (j, check) in failed.iter().enumerate() {
            let draft = self.draft(check, || format!("{at}.results.failed_checks[{j}]"))?;
            self.scan.findings.push(draft);
        }
        Ok(())
    }

    /// The summary-only shape: valid only when it reports no failures.
    fn bare_summary(
        &mut self,
        at: &str,
        report: &Report,
        has_version: bool,
    ) -> Result<(), ImportError> {
        let is_summary = has_version || report.failed.is_some() || report.parsing_errors.is_some();
        if !is_summary || report.check_type.is_some() || report.summary.is_some() {
            let expected = "expected `results` and `summary`, or a bare summary";
            return Err(match report.check_type.as_deref() {
                Some(check_type) => ImportError::at(
                    format!("{at}.results"),
                    format!("the `{check_type}` report has no `results` ({expected})"),
                ),
                None => ImportError::at(at, format!("not a Checkov report ({expected})")),
            });
        }
        if let Some(Int(failed @ 1..)) = report.failed {
            return Err(ImportError::at(
                format!("{at}.failed"),
                format!("the summary counts {failed} failed checks but the report lists none"),
            ));
        }
        self.add_unparsed_count(report.parsing_errors);
        Ok(())
    }

    fn add_unparsed_count(&mut self, n: Option<Int>) {
        let n = n.and_then(|n| u64::try_from(n.0).ok()).unwrap_or(0);
        self.unparsed_count = self.unparsed_count.saturating_add(n);
    }

    fn draft(
        &mut self,
        check: &FailedCheck,
        at: impl Fn() -> String,
    ) -> Result<FindingDraft, ImportError> {
        let rule_id = check
            .check_id
            .as_deref()
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| {
                ImportError::at(
                    format!("{}.check_id", at()),
                    "the failed check has no `check_id`",
                )
            })?;
        let title = check
            .check_name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(rule_id)
            .to_owned();
        let mut message = title.clone();
        for detail in check.details.as_deref().unwrap_or_default() {
            message.push('\n');
            match detail {
                serde_json::Value::String(s) => message.push_str(s),
                other => message.push_str(&other.to_string()),
            }
        }
        let severity = self.severity(check.severity.as_ref());
        let (start_line, end_line) = match check.file_line_range.as_deref() {
            Some([start, end, ..]) => (start.line(), end.line()),
            Some([start]) => (start.line(), start.line()),
            _ => (None, None),
        };
        let location = Location {
            path: check.file_path.as_deref().map(|p| self.project_path(p)),
            start_line,
            end_line,
            resource: check.resource.clone(),
            setting_path: None,
        };
        let mut draft = FindingDraft::new(SOURCE, rule_id, severity, title, message, location, &[]);
        draft.help_uri = check.guideline.clone().filter(|g| !g.is_empty());
        Ok(draft)
    }

    fn severity(&mut self, value: Option<&serde_json::Value>) -> Severity {
        let default = self.options.default_severity;
        match value {
            None | Some(serde_json::Value::Null) => default,
            Some(serde_json::Value::String(s)) => s.parse().unwrap_or_else(|_| {
                *self.unknown_severities.entry(s.clone()).or_default() += 1;
                default
            }),
            Some(other) => {
                *self
                    .unknown_severities
                    .entry(other.to_string())
                    .or_default() += 1;
                default
            }
        }
    }

    /// Checkov writes paths relative to the scanned directory with a leading `/`, or
    /// absolute paths when given absolute files.
    fn project_path(&self, file_path: &str) -> String {
        let decoded = file_path.replace('\\', "/");
        let roots: Vec<String> = self
            .options
            .root
            .iter()
            .map(|r| path::decode_uri(r))
            .collect();
        path::strip_roots(&decoded, &roots)
            .unwrap_or_else(|| path::clean_relative(&decoded))
            .to_owned()
    }

    fn finish(mut self) -> ImportedScan {
        let notes = &mut self.scan.notes;
        let named = u64::try_from(self.unparsed.len()).unwrap_or(u64::MAX);
        if named > 0 || self.unparsed_count > 0 {
            self.scan.status = RunStatus::Partial;
            let n = usize::try_from(named.max(self.unparsed_count)).unwrap_or(usize::MAX);
            let mut note = format!("checkov could not parse {}", count(n, "file"));
            if !self.unparsed.is_empty() {
                note.push_str(": ");
                note.push_str(&self.unparsed.join(", "));
            }
            notes.push(note);
        }
        if self.skipped > 0 {
            notes.push(format!(
                "{} skipped in source (checkov:skip)",
                count(self.skipped, "check")
            ));
        }
        for (severity, n) in &self.unknown_severities {
            notes.push(format!(
                "unknown severity `{severity}` on {}, imported as {}",
                count(*n, "check"),
                self.options.default_severity
            ));
        }
        self.scan
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_file_ranges_have_no_start_line() {
        // Checkov writes `[0, 1]` for checks on a whole file.
        let check: FailedCheck = match serde_json::from_str(
            r#"{"check_id": "CKV2_GHA_1", "file_path": "/w.yml", "file_line_range": [0, 1]}"#,
        ) {
            Ok(c) => c,
            Err(e) => return assert_eq!(e.to_string(), ""),
        };
        let options = ImportOptions::default();
        let mut import = CheckovImport {
            options: &options,
            scan: ImportedScan::empty(ReportFormat::Checkov),
            unparsed: Vec::new(),
            unparsed_count: 0,
            skipped: 0,
            unknown_severities: BTreeMap::new(),
        };
        let draft = import.draft(&check, || "$".to_owned()).map(|d| d.location);
        let expected = Location {
            path: Some("w.yml".to_owned()),
            start_line: None,
            end_line: Some(1),
            ..Location::default()
        };
        assert_eq!(draft, Ok(expected));
    }
}
