//! Whether Checkov reads a workflow document: the rules of the workflow schema Checkov
//! validates documents against (and of its action-metadata schema, which it tries second)
//! that decide whether real workflows are read. Each rule below restates one of the
//! schema's, confirmed by running Checkov on small workflows.
//!
//! Checkov validates a document loaded with a YAML loader that keeps every boolean-looking
//! plain scalar (`on`, `off`, `yes`, `no`, `true`, `false`, in any case) as a string, so
//! here such scalars count as strings and there are no booleans.
//!
//! Not restated: the shapes of events under `on`, of steps, strategies, containers,
//! services, outputs and environments, and of the action-metadata fields other than
//! `runs.using` and the field it requires. A document that
//! breaks only those is read by Deputy and left out by Checkov.

use crate::kubernetes::yaml::{self, Node, NodeKind};
use crate::model::Value;
use regex::Regex;
use std::sync::OnceLock;

/// The keys a workflow may have at the top level.
const WORKFLOW_KEYS: [&str; 8] = [
    "name",
    "run-name",
    "on",
    "env",
    "defaults",
    "concurrency",
    "jobs",
    "permissions",
];

/// The scopes a permissions mapping may name.
const SCOPES: [&str; 13] = [
    "actions",
    "checks",
    "contents",
    "deployments",
    "discussions",
    "id-token",
    "issues",
    "packages",
    "pages",
    "pull-requests",
    "repository-projects",
    "security-events",
    "statuses",
];

/// The runner labels the schema lists for a job's `runs-on` string.
const RUNNERS: [&str; 12] = [
    "macos-10.15",
    "macos-11",
    "macos-12",
    "macos-latest",
    "self-hosted",
    "ubuntu-18.04",
    "ubuntu-20.04",
    "ubuntu-22.04",
    "ubuntu-latest",
    "windows-2019",
    "windows-2022",
    "windows-latest",
];

/// The keys an action-metadata document may have.
const ACTION_KEYS: [&str; 7] = [
    "name",
    "author",
    "description",
    "inputs",
    "outputs",
    "runs",
    "branding",
];

/// A node as Checkov's schema loader reads it.
enum Shape<'n> {
    Null,
    Str(String),
    Number,
    Map(&'n [(Node, Node)]),
    Seq(&'n [Node]),
}

fn shape(node: &Node) -> Shape<'_> {
    match &node.kind {
        NodeKind::Map(entries) => Shape::Map(entries),
        NodeKind::Seq(items) => Shape::Seq(items),
        NodeKind::Scalar { text, plain } => {
            if !*plain || node.tag.is_some() {
                return Shape::Str(text.clone());
            }
            match yaml::scalar_value(text, true, None) {
                Value::Null => Shape::Null,
                Value::Number(_) => Shape::Number,
                Value::Bool(_) => Shape::Str(text.to_ascii_lowercase()),
                _ => Shape::Str(text.clone()),
            }
        }
    }
}

fn string(node: &Node) -> Option<String> {
    match shape(node) {
        Shape::Str(s) => Some(s),
        _ => None,
    }
}

fn is_string(node: &Node) -> bool {
    string(node).is_some()
}

/// A mapping's entries with their keys as the loader reads them (`On` is `on`).
fn entries(node: &Node) -> Option<Vec<(String, &Node)>> {
    match shape(node) {
        Shape::Map(entries) => Some(
            entries
                .iter()
                .map(|(k, v)| {
                    let key = match shape(k) {
                        Shape::Str(s) => s,
                        _ => k.scalar().unwrap_or_default().to_owned(),
                    };
                    (key, v)
                })
                .collect(),
        ),
        _ => None,
    }
}

