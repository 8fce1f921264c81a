//! SARIF 2.1.0 logs: each result of kind `fail`, `open` or `review` that is neither
//! suppressed nor absent from the baseline becomes a finding draft.
//!
//! Identity follows what GitHub code scanning users expect: a result's `fingerprints`, else
//! its `partialFingerprints`, else its rank among the results of the same rule, file and
//! logical location ordered by position. None of these changes when every line shifts or a
//! tool rewords its messages.

mod context;
mod identity;
mod message;
mod model;

use crate::error::{self, ImportError};
use crate::{ImportOptions, ImportedScan, ReportFormat, count};
use context::RunContext;
use deputy_core::{RunStatus, Severity};
use identity::{DraftParts, Slot, assign_occurrences};
use message::message_text;
use model::{Log, Rule, Run, SarifResult, VersionProbe};
use std::collections::BTreeMap;
use time::OffsetDateTime;

const SUPPORTED_VERSION: &str = "2.1.0";

pub(crate) fn parse(bytes: &[u8], options: &ImportOptions) -> Result<ImportedScan, ImportError> {
    // Serde would read an array positionally into the log's fields.
    if let Some(at) = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .filter(|&at| bytes.get(at) == Some(&b'['))
    {
        return Err(error::at_byte(
            bytes,
            at,
            "$",
            "invalid type: sequence, expected a SARIF log object",
        ));
    }
    // A log of another version may fail to decode as 2.1.0; then the version is the error
    // worth reporting.
    let log: Log<'_> = error::decode(bytes).map_err(|e| version_error(bytes).unwrap_or(e))?;
    check_version(log.version.as_deref())?;
    let runs = log.runs.as_deref().ok_or_else(|| {
        ImportError::at(
            "$.runs",
            "the log has no `runs` (expected an array of runs)",
        )
    })?;
    let mut import = SarifImport::new(options);
    for (index, run) in runs.iter().enumerate() {
        import.run(index, run)?;
    }
    Ok(import.finish())
}

fn version_error(bytes: &[u8]) -> Option<ImportError> {
    let probe: VersionProbe = serde_json::from_slice(bytes).ok()?;
    match probe.version {
        Some(serde_json::Value::String(v)) => check_version(Some(&v)).err(),
        Some(other) => Some(ImportError::at(
            "$.version",
            format!("unsupported SARIF version `{other}` (expected `{SUPPORTED_VERSION}`)"),
        )),
        None => check_version(None).err(),
    }
}

fn check_version(version: Option<&str>) -> Result<(), ImportError> {
    match version {
        Some(SUPPORTED_VERSION) => Ok(()),
        Some(other) => Err(ImportError::at(
            "$.version",
            format!("unsupported SARIF version `{other}` (expected `{SUPPORTED_VERSION}`)"),
        )),
        None => Err(ImportError::at(
            "$.version",
            format!("the log has no `version` (expected `{SUPPORTED_VERSION}`)"),
        )),
    }
}

/// Counts behind the notes about skipped or odd results.
#[derive(Debug, Default)]
struct Tally {
    suppressed: usize,
    absent: usize,
    not_failing: usize,
    bad_scores: usize,
    unknown_levels: BTreeMap<String, usize>,
    unknown_kinds: BTreeMap<String, usize>,
}

#[derive(Debug)]
struct SarifImport<'o> {
    options: &'o ImportOptions,
    scan: ImportedScan,
    slots: Vec<Slot>,
    tally: Tally,
}

impl<'o> SarifImport<'o> {
    fn new(options: &'o ImportOptions) -> Self {
        Self {
            options,
            scan: ImportedScan::empty(ReportFormat::Sarif),
            slots: Vec::new(),
            tally: Tally::default(),
        }
    }

    fn run(&mut self, index: usize, run: &Run<'_>) -> Result<(), ImportError> {
        let driver = run.tool.as_ref().and_then(|t| t.driver.as_ref());
        let name = driver
            .and_then(|d| non_empty(d.name.as_deref()))
            .ok_or_else(|| {
                ImportError::at(
                    format!("$.runs[{index}].tool.driver.name"),
                    "the run has no tool name (expected `tool.driver.name`)",
                )
            })?;
        let source = name.to_ascii_lowercase();
        self.scan.tools.insert(source.clone());
        if self.scan.tool_version.is_none() {
            self.scan.tool_version = driver
                .and_then(|d| {
                    non_empty(d.version.as_deref()).or(non_empty(d.semantic_version.as_deref()))
                })
                .map(str::to_owned);
        }
        self.provenance(run);
        self.invocations(index, &source, run);

        let ctx = RunContext::new(index, run, source, self.options);
        match run.results.as_deref() {
            Some(results) => {
                self.slots.reserve(results.len());
                for (j, result) in results.iter().enumerate() {
                    self.result(&ctx, j, result)?;
                }
            }
            None => {
                // SARIF distinguishes "found nothing" (an empty array) from "did not get
                // far enough to report" (no array).
                self.scan.status = RunStatus::Partial;
                self.scan.notes.push(format!(
                    "run {index} (`{}`) has no `results` array, so the tool did not finish",
                    ctx.source
                ));
            }
        }
        Ok(())
    }

