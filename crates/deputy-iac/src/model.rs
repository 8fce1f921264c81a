//! The resource model every front end produces and every check reads.
//!
//! A [`Resource`] is one thing a check can judge: a Terraform `resource`, `data`,
//! `provider` or `module` block (after `count`/`for_each` expansion and module
//! inlining), a CloudFormation resource, a Kubernetes object, or a whole Dockerfile. Its
//! configuration is a [`Value`] tree in which anything the front end could not resolve is
//! [`Value::Unknown`] — never a guess — so a check can tell "set to false" from "could not
//! tell" and report neither a pass nor a failure for the latter.

use indexmap::IndexMap;
use serde::Serialize;
use std::fmt;

/// The source language a resource came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Framework {
    Terraform,
    /// `cloudformation`, as Checkov writes it.
    #[serde(rename = "cloudformation")]
    CloudFormation,
    Kubernetes,
    Dockerfile,
    /// GitHub Actions workflows (`github_actions`, as Checkov writes it).
    GithubActions,
    /// Hard-coded credentials in any file Checkov's `secrets` framework reads.
    Secrets,
}

impl Framework {
    pub const ALL: [Framework; 6] = [
        Framework::Terraform,
        Framework::CloudFormation,
        Framework::Kubernetes,
        Framework::Dockerfile,
        Framework::GithubActions,
        Framework::Secrets,
    ];

    /// The name Checkov uses for the framework (`check_type` in its JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Framework::Terraform => "terraform",
            Framework::CloudFormation => "cloudformation",
            Framework::Kubernetes => "kubernetes",
            Framework::Dockerfile => "dockerfile",
            Framework::GithubActions => "github_actions",
            Framework::Secrets => "secrets",
        }
    }

    pub fn parse(s: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

impl fmt::Display for Framework {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A range of lines in one file, 1-based and inclusive (Checkov's `file_line_range`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    pub fn line(line: u32) -> Span {
        Span {
            start: line,
            end: line,
        }
    }

    pub fn contains(&self, line: u32) -> bool {
        self.start <= line && line <= self.end
    }
}

/// What kind of block a Terraform resource came from; other frameworks use `Resource`
/// (CloudFormation), `Object` (Kubernetes), `File` (Dockerfile), `Part` (a part of a
/// GitHub Actions workflow) and `Secret` (secrets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A Terraform `resource` or a CloudFormation resource.
    Resource,
    /// A Terraform `data` block.
    Data,
    /// A Terraform `provider` block.
    Provider,
    /// A Terraform `module` call.
    Module,
    /// A Kubernetes object.
    Object,
    /// A whole file (Dockerfile).
    File,
    /// A part of a GitHub Actions workflow, as Checkov's graph names it (`permissions`).
    Part,
    /// A secret found in a file's text, addressed by the SHA-1 of its value.
    Secret,
}

/// A configuration value. Maps keep source order so output is deterministic and reads
/// like the file.
///
/// Terraform nested blocks (`ingress { … }`) are stored under their block type as a
/// [`Value::List`] of [`Value::Map`]s, one per block, so a check reads `ingress` the same
/// way whether it was written as blocks or as an attribute holding a list of objects.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    List(Vec<Value>),
    Map(IndexMap<String, Value>),
    /// Not known before the infrastructure exists, or not resolvable by the front end: an
    /// unset variable, another resource's attribute, a function Deputy does not evaluate.
    /// `refs` names the resources it depends on (Terraform addresses such as
    /// `aws_s3_bucket.logs`, CloudFormation logical ids), which is how checks that
    /// connect resources find each other.
    Unknown(Unknown),
}

/// The payload of [`Value::Unknown`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Unknown {
    /// Addresses of the resources the value depends on, without attribute names.
    pub refs: Vec<String>,
}

/// A three-valued answer: a check passes or fails only on `True`/`False`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
}

impl Value {
    pub fn unknown() -> Value {
        Value::Unknown(Unknown::default())
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown(_))
    }

    /// The value under `key` of a map; `None` for anything else or a missing key.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(m) => m.get(key),
            _ => None,
        }
    }

    /// Follows a dotted path of map keys and list indexes: `"versioning.0.enabled"`,
    /// `"spec.template.spec.containers"`. A list met where a key is expected is entered at
    /// its first element, the way Checkov reads Terraform's single nested blocks.
    pub fn path(&self, path: &str) -> Option<&Value> {
        let mut v = self;
        for part in path.split('.') {
            v = match (v, part.parse::<usize>()) {
                (Value::List(items), Ok(i)) => items.get(i)?,
                (Value::List(items), Err(_)) => items.first()?.get(part)?,
                (other, _) => other.get(part)?,
            };
        }
        Some(v)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&IndexMap<String, Value>> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// A number, also from a numeric string (Terraform and YAML both write `"443"`).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// A boolean, also from `"true"`/`"false"` in any case (Terraform converts strings to
    /// booleans where a boolean is expected; CloudFormation templates often quote them).
    pub fn truth(&self) -> Truth {
        match self {
            Value::Bool(true) => Truth::True,
            Value::Bool(false) => Truth::False,
            Value::String(s) if s.eq_ignore_ascii_case("true") => Truth::True,
            Value::String(s) if s.eq_ignore_ascii_case("false") => Truth::False,
            _ => Truth::Unknown,
        }
    }

    /// The elements of a list, or the value itself as a one-element sequence (Terraform
    /// and CloudFormation accept a single value where a list is expected).
    pub fn items(&self) -> std::slice::Iter<'_, Value> {
        match self {
            Value::List(items) => items.iter(),
            other => std::slice::from_ref(other).iter(),
        }
    }

    /// Whether this value or anything inside it is unknown.
    pub fn contains_unknown(&self) -> bool {
        match self {
            Value::Unknown(_) => true,
            Value::List(items) => items.iter().any(Value::contains_unknown),
            Value::Map(m) => m.values().any(Value::contains_unknown),
            _ => false,
        }
    }
}

