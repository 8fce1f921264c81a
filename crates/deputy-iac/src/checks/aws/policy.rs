//! IAM policy documents in one normalized model, whichever way they are written: a JSON
//! string (a heredoc, a literal, the result of `jsonencode(...)`), a
//! `data "aws_iam_policy_document"` block's `statement` blocks, or a CloudFormation
//! `PolicyDocument` map. Checks ask the model about statements (effect, actions,
//! resources), so one check covers all three forms.

use crate::model::{BlockKind, Framework, Resource, Truth, Value};

/// The strings of one statement field (`Action`, `Resource`) and whether some of them
/// could not be resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Field {
    pub(crate) values: Vec<String>,
    pub(crate) unknown: bool,
    /// Some unresolved value depends on no resource (a variable, a function Deputy does
    /// not evaluate): it could be anything, `*` included. A reference to another
    /// resource's attribute is an ARN or a name, never `*`.
    pub(crate) opaque: bool,
}

impl Field {
    fn of(v: Option<&Value>) -> Field {
        let mut out = Field::default();
        let Some(v) = v else {
            return out;
        };
        for item in v.items() {
            match item {
                Value::String(s) => out.values.push(s.clone()),
                Value::Unknown(u) => {
                    out.unknown = true;
                    out.opaque |= u.refs.is_empty();
                }
                _ => {}
            }
        }
        out
    }

    /// Whether the field holds exactly `s` (`True`), could hold it (`Unknown`), or not.
    pub(crate) fn has(&self, s: &str) -> Truth {
        if self.values.iter().any(|v| v == s) {
            Truth::True
        } else if self.unknown {
            Truth::Unknown
        } else {
            Truth::False
        }
    }
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Statement {
    /// Whether the effect is `Allow` (the default when none is written).
    pub(crate) allow: Truth,
    /// The effect as written.
    pub(crate) effect: Effect,
    /// `Action` / `actions`; `None` when the statement has none (it may use `NotAction`).
    pub(crate) actions: Option<Field>,
    /// `NotAction` / `not_actions`.
    pub(crate) not_actions: Option<Field>,
    pub(crate) resources: Field,
    /// Whether the statement has a (non-empty) condition.
    pub(crate) condition: Truth,
    /// The statement cannot be read as one: not a map, or a `condition` block without its
    /// `test`, `variable` or `values`.
    pub(crate) malformed: bool,
}

/// A statement's effect as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Effect {
    Allow,
    Deny,
    /// Something else (`allow` in lower case, a number).
    Other,
    /// No effect in a JSON document (a `data "aws_iam_policy_document"` statement
    /// defaults to `Allow` instead).
    Missing,
    Unknown,
}

/// A policy document: its statements, or `Unknown` when it could not be read (an
/// unresolved reference, a string that is not JSON).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Document {
    Known(Vec<Statement>),
    Unknown,
}

impl Document {
    /// Reads a JSON policy document given as a string or as a map.
    pub(crate) fn from_json(v: &Value) -> Document {
        match v {
            Value::String(text) => match parse_json(text) {
                Some(j) => Document::from_json(&json_value(&j)),
                None => Document::Unknown,
            },
            Value::Map(_) => match v.get("Statement") {
                None | Some(Value::Null) => Document::Known(Vec::new()),
                Some(Value::Unknown(_)) => Document::Unknown,
                Some(s) => Document::Known(s.items().map(json_statement).collect()),
            },
            Value::Unknown(_) => Document::Unknown,
            // Anything else (a list, a number) is not a policy document and grants
            // nothing; Checkov passes it.
            _ => Document::Known(Vec::new()),
        }
    }

    /// Reads the `statement` blocks of a `data "aws_iam_policy_document"`.
    pub(crate) fn from_data(config: &Value) -> Document {
        match config.get("statement") {
            None | Some(Value::Null) => Document::Known(Vec::new()),
            Some(Value::Unknown(_)) => Document::Unknown,
            Some(s) => Document::Known(s.items().map(data_statement).collect()),
        }
    }

    /// Answers `pred` for the statements: `True` if it holds for some statement, `False`
    /// if for none, `Unknown` if the document or a statement leaves it open.
    pub(crate) fn any(&self, pred: impl Fn(&Statement) -> Truth) -> Truth {
        let Document::Known(statements) = self else {
            return Truth::Unknown;
        };
        let mut answer = Truth::False;
        for s in statements {
            match pred(s) {
                Truth::True => return Truth::True,
                Truth::Unknown => answer = Truth::Unknown,
                Truth::False => {}
            }
        }
        answer
    }
}

