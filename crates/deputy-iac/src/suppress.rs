//! Inline suppressions: the ways a person marks a check as not applying to one resource,
//! in Deputy's syntax and in every syntax Checkov honours, so a repository already
//! annotated for Checkov needs no edits.
//!
//! * a comment inside the resource's lines: `# deputy:skip=<CODE> <reason>`, or Checkov's
//!   `checkov:skip=<ID>[,<ID2>…][:<reason>]` (also `bridgecrew:skip=` and `cortex:skip=`).
//!   Terraform comments are `#`, `//` and `/* */`; YAML comments are `#`; in a Dockerfile the
//!   comment may sit on any line of the file, as in Checkov; in a GitHub Actions workflow
//!   it applies to a step when on the step's lines and to the rest of the workflow (its
//!   trigger, jobs and top-level permissions) wherever it is, as Checkov applies it (Checkov
//!   reads none for the permissions); for a secret the directive may sit anywhere on the
//!   secret's line or the line before or after it, as in Checkov's secrets runner;
//! * CloudFormation resource metadata: `Metadata: {checkov: {skip: [{id, comment}]}}` (also
//!   under `deputy`);
//! * Kubernetes annotations: `checkov.io/skip1: CKV_K8S_20=reason` (any suffix; also the
//!   `bridgecrew.io/skip`, `cortex.io/skip` and `deputy.dev/skip` prefixes).
//!
//! A directive names Deputy codes or Checkov ids; it suppresses every Deputy check that has
//! that code or claims that id. Names that match no check are ignored: they may be Checkov
//! checks Deputy does not have.

use crate::check::Meta;
use crate::model::{Framework, Resource, Value};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Checkov's wording when a suppression gives no reason.
pub const NO_REASON: &str = "No comment provided";

/// One suppression: the names it covers and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub ids: Vec<String>,
    pub reason: String,
}

impl Skip {
    /// Whether this suppression names `meta`'s check.
    pub fn covers(&self, meta: &Meta) -> bool {
        self.ids
            .iter()
            .any(|id| id.eq_ignore_ascii_case(meta.code) || meta.checkov.contains(&id.as_str()))
    }
}

/// A comment directive and the 1-based line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Directive {
    line: u32,
    skip: Skip,
}

/// The suppressions of every resource of a scan, by the resource's position.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    per_resource: Vec<Vec<Skip>>,
}

impl Suppressions {
    /// Collects the suppressions of `resources`; `text_of` returns a file's text by its
    /// path relative to the root (`None` when the scan did not read it).
    pub fn collect<'t>(
        resources: &[Resource],
        text_of: impl Fn(&str) -> Option<&'t str>,
    ) -> Suppressions {
        let mut directives: HashMap<(&str, Framework), Vec<Directive>> = HashMap::new();
        let per_resource = resources
            .iter()
            .map(|r| {
                let file_directives = directives
                    .entry((r.file.as_str(), r.framework))
                    .or_insert_with(|| {
                        text_of(&r.file)
                            .map_or_else(Vec::new, |t| comment_directives(t, r.framework))
                    });
                let mut skips: Vec<Skip> = file_directives
                    .iter()
                    .filter(|d| applies_at(r, d.line))
                    .map(|d| d.skip.clone())
                    .collect();
                skips.extend(config_skips(r));
                skips
            })
            .collect();
        Suppressions { per_resource }
    }

    /// Why the check `meta` is suppressed on the resource at `index`, if it is.
    pub fn reason(&self, index: usize, meta: &Meta) -> Option<&str> {
        self.per_resource
            .get(index)?
            .iter()
            .find(|s| s.covers(meta))
            .map(|s| s.reason.as_str())
    }
}

fn checkov_directive() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:checkov|bridgecrew|cortex):skip=\s*([A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)(?::(.*))?")
            .unwrap_or_else(|_| unreachable!("the pattern is a valid literal"))
    })
}

fn deputy_directive() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"deputy:skip=\s*([A-Za-z0-9_\-]+(?:\s*,\s*[A-Za-z0-9_\-]+)*)(?:[:\s](.*))?")
            .unwrap_or_else(|_| unreachable!("the pattern is a valid literal"))
    })
}

/// The skip directives in `text`'s comments.
fn comment_directives(text: &str, framework: Framework) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        for comment in comments(line, framework, &mut in_block) {
            out.extend(parse_directives(comment).into_iter().map(|skip| Directive {
                line: line_no,
                skip,
            }));
        }
    }
    out
}

/// The comment parts of one line. Terraform block comments carry over between lines
/// through `in_block`; quotes are respected so `"#"` in a string is not a comment.
fn comments<'l>(line: &'l str, framework: Framework, in_block: &mut bool) -> Vec<&'l str> {
    match framework {
        Framework::Dockerfile => {
            let t = line.trim_start();
            if t.starts_with('#') {
                vec![t]
            } else {
                Vec::new()
            }
        }
        // Checkov's secrets runner searches the whole line, comment or not.
        Framework::Secrets => vec![line],
        Framework::Kubernetes | Framework::CloudFormation | Framework::GithubActions => {
            first_unquoted(line, &["#"])
                .map_or_else(Vec::new, |(pos, _)| line.get(pos..).into_iter().collect())
        }
        Framework::Terraform => terraform_comments(line, in_block),
    }
}

