//! Documentation generated from the registry: `docs/auth0-checks.md` and the JSON catalog
//! printed by `deputy checks list --source auth0`.

use crate::check::Meta;
use crate::registry;
use serde_json::json;
use std::fmt::Write as _;

/// The catalog as JSON: one object per check.
pub fn json() -> serde_json::Value {
    let checks: Vec<serde_json::Value> = registry::all()
        .iter()
        .map(|c| {
            let m = c.meta();
            json!({
                "code": m.code,
                "peer_id": m.peer_id,
                "title": m.title,
                "area": m.area,
                "severity": m.severity,
                "severity_reason": m.severity_reason,
                "description": m.description,
                "remediation": m.remediation,
                "docs": m.docs,
                "reads": m.reads.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"source": crate::SOURCE, "checks": checks})
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The catalog as Markdown (the text of `docs/auth0-checks.md`).
pub fn markdown() -> String {
    let all: Vec<&Meta> = registry::all().iter().map(|c| c.meta()).collect();
    let peers = all.iter().filter(|m| m.peer_id.is_some()).count();
    let mut out = String::new();
    let _ = writeln!(out, "# Auth0 checks\n");
    let _ = writeln!(
        out,
        "Generated from the registry in `crates/deputy-auth0/src/checks/` by `deputy checks list --source auth0 --format markdown`; a test keeps this file equal to the generated text. {} checks: {} with an Auth0 CheckMate peer (its check function name is the peer id), {} that CheckMate lacks.\n",
        all.len(),
        peers,
        all.len() - peers
    );
    let _ = writeln!(
        out,
        "| code | peer id | severity | title |\n|---|---|---|---|"
    );
    for m in &all {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            m.code,
            m.peer_id.map_or("—".to_owned(), |p| format!("`{p}`")),
            m.severity,
            cell(m.title)
        );
    }
    let mut area = None;
    for m in &all {
        if area != Some(m.area) {
            area = Some(m.area);
            let _ = writeln!(out, "\n## {}", m.area.title());
        }
        let _ = writeln!(out, "\n### `{}` {}\n", m.code, m.title);
        if let Some(p) = m.peer_id {
            let _ = writeln!(out, "- **CheckMate peer:** `{p}`");
        }
        let _ = writeln!(
            out,
            "- **Severity:** {} — {}",
            m.severity, m.severity_reason
        );
        let _ = writeln!(
            out,
            "- **Reads:** {}",
            m.reads
                .iter()
                .map(|s| format!("`{}`", s.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(out, "\n**What it checks.** {}\n", m.description);
        let _ = writeln!(out, "**Remediation.** {}\n", m.remediation);
        let _ = writeln!(out, "**References.** {}", m.docs.join(", "));
    }
    out
}
