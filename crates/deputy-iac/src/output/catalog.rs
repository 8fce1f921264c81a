//! The check catalog, generated from the registry: the JSON printed by `deputy checks list
//! --source iac --format json` and the Markdown of `docs/iac-checks.md` (a test keeps the
//! committed file equal to it).

use crate::check::Meta;
use crate::registry;
use serde_json::{Value, json};
use std::fmt::Write as _;

/// The catalog as JSON: one object per check, in code order.
pub fn json() -> Value {
    let checks: Vec<Value> = registry::metas()
        .map(|m| {
            json!({
                "code": m.code,
                "checkov_ids": m.checkov,
                "title": m.title,
                "severity": m.severity,
                "severity_reason": m.severity_reason,
                "frameworks": m.frameworks(),
                "targets": m.targets.iter().map(|(f, t)| json!({"framework": f, "type": t})).collect::<Vec<_>>(),
                "description": m.description,
                "remediation": m.remediation,
                "references": m.references,
                "differences": m.differences,
            })
        })
        .collect();
    json!({"source": super::SOURCE, "checks": checks})
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn ids(m: &Meta) -> String {
    if m.checkov.is_empty() {
        "—".to_owned()
    } else {
        m.checkov
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The catalog as Markdown (the text of `docs/iac-checks.md`). Writing to a `String`
/// cannot fail, so the `fmt::Result`s of `write!` are dropped.
pub fn markdown() -> String {
    let all: Vec<&Meta> = registry::metas().collect();
    let claimed: usize = all.iter().map(|m| m.checkov.len()).sum();
    let mut out = String::from("# IaC checks\n\n");
    let _ = writeln!(
        out,
        "Generated from the registry in `crates/deputy-iac/src/checks/` by `deputy checks list --source iac --format markdown`; a test keeps this file equal to the generated text. {} checks, equivalent to {} Checkov ids. Select them with `deputy scan iac --check`/`--skip-check` by code or Checkov id, and suppress one on a resource with `# deputy:skip=<CODE> <reason>` or Checkov's `checkov:skip=<ID>:<reason>` (see `deputy scan iac --help`).\n",
        all.len(),
        claimed
    );
    let _ = writeln!(
        out,
        "| code | Checkov ids | severity | frameworks | title |\n|---|---|---|---|---|"
    );
    for m in &all {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            m.code,
            ids(m),
            m.severity,
            m.frameworks()
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            cell(m.title)
        );
    }
    for m in &all {
        let targets: Vec<String> = m
            .targets
            .iter()
            .map(|(f, t)| format!("{f} `{t}`"))
            .collect();
        let _ = write!(
            out,
            "\n## `{code}` {title}\n\n- **Checkov ids:** {ids}\n- **Severity:** {sev} — {why}\n- **Targets:** {targets}\n\n**What it checks.** {desc}\n\n**Remediation.** {fix}\n",
            code = m.code,
            title = m.title,
            ids = ids(m),
            sev = m.severity,
            why = m.severity_reason,
            targets = targets.join(", "),
            desc = m.description,
            fix = m.remediation,
        );
        if !m.differences.is_empty() {
            let _ = writeln!(out, "\n**Differences from Checkov.**\n");
            for d in m.differences {
                let _ = writeln!(out, "- {d}");
            }
        }
        if !m.references.is_empty() {
            let _ = writeln!(out, "\n**References.** {}", m.references.join(", "));
        }
    }
    out
}
