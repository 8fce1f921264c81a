//! The Kubernetes front end: YAML (multi-document) and JSON manifests into one
//! [`Resource`] per object, addressed and spanned the way Checkov reports them.
//!
//! * **Objects.** Every document that is a mapping with `apiVersion`, `kind` (not a
//!   number) and a `metadata` mapping is an object; a `kind: List` contributes its
//!   `items`. Documents failing Checkov's validity rules (a `name` that is not a string of
//!   at most 253 characters without `#`, `{` or `}`) are dropped as Checkov drops them.
//! * **Address.** `<kind>.<namespace>.<name>`, the namespace `default` when
//!   `metadata.namespace` is absent (cluster-scoped kinds too: `ClusterRole.default.x`).
//!   Without a name, the labels make the address: `<kind>.<namespace>.<k>-<v>.<k2>-<v2>`.
//!   Objects with neither are not reported. Two objects with one address in a file are
//!   both reported, as Checkov does.
//! * **Pod templates.** A `Deployment`, `DeploymentConfig`, `DaemonSet`, `Job`,
//!   `ReplicaSet`, `ReplicationController` or `StatefulSet` whose `spec.template` has a
//!   name or labels also yields its pod as a resource of kind `<Parent>/Pod` (for example
//!   `Deployment/Pod`), addressed `Pod.<namespace>.<template name>` or
//!   `Pod.<namespace>.<parent name>.<labels>` and spanned like its parent. Checkov builds
//!   the same pods for its graph checks (NetworkPolicy coverage); the distinct kind keeps
//!   the per-container checks, which Checkov runs on the parent only, off them. The pod's
//!   config is the template with `kind: Pod`, the parent's `apiVersion`, and the parent's
//!   namespace and annotations when the template has none.
//! * **Span.** From the object's first line to the line PyYAML ends it at (the next
//!   document's `---` included), capped at the file's last line and trimmed back over
//!   blank and comment lines. Files whose first non-blank line opens a JSON object are
//!   shifted one line down, reproducing Checkov's JSON loader.
//! * **Config.** The whole object as written, annotations included (suppression reads
//!   `checkov.io/skip*` from them).
//! * **Helm.** A file with Go template syntax (`{{ … }}`) that does not parse as YAML, or
//!   that uses chart values (`.Values`, `.Release`, `.Chart`, `include`), is a Helm
//!   template: reported as [`DiagnosticKind::Skipped`], never a parse error.

pub(crate) mod yaml;

use crate::model::{
    BlockKind, Diagnostic, DiagnosticKind, Framework, Parsed, Resource, SourceFile, Span, Value,
};
use indexmap::IndexMap;
use yaml::{Node, YamlError};

/// Kinds whose `spec.template` is a pod Checkov also reports on its own.
const TEMPLATE_PARENTS: [&str; 7] = [
    "Deployment",
    "DeploymentConfig",
    "DaemonSet",
    "Job",
    "ReplicaSet",
    "ReplicationController",
    "StatefulSet",
];

/// Parses one file into resources.
pub fn parse(file: &SourceFile) -> Parsed {
    let mut parsed = Parsed::default();
    if is_helm_template(&file.text) {
        parsed.diagnostics.push(skipped_helm(file));
        return parsed;
    }
    let docs = match yaml::load_all(&file.text) {
        Ok(docs) => docs,
        Err(e) if file.text.contains("{{") => {
            let _ = e;
            parsed.diagnostics.push(skipped_helm(file));
            return parsed;
        }
        Err(e) => {
            parsed.diagnostics.push(parse_error(file, &e));
            return parsed;
        }
    };
    let lines: Vec<&str> = file.text.lines().collect();
    let json_shift = u32::from(
        lines
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty())
            .is_some_and(|l| l.starts_with('{')),
    );
    for node in docs.iter().flatten() {
        let value = yaml::to_value(node, &|_, v| v);
        if value.get("kind").and_then(Value::as_str) == Some("List") {
            if let Some(yaml::NodeKind::Seq(items)) = node.get("items").map(|n| &n.kind) {
                for item in items {
                    let v = yaml::to_value(item, &|_, v| v);
                    push_object(file, &lines, json_shift, item, v, &mut parsed);
                }
            }
            continue;
        }
        push_object(file, &lines, json_shift, node, value, &mut parsed);
    }
    parsed
}

fn skipped_helm(file: &SourceFile) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::Skipped,
        file: file.path.clone(),
        line: None,
        column: None,
        message: format!(
            "`{}` is a Helm template; render it (`helm template`) to scan it",
            file.path
        ),
    }
}

fn parse_error(file: &SourceFile, e: &YamlError) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::ParseError,
        file: file.path.clone(),
        line: Some(e.line),
        column: Some(e.column),
        message: format!("{}:{}:{}: {}", file.path, e.line, e.column, e.message),
    }
}

/// Whether the text uses Helm chart values, which only a chart render can resolve.
pub(crate) fn is_helm_template(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find("{{") {
        let after = rest.get(i + 2..).unwrap_or("");
        let inner = after.trim_start_matches('-').trim_start();
        if [
            ".Values",
            ".Release",
            ".Chart",
            "include ",
            "template ",
            "$.",
        ]
        .iter()
        .any(|p| inner.starts_with(p))
        {
            return true;
        }
        rest = after;
    }
    false
}