fn effect(v: Option<&Value>) -> Truth {
    match v {
        None | Some(Value::Null) => Truth::True,
        Some(Value::String(s)) => {
            if s == "Allow" {
                Truth::True
            } else {
                Truth::False
            }
        }
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(_) => Truth::False,
    }
}

fn effect_as_written(v: Option<&Value>, missing: Effect) -> Effect {
    match v {
        None => missing,
        Some(Value::String(s)) if s == "Allow" => Effect::Allow,
        Some(Value::String(s)) if s == "Deny" => Effect::Deny,
        Some(Value::Unknown(_)) => Effect::Unknown,
        Some(_) => Effect::Other,
    }
}

/// A statement that is not a map: it grants nothing, and cannot be read.
fn malformed_statement() -> Statement {
    Statement {
        allow: Truth::False,
        effect: Effect::Other,
        actions: None,
        not_actions: None,
        resources: Field::default(),
        condition: Truth::False,
        malformed: true,
    }
}

/// Whether a JSON `Condition` is there and not empty.
fn has_condition(v: Option<&Value>) -> Truth {
    match v {
        None | Some(Value::Null | Value::Bool(false)) => Truth::False,
        Some(Value::Map(m)) if m.is_empty() => Truth::False,
        Some(Value::List(l)) if l.is_empty() => Truth::False,
        Some(Value::String(s)) if s.is_empty() => Truth::False,
        Some(Value::Number(n)) if *n == 0.0 => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(_) => Truth::True,
    }
}

fn json_statement(st: &Value) -> Statement {
    if st.as_map().is_none() {
        return malformed_statement();
    }
    Statement {
        allow: effect(st.get("Effect")),
        effect: effect_as_written(st.get("Effect"), Effect::Missing),
        actions: st.get("Action").map(|a| Field::of(Some(a))),
        not_actions: st.get("NotAction").map(|a| Field::of(Some(a))),
        resources: Field::of(st.get("Resource")),
        condition: has_condition(st.get("Condition")),
        malformed: false,
    }
}

/// A `statement` block of a `data "aws_iam_policy_document"`: its `condition` blocks
/// each need `test`, `variable` and `values`.
fn data_statement(st: &Value) -> Statement {
    if st.as_map().is_none() {
        return malformed_statement();
    }
    let (condition, malformed) = match st.get("condition") {
        None | Some(Value::Null) => (Truth::False, false),
        Some(Value::Unknown(_)) => (Truth::Unknown, false),
        Some(Value::List(blocks)) if blocks.is_empty() => (Truth::False, false),
        Some(Value::List(blocks)) => {
            let complete = blocks.iter().all(|b| {
                ["test", "variable", "values"]
                    .iter()
                    .all(|k| b.get(k).is_some() || b.is_unknown())
            });
            (Truth::True, !complete)
        }
        Some(_) => (Truth::True, false),
    };
    // Checkov reads each of these as a one-element list holding the value; an expression
    // that evaluates to an empty list leaves it nothing to read, and it gives no verdict.
    let emptied = ["actions", "resources", "not_actions", "not_resources"]
        .iter()
        .any(|k| matches!(st.get(k), Some(Value::List(l)) if l.is_empty()));
    let malformed = malformed || emptied;
    Statement {
        allow: effect(st.get("effect")),
        // Terraform reads a null effect as the default, `Allow`.
        effect: match st.get("effect") {
            Some(Value::Null) => Effect::Allow,
            v => effect_as_written(v, Effect::Allow),
        },
        actions: st.get("actions").map(|a| Field::of(Some(a))),
        not_actions: st.get("not_actions").map(|a| Field::of(Some(a))),
        resources: Field::of(st.get("resources")),
        condition,
        malformed,
    }
}

/// Parses a policy written as JSON text, accepting the trailing commas (`"a",\n]`) that
/// hand-written heredocs often have and that Checkov's reader accepts too.
fn parse_json(text: &str) -> Option<serde_json::Value> {
    if let Ok(j) = serde_json::from_str(text) {
        return Some(j);
    }
    serde_json::from_str(&without_trailing_commas(text)).ok()
}