fn pattern(cell: &'static OnceLock<Regex>, re: &str) -> &'static Regex {
    cell.get_or_init(|| {
        Regex::new(re).unwrap_or_else(|_| unreachable!("the pattern is a valid literal"))
    })
}

/// A job id or a `needs` entry.
fn is_name(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    pattern(&RE, r"^[_a-zA-Z][a-zA-Z0-9_-]*$").is_match(s)
}

/// Whether the document is one Checkov reads as a workflow or as action metadata.
pub(crate) fn is_valid(doc: &Node) -> bool {
    is_workflow(doc) || is_action(doc)
}

fn is_workflow(doc: &Node) -> bool {
    let Some(top) = entries(doc) else {
        return false;
    };
    let has = |key: &str| top.iter().any(|(k, _)| k == key);
    if !has("on") || !has("jobs") {
        return false;
    }
    top.iter().all(|(key, value)| match key.as_str() {
        "name" | "run-name" => is_string(value),
        "on" => matches!(shape(value), Shape::Str(_) | Shape::Seq(_) | Shape::Map(_)),
        "env" => is_env(value),
        "defaults" => is_defaults(value),
        "concurrency" => is_concurrency(value),
        "permissions" => is_permissions(value),
        "jobs" => is_jobs(value),
        other => WORKFLOW_KEYS.contains(&other),
    })
}

fn is_action(doc: &Node) -> bool {
    let Some(top) = entries(doc) else {
        return false;
    };
    let field = |name: &str| top.iter().rev().find(|(k, _)| k == name).map(|e| e.1);
    field("name").is_some_and(is_string)
        && field("description").is_some_and(is_string)
        && field("runs").is_some_and(is_runs)
        && top.iter().all(|(k, _)| ACTION_KEYS.contains(&k.as_str()))
}

/// An action's `runs`: JavaScript on a Node version the schema lists, composite steps,
/// or a Docker image, each with the field it requires.
fn is_runs(node: &Node) -> bool {
    let Some(fields) = entries(node) else {
        return false;
    };
    let has = |key: &str| fields.iter().any(|(k, _)| k == key);
    let using = fields
        .iter()
        .rev()
        .find(|(k, _)| k == "using")
        .and_then(|(_, v)| string(v));
    match using.as_deref() {
        Some("node12" | "node16") => has("main"),
        Some("composite") => has("steps"),
        Some("docker") => has("image"),
        _ => false,
    }
}

/// `read-all`, `write-all`, or a mapping of scopes to levels.
fn is_permissions(node: &Node) -> bool {
    match string(node) {
        Some(s) => s == "read-all" || s == "write-all",
        None => is_scope_levels(node),
    }
}

fn is_scope_levels(node: &Node) -> bool {
    entries(node).is_some_and(|scopes| {
        scopes.iter().all(|(scope, level)| {
            SCOPES.contains(&scope.as_str())
                && string(level).is_some_and(|l| ["read", "write", "none"].contains(&l.as_str()))
        })
    })
}

/// A mapping of strings, numbers and booleans, or an expression handing over `secrets`,
/// `inputs` or `fromJSON(…)`.
fn is_env(node: &Node) -> bool {
    static WHOLE: OnceLock<Regex> = OnceLock::new();
    static FROM_JSON: OnceLock<Regex> = OnceLock::new();
    match shape(node) {
        Shape::Map(_) => entries(node).is_some_and(|vars| {
            vars.iter()
                .all(|(_, v)| matches!(shape(v), Shape::Str(_) | Shape::Number))
        }),
        Shape::Str(s) => {
            pattern(&WHOLE, r"^\$\{\{\s*(secrets|inputs)\s*\}\}$").is_match(&s)
                || pattern(&FROM_JSON, r"^\$\{\{\s*fromJSON\(.*\)\s*\}\}$").is_match(&s)
        }
        _ => false,
    }
}

/// `{run: {shell, working-directory}}`, neither level empty.
fn is_defaults(node: &Node) -> bool {
    let Some(top) = entries(node) else {
        return false;
    };
    !top.is_empty()
        && top.iter().all(|(k, run)| {
            k == "run"
                && entries(run).is_some_and(|settings| {
                    !settings.is_empty()
                        && settings.iter().all(|(k, v)| {
                            (k == "shell" || k == "working-directory") && is_string(v)
                        })
                })
        })
}

/// A group name, or `{group, cancel-in-progress}` with a group.
fn is_concurrency(node: &Node) -> bool {
    if is_string(node) {
        return true;
    }
    entries(node).is_some_and(|c| {
        c.iter().any(|(k, _)| k == "group")
            && c.iter().all(|(k, v)| match k.as_str() {
                "group" | "cancel-in-progress" => is_string(v),
                _ => false,
            })
    })
}

/// At least one job, each with an id the schema allows and a valid body.
fn is_jobs(node: &Node) -> bool {
    entries(node).is_some_and(|jobs| {
        !jobs.is_empty() && jobs.iter().all(|(id, job)| is_name(id) && is_job(job))
    })
}

/// A job is either a normal job (with a `runs-on` the schema allows) or a call of a
/// reusable workflow; the fields both kinds share must be valid for one of them.
fn is_job(job: &Node) -> bool {
    let Some(fields) = entries(job) else {
        return false;
    };
    let field = |name: &str| fields.iter().rev().find(|(k, _)| k == name).map(|e| e.1);
    let shared = field("name").is_none_or(is_string)
        && field("needs").is_none_or(is_needs)
        && field("if").is_none_or(|n| matches!(shape(n), Shape::Str(_) | Shape::Number))
        && field("concurrency").is_none_or(is_concurrency);
    if !shared {
        return false;
    }
    let normal = field("runs-on").is_some_and(is_runs_on)
        && field("permissions").is_none_or(is_permissions)
        && field("env").is_none_or(is_env)
        && field("defaults").is_none_or(is_defaults);
    let reusable = field("permissions").is_none_or(is_scope_levels)
        && field("uses").is_none_or(is_workflow_ref)
        && field("with").is_none_or(is_env)
        && field("secrets").is_none_or(|s| is_env(s) || string(s).as_deref() == Some("inherit"));
    normal || reusable
}

fn is_needs(node: &Node) -> bool {
    match shape(node) {
        Shape::Str(s) => is_name(&s),
        Shape::Seq(items) => {
            !items.is_empty() && items.iter().all(|i| string(i).is_some_and(|s| is_name(&s)))
        }
        _ => false,
    }
}

/// A listed runner label, a list of labels starting with `self-hosted`, or a string with
/// an expression in it.
fn is_runs_on(node: &Node) -> bool {
    static EXPRESSION: OnceLock<Regex> = OnceLock::new();
    match shape(node) {
        Shape::Str(s) => {
            RUNNERS.contains(&s.as_str())
                || pattern(&EXPRESSION, r"^.*\$\{\{(.|[\r\n])*\}\}.*$").is_match(&s)
        }
        Shape::Seq(items) => {
            items.first().and_then(string).as_deref() == Some("self-hosted")
                && items.iter().all(is_string)
        }
        _ => false,
    }
}

/// `owner/repo/path/to/workflow.yml@ref` or `./path/workflow.yaml`.
fn is_workflow_ref(node: &Node) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    string(node).is_some_and(|s| pattern(&RE, r"^(.+/)+(.+)\.(ya?ml)(@.+)?$").is_match(&s))
}