fn push_object(
    file: &SourceFile,
    lines: &[&str],
    json_shift: u32,
    node: &Node,
    value: Value,
    parsed: &mut Parsed,
) {
    if !is_valid_object(&value) {
        return;
    }
    let Some(address) = address(&value, None) else {
        return;
    };
    let span = object_span(lines, node, json_shift);
    let kind = value
        .get("kind")
        .map(py_str)
        .unwrap_or_else(|| "Pod".to_owned());
    let pod = nested_pod(&kind, &value);
    parsed.resources.push(Resource {
        framework: Framework::Kubernetes,
        block: BlockKind::Object,
        kind: kind.clone(),
        address,
        file: file.path.clone(),
        span,
        caller: None,
        config: value,
    });
    if let Some((address, config)) = pod {
        parsed.resources.push(Resource {
            framework: Framework::Kubernetes,
            block: BlockKind::Object,
            kind: format!("{kind}/Pod"),
            address,
            file: file.path.clone(),
            span,
            caller: None,
            config,
        });
    }
}

/// Checkov's validity rules for a Kubernetes object.
fn is_valid_object(v: &Value) -> bool {
    let Some(map) = v.as_map() else {
        return false;
    };
    map.contains_key("apiVersion")
        && !matches!(map.get("kind"), None | Some(Value::Number(_)))
        && matches!(map.get("metadata"), Some(Value::Map(_)))
        && names_are_valid(v)
}

fn names_are_valid(v: &Value) -> bool {
    match v {
        Value::Map(m) => m.iter().all(|(k, v)| match v {
            Value::Map(_) | Value::List(_) => names_are_valid(v),
            other if k == "name" => match other {
                Value::String(s) => s.chars().count() <= 253 && !s.contains(['#', '{', '}']),
                _ => false,
            },
            _ => true,
        }),
        Value::List(items) => items
            .iter()
            .filter(|i| matches!(i, Value::Map(_)))
            .all(names_are_valid),
        _ => true,
    }
}

/// A scalar the way Python's `str()` prints it, which is how Checkov builds addresses.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Value::Number(n) => format!("{n}"),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => *n != 0.0,
        Value::String(s) => !s.is_empty(),
        Value::List(l) => !l.is_empty(),
        Value::Map(m) => !m.is_empty(),
        Value::Unknown(_) => true,
    }
}

/// Checkov's resource id: by name, else by labels (prefixed with the parent's name for a
/// pod template), else none.
fn address(v: &Value, parent: Option<&str>) -> Option<String> {
    let kind = v.get("kind").map(py_str).unwrap_or_else(|| "Pod".into());
    let metadata = v.get("metadata");
    let namespace = metadata
        .and_then(|m| m.get("namespace"))
        .map(py_str)
        .unwrap_or_else(|| "default".into());
    if let Some(name) = metadata.and_then(|m| m.get("name")).filter(|n| truthy(n)) {
        return Some(format!("{kind}.{namespace}.{}", py_str(name)));
    }
    let labels = metadata
        .and_then(|m| m.get("labels"))
        .filter(|l| truthy(l))?;
    let parts: Vec<String> = match labels {
        Value::Map(m) => m
            .iter()
            .map(|(k, v)| format!("{k}-{}", py_str(v)))
            .collect(),
        _ => Vec::new(),
    };
    let labels = if parts.is_empty() {
        "default".to_owned()
    } else {
        parts.join(".")
    };
    Some(match parent.filter(|p| !p.is_empty()) {
        Some(p) => format!("{kind}.{namespace}.{p}.{labels}"),
        None => format!("{kind}.{namespace}.{labels}"),
    })
}

/// The pod of a workload's `spec.template`, as Checkov extracts it for its graph.
fn nested_pod(kind: &str, v: &Value) -> Option<(String, Value)> {
    if !TEMPLATE_PARENTS.contains(&kind) {
        return None;
    }
    let template = v.path("spec.template")?.as_map()?;
    let metadata = template.get("metadata")?.as_map()?;
    if !matches!(template.get("spec"), Some(Value::Map(_) | Value::List(_))) {
        return None;
    }
    if matches!(metadata.get("name"), None | Some(Value::Null))
        && matches!(metadata.get("labels"), None | Some(Value::Null))
    {
        return None;
    }
    let parent_meta = v.get("metadata")?.as_map()?;
    let parent_name = parent_meta.get("name").map(py_str).unwrap_or_default();
    let mut pod: IndexMap<String, Value> = template.clone();
    pod.entry("kind".into())
        .or_insert_with(|| Value::String("Pod".into()));
    if let Some(api) = v.get("apiVersion") {
        pod.entry("apiVersion".into())
            .or_insert_with(|| api.clone());
    }
    let mut meta = metadata.clone();
    if let Some(ns) = parent_meta.get("namespace") {
        meta.entry("namespace".into()).or_insert_with(|| ns.clone());
    }
    if let Some(annotations) = parent_meta.get("annotations") {
        meta.entry("annotations".into())
            .or_insert_with(|| annotations.clone());
    }
    pod.insert("metadata".into(), Value::Map(meta));
    let pod = Value::Map(pod);
    let address = address(&pod, Some(&parent_name))?;
    Some((address, pod))
}

/// The object's lines as Checkov reports them (see the module documentation).
fn object_span(lines: &[&str], node: &Node, json_shift: u32) -> Span {
    let total = u32::try_from(lines.len()).unwrap_or(u32::MAX).max(1);
    let start = node.line.max(1);
    let mut end = node.end_line.min(total).max(start);
    if json_shift == 0 {
        while end > start {
            let idx = usize::try_from(end - 1).unwrap_or(usize::MAX);
            let line = lines.get(idx).map(|l| l.trim()).unwrap_or("");
            if line.is_empty() || line.starts_with('#') {
                end -= 1;
            } else {
                break;
            }
        }
    }
    Span::new(start + json_shift, end + json_shift)
}

#[cfg(test)]
mod tests;