/// `text` without the commas that only whitespace separates from a closing `]` or `}`,
/// outside strings.
fn without_trailing_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            out.push(c);
            continue;
        }
        match c {
            '"' => in_string = true,
            ',' => {
                let rest = text.get(i + 1..).unwrap_or("").trim_start();
                if rest.starts_with(']') || rest.starts_with('}') {
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

fn json_value(j: &serde_json::Value) -> Value {
    match j {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => n.as_f64().map_or(Value::Null, Value::Number),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::List(a.iter().map(json_value).collect()),
        serde_json::Value::Object(o) => {
            Value::Map(o.iter().map(|(k, v)| (k.clone(), json_value(v))).collect())
        }
    }
}

/// Both truths hold.
pub(crate) fn and(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::False, _) | (_, Truth::False) => Truth::False,
        (Truth::True, Truth::True) => Truth::True,
        _ => Truth::Unknown,
    }
}

/// The identity policies a resource defines inline: a Terraform policy resource's
/// `policy` (or `inline_policy` for SSO permission sets), a CloudFormation
/// `AWS::IAM::Policy`'s `PolicyDocument`, or each `PolicyDocument` of an
/// `AWS::IAM::Role`/`User`/`Group`'s `Policies`. `None` when Checkov would give no
/// verdict (a CloudFormation role without inline policies).
pub(crate) fn identity_policies(r: &Resource) -> Option<Vec<Document>> {
    match r.framework {
        Framework::Terraform => {
            let p = r
                .config
                .get("policy")
                .or_else(|| r.config.get("inline_policy"));
            Some(p.map(Document::from_json).into_iter().collect())
        }
        Framework::CloudFormation => {
            let props = r.config.get("Properties")?;
            if r.kind != "AWS::IAM::Policy"
                && let Some(policies) = props.get("Policies")
            {
                return match policies {
                    Value::List(l) if !l.is_empty() => Some(
                        l.iter()
                            .filter_map(|p| p.get("PolicyDocument"))
                            .map(Document::from_json)
                            .collect(),
                    ),
                    Value::List(_) => None,
                    _ => Some(vec![Document::Unknown]),
                };
            }
            props
                .get("PolicyDocument")
                .map(|d| vec![Document::from_json(d)])
        }
        _ => None,
    }
}

/// The policies Checkov's least-privilege (cloudsplaining) checks read: a
/// `data "aws_iam_policy_document"`'s statements; a Terraform policy resource's `policy` (`inline_policy` for SSO permission sets); a CloudFormation
/// resource's `Policies` (each `PolicyDocument`), or its own `PolicyDocument`
/// (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`). A CloudFormation `PolicyDocument`
/// that is not a map (an unresolved intrinsic function) cannot be read. `None` when
/// Checkov gives no verdict (a CloudFormation resource without `Properties`).
pub(crate) fn least_privilege_policies(r: &Resource) -> Option<Vec<Document>> {
    let read = |d: &Value| match d {
        Value::Map(_) => Document::from_json(d),
        _ => Document::Unknown,
    };
    match r.framework {
        Framework::Terraform if r.block == BlockKind::Data => {
            Some(vec![Document::from_data(&r.config)])
        }
        Framework::Terraform => identity_policies(r),
        Framework::CloudFormation => {
            let props = r.config.get("Properties")?;
            match props.get("Policies") {
                // An unresolved entry could hold any policy.
                Some(Value::List(l)) => Some(
                    l.iter()
                        .filter_map(|p| match p {
                            Value::Unknown(_) => Some(Document::Unknown),
                            _ => p.get("PolicyDocument").map(read),
                        })
                        .collect(),
                ),
                Some(_) => Some(vec![Document::Unknown]),
                None => Some(props.get("PolicyDocument").map(read).into_iter().collect()),
            }
        }
        _ => None,
    }
}

/// `pred` over every statement of every document: `True` when some statement satisfies
/// it.
pub(crate) fn any_statement(docs: &[Document], pred: impl Fn(&Statement) -> Truth) -> Truth {
    let mut answer = Truth::False;
    for d in docs {
        match d.any(&pred) {
            Truth::True => return Truth::True,
            Truth::Unknown => answer = Truth::Unknown,
            Truth::False => {}
        }
    }
    answer
}

/// The verdict of a check that fails when a statement of the resource's policies satisfies
/// `bad`: no verdict when the policies cannot be read (`docs` is `None`) or a statement
/// might.
pub(crate) fn fail_on_any_statement(
    docs: Option<Vec<Document>>,
    bad: impl Fn(&Statement) -> Truth,
    message: &str,
) -> crate::check::Verdict {
    use crate::check::Verdict;
    let Some(docs) = docs else {
        return Verdict::Unknown;
    };
    match any_statement(&docs, bad) {
        Truth::True => Verdict::fail(message),
        Truth::False => Verdict::Pass,
        Truth::Unknown => Verdict::Unknown,
    }
}

/// An `Allow` statement with `*` among its actions.
pub(crate) fn allows_star_action(s: &Statement) -> Truth {
    let star = s.actions.as_ref().map_or(Truth::False, |a| a.has("*"));
    and(s.allow, star)
}

/// An `Allow` statement with `*` among its actions and its resources: full administrator.
pub(crate) fn allows_admin(s: &Statement) -> Truth {
    and(allows_star_action(s), s.resources.has("*"))
}

pub(crate) mod grants;

#[cfg(test)]
mod tests;
