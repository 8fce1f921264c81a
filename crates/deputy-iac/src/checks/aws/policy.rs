//! IAM policy documents in one normalized model, whichever way they are written: a JSON
//! string (a heredoc, a literal, the result of `jsonencode(...)`), a
//! `data "aws_iam_policy_document"` block's `statement` blocks, or a CloudFormation
//! `PolicyDocument` map. Checks ask the model about statements (effect, actions,
//! resources), so one check covers all three forms.

use crate::model::{Framework, Resource, Truth, Value};

/// The strings of one statement field (`Action`, `Resource`) and whether some of them
/// could not be resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Field {
    pub(crate) values: Vec<String>,
    pub(crate) unknown: bool,
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
                Value::Unknown(_) => out.unknown = true,
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
    /// `Action` / `actions`; `None` when the statement has none (it may use `NotAction`).
    pub(crate) actions: Option<Field>,
    pub(crate) resources: Field,
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
            Value::String(text) => match serde_json::from_str::<serde_json::Value>(text) {
                Ok(j) => Document::from_json(&json_value(&j)),
                Err(_) => Document::Unknown,
            },
            Value::Map(_) => match v.get("Statement") {
                None | Some(Value::Null) => Document::Known(Vec::new()),
                Some(Value::Unknown(_)) => Document::Unknown,
                Some(s) => Document::Known(
                    s.items()
                        .filter(|st| st.as_map().is_some())
                        .map(json_statement)
                        .collect(),
                ),
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
            Some(s) => Document::Known(
                s.items()
                    .filter(|st| st.as_map().is_some())
                    .map(|st| Statement {
                        allow: effect(st.get("effect")),
                        actions: st.get("actions").map(|a| Field::of(Some(a))),
                        resources: Field::of(st.get("resources")),
                    })
                    .collect(),
            ),
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

fn json_statement(st: &Value) -> Statement {
    Statement {
        allow: effect(st.get("Effect")),
        actions: st.get("Action").map(|a| Field::of(Some(a))),
        resources: Field::of(st.get("Resource")),
    }
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

/// An `Allow` statement with `*` among its actions.
pub(crate) fn allows_star_action(s: &Statement) -> Truth {
    let star = s.actions.as_ref().map_or(Truth::False, |a| a.has("*"));
    and(s.allow, star)
}

/// An `Allow` statement with `*` among its actions and its resources: full administrator.
pub(crate) fn allows_admin(s: &Statement) -> Truth {
    and(allows_star_action(s), s.resources.has("*"))
}

#[cfg(test)]
mod tests;