fn terraform_comments<'l>(line: &'l str, in_block: &mut bool) -> Vec<&'l str> {
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        if *in_block {
            match rest.find("*/") {
                Some(end) => {
                    out.push(rest.get(..end).unwrap_or(""));
                    rest = rest.get(end + 2..).unwrap_or("");
                    *in_block = false;
                }
                None => {
                    out.push(rest);
                    return out;
                }
            }
        }
        match first_unquoted(rest, &["#", "//", "/*"]) {
            Some((pos, "/*")) => {
                *in_block = true;
                rest = rest.get(pos + 2..).unwrap_or("");
            }
            Some((pos, _)) => {
                out.push(rest.get(pos..).unwrap_or(""));
                return out;
            }
            None => return out,
        }
    }
}

/// The byte position and marker of the first of `markers` outside a double-quoted
/// string (single quotes too in YAML-like text would be ambiguous with apostrophes in
/// comments, so only double quotes and backslash escapes are tracked).
fn first_unquoted<'m>(line: &str, markers: &[&'m str]) -> Option<(usize, &'m str)> {
    let mut quoted = false;
    let mut escaped = false;
    for (pos, c) in line.char_indices() {
        if quoted {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => quoted = false,
                _ => {}
            }
            continue;
        }
        if c == '"' {
            quoted = true;
            continue;
        }
        let tail = line.get(pos..).unwrap_or("");
        if let Some(m) = markers.iter().find(|m| tail.starts_with(**m)) {
            return Some((pos, m));
        }
    }
    None
}

/// The directives in one comment's text.
fn parse_directives(comment: &str) -> Vec<Skip> {
    let mut out = Vec::new();
    for re in [checkov_directive(), deputy_directive()] {
        for cap in re.captures_iter(comment) {
            let ids: Vec<String> = cap
                .get(1)
                .map(|m| m.as_str())
                .unwrap_or("")
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            let reason = cap.get(2).map_or("", |m| m.as_str());
            let reason = reason.trim().trim_end_matches("*/").trim();
            out.push(Skip {
                ids,
                reason: if reason.is_empty() {
                    NO_REASON.to_owned()
                } else {
                    reason.to_owned()
                },
            });
        }
    }
    out
}

/// Whether a comment directive on `line` applies to `r`. In a Dockerfile a comment anywhere
/// applies, as in Checkov. In a workflow Checkov applies one anywhere to the trigger and to
/// every job, and one on a step's own lines to that step (a step's range runs one line past
/// its last, to the next step's dash); Deputy applies one anywhere to the top-level
/// permissions too, which may have no lines of their own. For a secret, one on its line or
/// the lines just before and after it applies, as Checkov's secrets runner looks.
fn applies_at(r: &Resource, line: u32) -> bool {
    match r.framework {
        Framework::Dockerfile => true,
        Framework::Secrets => {
            r.span.start.saturating_sub(1) <= line && line <= r.span.start.saturating_add(1)
        }
        Framework::GithubActions if r.kind == crate::github_actions::jobs::STEPS => {
            r.span.start <= line && line < r.span.end
        }
        Framework::GithubActions => true,
        _ => r.span.contains(line),
    }
}

/// Suppressions written into the resource itself: CloudFormation metadata and Kubernetes
/// annotations.
fn config_skips(r: &Resource) -> Vec<Skip> {
    match r.framework {
        Framework::CloudFormation => ["checkov", "deputy"]
            .iter()
            .filter_map(|tool| r.config.path(&format!("Metadata.{tool}.skip")))
            .flat_map(Value::items)
            .filter_map(|entry| {
                let id = entry.get("id")?.as_str()?;
                let reason = entry
                    .get("comment")
                    .and_then(Value::as_str)
                    .unwrap_or(NO_REASON);
                Some(Skip {
                    ids: vec![id.trim().to_owned()],
                    reason: reason.to_owned(),
                })
            })
            .collect(),
        Framework::Kubernetes => {
            let Some(annotations) = r
                .config
                .path("metadata.annotations")
                .and_then(Value::as_map)
            else {
                return Vec::new();
            };
            annotations
                .iter()
                .filter(|(k, _)| {
                    [
                        "checkov.io/skip",
                        "bridgecrew.io/skip",
                        "cortex.io/skip",
                        "deputy.dev/skip",
                    ]
                    .iter()
                    .any(|p| k.starts_with(p))
                })
                .filter_map(|(_, v)| {
                    let text = v.as_str()?;
                    let (id, reason) = text.split_once('=').unwrap_or((text, ""));
                    let reason = reason.trim();
                    Some(Skip {
                        ids: vec![id.trim().to_owned()],
                        reason: if reason.is_empty() { NO_REASON } else { reason }.to_owned(),
                    })
                })
                .collect()
        }
        Framework::Terraform
        | Framework::Dockerfile
        | Framework::GithubActions
        | Framework::Secrets => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