    fn provenance(&mut self, run: &Run<'_>) {
        if let Some(vcs) = run
            .version_control_provenance
            .as_deref()
            .and_then(<[_]>::first)
        {
            if self.scan.commit.is_none() {
                self.scan.commit = non_empty(vcs.revision_id.as_deref()).map(str::to_owned);
            }
            if self.scan.branch.is_none() {
                self.scan.branch = non_empty(vcs.branch.as_deref()).map(str::to_owned);
            }
        }
    }

    fn invocations(&mut self, index: usize, source: &str, run: &Run<'_>) {
        let invocations = run.invocations.as_deref().unwrap_or_default();
        if let Some(first) = invocations.first() {
            let at = |field: &str| format!("$.runs[{index}].invocations[0].{field}");
            if let Some(t) = self.timestamp(first.start_time_utc.as_deref(), || at("startTimeUtc"))
            {
                self.scan.started_at = Some(self.scan.started_at.map_or(t, |s| s.min(t)));
            }
            if let Some(t) = self.timestamp(first.end_time_utc.as_deref(), || at("endTimeUtc")) {
                self.scan.finished_at = Some(self.scan.finished_at.map_or(t, |s| s.max(t)));
            }
        }
        for (k, invocation) in invocations.iter().enumerate() {
            if invocation.execution_successful == Some(false) {
                self.scan.status = RunStatus::Partial;
                self.scan.notes.push(format!(
                    "run {index} (`{source}`) did not complete: \
                     `invocations[{k}].executionSuccessful` is false"
                ));
            }
            let errors: Vec<&model::Notification<'_>> = [
                &invocation.tool_execution_notifications,
                &invocation.tool_configuration_notifications,
            ]
            .into_iter()
            .flat_map(|n| n.as_deref().unwrap_or_default())
            .filter(|n| n.level.as_deref() == Some("error"))
            .collect();
            if let Some(first) = errors.first() {
                self.scan.status = RunStatus::Partial;
                let text = first
                    .message
                    .as_ref()
                    .and_then(|m| non_empty(m.text.as_deref()).or(non_empty(m.markdown.as_deref())))
                    .map_or_else(|| "no message".to_owned(), |t| format!("`{}`", shorten(t)));
                self.scan.notes.push(format!(
                    "run {index} (`{source}`) reported {} during invocation {k}, the first: {text}",
                    count(errors.len(), "tool error")
                ));
            }
        }
    }

    fn timestamp(
        &mut self,
        value: Option<&str>,
        at: impl Fn() -> String,
    ) -> Option<OffsetDateTime> {
        let value = value?;
        match deputy_core::time_fmt::parse(value) {
            Ok(t) => Some(t),
            Err(_) => {
                self.scan.notes.push(format!(
                    "ignored `{}` at `{}`: not an RFC 3339 date-time",
                    shorten(value),
                    at()
                ));
                None
            }
        }
    }

    fn result(
        &mut self,
        ctx: &RunContext<'_, '_>,
        j: usize,
        result: &SarifResult<'_>,
    ) -> Result<(), ImportError> {
        let result_path = || format!("$.runs[{}].results[{j}]", ctx.index);
        let kind = match result.kind.as_deref().unwrap_or("fail") {
            kind @ ("fail" | "open" | "review") => kind,
            "pass" | "notApplicable" | "informational" => {
                self.tally.not_failing += 1;
                return Ok(());
            }
            // Reporting a result of a kind this version of SARIF does not define is safer
            // than hiding it.
            other => {
                *self
                    .tally
                    .unknown_kinds
                    .entry(other.to_owned())
                    .or_default() += 1;
                "fail"
            }
        };
        if result.baseline_state.as_deref() == Some("absent") {
            self.tally.absent += 1;
            return Ok(());
        }
        let suppressed = result
            .suppressions
            .as_deref()
            .unwrap_or_default()
            .iter()
            .any(|s| {
                // A suppression without a status is in force; `underReview` and `rejected` are not.
                matches!(s.status.as_deref(), None | Some("accepted"))
            });
        if suppressed {
            self.tally.suppressed += 1;
            return Ok(());
        }

        let (rule_id, rule) = ctx.rule(result, &result_path)?;
        let severity = self.severity(result, rule, kind);
        let title = rule
            .and_then(|r| r.short_description.as_ref())
            .and_then(|d| non_empty(d.text.as_deref()))
            .or_else(|| rule.and_then(|r| non_empty(r.name.as_deref())))
            .unwrap_or(rule_id)
            .to_owned();
        let message = message_text(result.message.as_ref(), rule)
            .or_else(|| {
                let full = rule.and_then(|r| r.full_description.as_ref())?;
                non_empty(full.text.as_deref()).map(str::to_owned)
            })
            .unwrap_or_else(|| title.clone());
        let (location, start_column) = ctx.location(result, &result_path)?;
        let parts = DraftParts {
            source: ctx.source.clone(),
            rule_id: rule_id.to_owned(),
            severity,
            title,
            message,
            location,
            help_uri: rule
                .and_then(|r| non_empty(r.help_uri.as_deref()))
                .map(str::to_owned),
            remediation: rule
                .and_then(|r| r.help.as_ref())
                .and_then(|h| non_empty(h.text.as_deref()).or(non_empty(h.markdown.as_deref())))
                .map(str::to_owned),
        };
        let discriminators = [&result.fingerprints, &result.partial_fingerprints]
            .into_iter()
            .flatten()
            .find(|map| !map.is_empty());
        self.slots.push(match discriminators {
            Some(map) => {
                let pairs: Vec<(String, String)> =
                    map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                Slot::Ready(parts.into_draft(&pairs))
            }
            None => Slot::ByOccurrence {
                start_line: parts.location.start_line,
                start_column,
                parts,
            },
        });
        Ok(())
    }

    /// `security-severity` of the result, else of its rule; else the SARIF level.
    fn severity(
        &mut self,
        result: &SarifResult<'_>,
        rule: Option<&Rule<'_>>,
        kind: &str,
    ) -> Severity {
        let scores = [
            result.properties.as_ref(),
            rule.and_then(|r| r.properties.as_ref()),
        ];
        for score in scores
            .into_iter()
            .flatten()
            .filter_map(|p| p.security_severity.as_ref())
        {
            match score.value().and_then(Severity::from_score) {
                Some(severity) => return severity,
                None => self.tally.bad_scores += 1,
            }
        }
        // Per SARIF §3.27.10, a missing level defaults to the rule's configured level only
        // for `fail` results; other kinds default to `none`.
        let level = match (result.level.as_deref(), kind) {
            (Some(level), _) => level,
            (None, "fail") => rule
                .and_then(|r| r.default_configuration.as_ref())
                .and_then(|c| c.level.as_deref())
                .unwrap_or("warning"),
            (None, _) => "none",
        };
        match level {
            "error" => Severity::High,
            "warning" => Severity::Medium,
            "note" => Severity::Low,
            "none" => Severity::Info,
            other => {
                *self
                    .tally
                    .unknown_levels
                    .entry(other.to_owned())
                    .or_default() += 1;
                self.options.default_severity
            }
        }
    }

    fn finish(mut self) -> ImportedScan {
        self.scan.findings = assign_occurrences(self.slots);
        let t = self.tally;
        let notes = &mut self.scan.notes;
        if t.suppressed > 0 {
            notes.push(format!(
                "{} suppressed in source {} skipped",
                count(t.suppressed, "result"),
                were(t.suppressed)
            ));
        }
        if t.absent > 0 {
            notes.push(format!(
                "{} with baseline state `absent` {} skipped",
                count(t.absent, "result"),
                were(t.absent)
            ));
        }
        if t.not_failing > 0 {
            notes.push(format!(
                "{} of kind `pass`, `notApplicable` or `informational` {} skipped",
                count(t.not_failing, "result"),
                were(t.not_failing)
            ));
        }
        if t.bad_scores > 0 {
            notes.push(format!(
                "ignored {} that {} not a score from 0 to 10",
                count(t.bad_scores, "`security-severity` value"),
                if t.bad_scores == 1 { "was" } else { "were" }
            ));
        }
        for (level, n) in &t.unknown_levels {
            notes.push(format!(
                "unknown level `{}` on {}, imported as {}",
                shorten(level),
                count(*n, "result"),
                self.options.default_severity
            ));
        }
        for (kind, n) in &t.unknown_kinds {
            notes.push(format!(
                "unknown kind `{}` on {}, imported as `fail`",
                shorten(kind),
                count(*n, "result")
            ));
        }
        self.scan
    }
}

fn were(n: usize) -> &'static str {
    if n == 1 { "was" } else { "were" }
}

fn non_empty(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.trim().is_empty())
}

/// Clips tool-provided text quoted in a note to a readable length.
fn shorten(s: &str) -> String {
    const LIMIT: usize = 200;
    let line = s.lines().next().unwrap_or_default();
    match line.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{}…", line.get(..end).unwrap_or(line)),
        None if line.len() < s.len() => format!("{line}…"),
        None => line.to_owned(),
    }
}

#[cfg(test)]
mod tests;
