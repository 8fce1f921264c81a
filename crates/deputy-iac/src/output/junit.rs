//! The scan as JUnit XML, the way CI systems show test results: a test suite per
//! framework, a test case per result (Checkov's `junitxml` layout), failed results as
//! failures and suppressed ones as skipped; diagnostics go to `system-err`.

use super::{ScanMeta, lines, message};
use crate::model::Framework;
use crate::scan::{CheckResult, Outcome, ScanReport};
use deputy_report::escape::xml;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Writing to a `String` cannot fail, so the `fmt::Result`s of `write!` are dropped.
pub fn render(report: &ScanReport, meta: ScanMeta<'_>) -> String {
    let mut suites: BTreeMap<Framework, Vec<&CheckResult>> = BTreeMap::new();
    for r in &report.results {
        suites.entry(r.framework).or_default().push(r);
    }
    let (_, failed, skipped) = report.counts();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"{} {}\" tests=\"{}\" failures=\"{failed}\" skipped=\"{skipped}\">",
        super::SOURCE,
        xml(meta.root),
        report.results.len()
    );
    for (framework, results) in &suites {
        let count = |f: fn(&Outcome) -> bool| results.iter().filter(|r| f(&r.outcome)).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{framework}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" errors=\"0\">",
            results.len(),
            count(|o| matches!(o, Outcome::Failed(_))),
            count(|o| matches!(o, Outcome::Skipped(_))),
        );
        for r in results {
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"[{}][{}] {}\" file=\"{}\"",
                xml(&format!("{}.{}", r.file, r.address)),
                r.meta.severity.as_str().to_ascii_uppercase(),
                r.meta.code,
                xml(r.meta.title),
                xml(&r.file),
            );
            match &r.outcome {
                Outcome::Passed => out.push_str("/>\n"),
                Outcome::Failed(_) => {
                    let _ = writeln!(
                        out,
                        ">\n      <failure type=\"{}\" message=\"{}\">{} {}:{} (Checkov: {})\n{}</failure>\n    </testcase>",
                        r.meta.severity,
                        xml(message(r)),
                        xml(&r.address),
                        xml(&r.file),
                        lines(r.span.start, r.span.end),
                        xml(&r.meta.checkov.join(", ")),
                        xml(r.meta.remediation),
                    );
                }
                Outcome::Skipped(reason) => {
                    let _ = writeln!(
                        out,
                        ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                        xml(reason)
                    );
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    if !report.diagnostics.is_empty() {
        out.push_str("  <system-err>");
        for d in &report.diagnostics {
            let _ = writeln!(out, "{}: {}", xml(&d.file), xml(&d.message));
        }
        out.push_str("</system-err>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