/// One thing checks judge. See the module documentation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resource {
    pub framework: Framework,
    pub block: BlockKind,
    /// The resource type: `aws_s3_bucket`, `AWS::S3::Bucket`, `Deployment`, `Dockerfile`,
    /// `permissions` (a workflow's top-level permissions);
    /// for Terraform providers the provider name (`aws`), for modules `module`.
    pub kind: String,
    /// The address in Checkov's notation: `aws_s3_bucket.logs`, `aws_sqs_queue.q[0]`,
    /// `module.m.aws_lb.this`, `AWS::S3::Bucket.Logs`, `Deployment.default.web`,
    /// `/Dockerfile.`, `on(build)`, a secret's SHA-1 (see each front end for the exact
    /// rules).
    pub address: String,
    /// The file, relative to the scanned root, with `/` separators and no leading `/`.
    pub file: String,
    pub span: Span,
    /// For resources inside a local module: where the module is called from.
    pub caller: Option<Caller>,
    /// The resource's configuration: a [`Value::Map`].
    pub config: Value,
}

impl Resource {
    /// Whether Terraform creates no instance of this resource: its `count` is 0 or its
    /// `for_each` is empty. Such a resource is still judged on its own, under its plain
    /// address, as Checkov judges it, but it is not there for another resource to be
    /// connected to: a bucket whose `aws_s3_bucket_logging` has `count = 0` has no logging.
    pub fn never_created(&self) -> bool {
        self.framework == Framework::Terraform
            && match (self.config.get("count"), self.config.get("for_each")) {
                (Some(Value::Number(n)), _) => *n == 0.0,
                (_, Some(Value::Map(m))) => m.is_empty(),
                (_, Some(Value::List(items))) => items.is_empty(),
                _ => false,
            }
    }
}

/// A module call site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caller {
    pub file: String,
    pub span: Span,
}

/// Something a front end could not do: a file that does not parse, a Helm template it will
/// not read as YAML, a module source it cannot reach. Never a finding; any diagnostic of
/// severity `Error` makes the run `partial`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// The file does not parse; nothing in it was checked.
    ParseError,
    /// The file was deliberately not read (a Helm template, a file over the size limit).
    Skipped,
    /// Part of the file could not be followed (an unreachable module source, a
    /// `for_each` over an unknown collection); the rest was checked.
    Unresolved,
    /// The file breaks the language's syntax in a way Checkov's parser accepts, and was
    /// read the way Checkov reads it (a Terraform block closed on its last attribute's
    /// line); everything in it was checked.
    Repaired,
}

impl Diagnostic {
    /// Whether this diagnostic means part of the tree went unchecked.
    pub fn makes_partial(&self) -> bool {
        self.kind == DiagnosticKind::ParseError
    }
}

/// A source file handed to a front end: its path relative to the scanned root and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// What a front end returns for the files it was given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub resources: Vec<Resource>,
    pub diagnostics: Vec<Diagnostic>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(entries: &[(&str, Value)]) -> Value {
        Value::Map(
            entries
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn paths_enter_lists_of_blocks() {
        let v = map(&[(
            "versioning",
            Value::List(vec![map(&[("enabled", Value::Bool(true))])]),
        )]);
        assert_eq!(v.path("versioning.enabled"), Some(&Value::Bool(true)));
        assert_eq!(v.path("versioning.0.enabled"), Some(&Value::Bool(true)));
        assert_eq!(v.path("versioning.1.enabled"), None);
        assert_eq!(v.path("missing"), None);
    }

    #[test]
    fn truth_is_three_valued() {
        assert_eq!(Value::String("TRUE".into()).truth(), Truth::True);
        assert_eq!(Value::Bool(false).truth(), Truth::False);
        assert_eq!(Value::unknown().truth(), Truth::Unknown);
        assert_eq!(Value::Number(1.0).truth(), Truth::Unknown);
        assert_eq!(Value::String(" 443".into()).as_f64(), Some(443.0));
    }
}
