//! Evaluating CloudFormation intrinsic functions from what a template alone determines:
//! parameter defaults, mappings and conditions. Everything else becomes
//! [`Value::Unknown`], naming the resources it depends on.

use crate::model::{Unknown, Value};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// Conditions may refer to conditions; deeper chains than this are treated as unknown
/// (a cycle, or a template built to be expensive).
const MAX_CONDITION_DEPTH: usize = 32;

/// What a template provides for resolving intrinsics.
#[derive(Debug)]
pub(crate) struct Resolver<'a> {
    /// Parameter defaults (`None` when a parameter has none).
    parameters: BTreeMap<&'a str, Option<&'a Value>>,
    resources: BTreeSet<&'a str>,
    mappings: Option<&'a IndexMap<String, Value>>,
    conditions: Option<&'a IndexMap<String, Value>>,
    /// Conditions already evaluated (`None` when unknown).
    memo: RefCell<BTreeMap<String, Option<bool>>>,
}

fn unknown(refs: Vec<String>) -> Value {
    Value::Unknown(Unknown { refs })
}

/// The resource ids an unknown value (or values inside a list or map) depends on.
fn refs_of(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Unknown(u) => {
            for r in &u.refs {
                if !out.contains(r) {
                    out.push(r.clone());
                }
            }
        }
        Value::List(items) => items.iter().for_each(|i| refs_of(i, out)),
        Value::Map(m) => m.values().for_each(|i| refs_of(i, out)),
        _ => {}
    }
}

/// A scalar as CloudFormation turns it into a string inside `Fn::Sub` and `Fn::Join`.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(template: &'a Value) -> Resolver<'a> {
        let parameters = template
            .get("Parameters")
            .and_then(Value::as_map)
            .map(|p| {
                p.iter()
                    .map(|(name, def)| (name.as_str(), def.get("Default")))
                    .collect()
            })
            .unwrap_or_default();
        let resources = template
            .get("Resources")
            .and_then(Value::as_map)
            .map(|r| r.keys().map(String::as_str).collect())
            .unwrap_or_default();
        Resolver {
            parameters,
            resources,
            mappings: template.get("Mappings").and_then(Value::as_map),
            conditions: template.get("Conditions").and_then(Value::as_map),
            memo: RefCell::new(BTreeMap::new()),
        }
    }

    /// Resolves every intrinsic in `v`. `None` means `AWS::NoValue`: the property is
    /// absent.
    pub(crate) fn resolve(&self, v: &Value) -> Option<Value> {
        match v {
            Value::Map(m) if m.len() == 1 => {
                let (k, arg) = m.iter().next()?;
                if k == "Ref" || k.starts_with("Fn::") {
                    return self.function(k, arg);
                }
                Some(Value::Map(self.resolve_map(m)))
            }
            Value::Map(m) => Some(Value::Map(self.resolve_map(m))),
            Value::List(items) => Some(Value::List(
                items.iter().filter_map(|i| self.resolve(i)).collect(),
            )),
            other => Some(other.clone()),
        }
    }

    fn resolve_map(&self, m: &IndexMap<String, Value>) -> IndexMap<String, Value> {
        m.iter()
            .filter_map(|(k, v)| self.resolve(v).map(|v| (k.clone(), v)))
            .collect()
    }

    fn function(&self, name: &str, arg: &Value) -> Option<Value> {
        match name {
            "Ref" => self.reference(arg),
            "Fn::GetAtt" => {
                let target = match arg {
                    Value::List(items) => items.first().and_then(Value::as_str),
                    Value::String(s) => s.split('.').next(),
                    _ => None,
                };
                Some(unknown(
                    target.map(|t| vec![t.to_owned()]).unwrap_or_default(),
                ))
            }
            "Fn::Sub" => Some(self.sub(arg)),
            "Fn::Join" => Some(self.join(arg)),
            "Fn::Base64" => Some(self.base64(arg)),
            "Fn::Select" => self.select(arg),
            "Fn::FindInMap" => Some(self.find_in_map(arg)),
            "Fn::If" => self.if_(arg),
            _ => {
                let mut refs = Vec::new();
                if let Some(resolved) = self.resolve(arg) {
                    refs_of(&resolved, &mut refs);
                }
                Some(unknown(refs))
            }
        }
    }

    fn reference(&self, arg: &Value) -> Option<Value> {
        let Some(name) = arg.as_str() else {
            return Some(Value::unknown());
        };
        if name == "AWS::NoValue" {
            return None;
        }
        if let Some(default) = self.parameters.get(name) {
            return Some(match default {
                Some(d) => self.resolve(d).unwrap_or_else(Value::unknown),
                None => Value::unknown(),
            });
        }
        if self.resources.contains(name) {
            return Some(unknown(vec![name.to_owned()]));
        }
        Some(Value::unknown())
    }

    /// The value of `${Name}` inside `Fn::Sub`, from its own variables or the template.
    fn sub_var(&self, name: &str, vars: Option<&IndexMap<String, Value>>) -> Value {
        if let Some(v) = vars.and_then(|m| m.get(name)) {
            return self.resolve(v).unwrap_or_else(Value::unknown);
        }
        match name.split_once('.') {
            Some((res, _)) if self.resources.contains(res) => unknown(vec![res.to_owned()]),
            Some(_) => Value::unknown(),
            None => self
                .reference(&Value::String(name.to_owned()))
                .unwrap_or_else(Value::unknown),
        }
    }

    fn sub(&self, arg: &Value) -> Value {
        let (template, vars) = match arg {
            Value::String(s) => (s.as_str(), None),
            Value::List(items) => match (items.first(), items.get(1)) {
                (Some(Value::String(s)), vars) => (s.as_str(), vars.and_then(Value::as_map)),
                _ => return Value::unknown(),
            },
            _ => return Value::unknown(),
        };
        let mut out = String::new();
        let mut refs = Vec::new();
        let mut known = true;
        let mut rest = template;
        while let Some(i) = rest.find("${") {
            out.push_str(rest.get(..i).unwrap_or(""));
            let after = rest.get(i + 2..).unwrap_or("");
            let Some(close) = after.find('}') else {
                out.push_str(rest.get(i..).unwrap_or(""));
                rest = "";
                break;
            };
            let name = after.get(..close).unwrap_or("");
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
            } else {
                let v = self.sub_var(name.trim(), vars);
                match as_text(&v) {
                    Some(t) => out.push_str(&t),
                    None => {
                        known = false;
                        refs_of(&v, &mut refs);
                    }
                }
            }
            rest = after.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        if known {
            Value::String(out)
        } else {
            unknown(refs)
        }
    }

    /// `Fn::Base64`: the encoding of a string the template determines.
    fn base64(&self, arg: &Value) -> Value {
        use base64::Engine as _;
        match self.resolve(arg) {
            Some(Value::String(s)) => {
                Value::String(base64::engine::general_purpose::STANDARD.encode(s))
            }
            Some(other) => {
                let mut refs = Vec::new();
                refs_of(&other, &mut refs);
                unknown(refs)
            }
            None => Value::unknown(),
        }
    }

    fn join(&self, arg: &Value) -> Value {
        let Value::List(items) = arg else {
            return Value::unknown();
        };
        let (Some(delim), Some(list)) = (items.first().and_then(as_text), items.get(1)) else {
            return Value::unknown();
        };
        let list = self.resolve(list).unwrap_or(Value::List(Vec::new()));
        let mut refs = Vec::new();
        refs_of(&list, &mut refs);
        let Value::List(parts) = list else {
            return unknown(refs);
        };
        let texts: Option<Vec<String>> = parts.iter().map(as_text).collect();
        match texts {
            Some(t) if refs.is_empty() => Value::String(t.join(&delim)),
            _ => unknown(refs),
        }
    }

    fn select(&self, arg: &Value) -> Option<Value> {
        let Value::List(items) = arg else {
            return Some(Value::unknown());
        };
        let index = items
            .first()
            .and_then(|i| self.resolve(i))
            .and_then(|i| i.as_f64());
        let list = items.get(1).and_then(|l| self.resolve(l));
        match (index, list) {
            (Some(i), Some(Value::List(l))) if i >= 0.0 && i.fract() == 0.0 => {
                Some(l.get(i as usize).cloned().unwrap_or_else(Value::unknown))
            }
            (_, Some(other)) => {
                let mut refs = Vec::new();
                refs_of(&other, &mut refs);
                Some(unknown(refs))
            }
            _ => Some(Value::unknown()),
        }
    }

    fn find_in_map(&self, arg: &Value) -> Value {
        let Value::List(items) = arg else {
            return Value::unknown();
        };
        let keys: Option<Vec<String>> = items
            .iter()
            .take(3)
            .map(|k| self.resolve(k).as_ref().and_then(as_text))
            .collect();
        let Some([map, top, second]) = keys.as_deref() else {
            return Value::unknown();
        };
        self.mappings
            .and_then(|m| m.get(map))
            .and_then(|m| m.get(top))
            .and_then(|m| m.get(second))
            .and_then(|v| self.resolve(v))
            .unwrap_or_else(Value::unknown)
    }

    fn if_(&self, arg: &Value) -> Option<Value> {
        let Value::List(items) = arg else {
            return Some(Value::unknown());
        };
        let (Some(cond), Some(a), Some(b)) = (
            items.first().and_then(Value::as_str),
            items.get(1),
            items.get(2),
        ) else {
            return Some(Value::unknown());
        };
        match self.condition(cond, 0) {
            Some(true) => self.resolve(a),
            Some(false) => self.resolve(b),
            None => {
                let mut refs = Vec::new();
                for branch in [a, b] {
                    if let Some(v) = self.resolve(branch) {
                        refs_of(&v, &mut refs);
                    }
                }
                Some(unknown(refs))
            }
        }
    }

    /// The value of a named condition, when the defaults decide it.
    pub(crate) fn condition(&self, name: &str, depth: usize) -> Option<bool> {
        if let Some(known) = self.memo.borrow().get(name) {
            return *known;
        }
        if depth > MAX_CONDITION_DEPTH {
            return None;
        }
        // Marking the condition unknown while it is evaluated breaks cycles and keeps
        // every condition evaluated once.
        self.memo.borrow_mut().insert(name.to_owned(), None);
        let value = self
            .conditions
            .and_then(|c| c.get(name))
            .and_then(|c| self.eval(c, depth + 1));
        self.memo.borrow_mut().insert(name.to_owned(), value);
        value
    }

    fn eval(&self, v: &Value, depth: usize) -> Option<bool> {
        if depth > MAX_CONDITION_DEPTH {
            return None;
        }
        let m = v.as_map().filter(|m| m.len() == 1)?;
        let (k, arg) = m.iter().next()?;
        let args: Vec<&Value> = arg.items().collect();
        match k.as_str() {
            "Condition" => self.condition(arg.as_str()?, depth + 1),
            "Fn::Equals" => {
                let a = self.resolve(args.first()?)?;
                let b = self.resolve(args.get(1)?)?;
                match (as_text(&a), as_text(&b)) {
                    (Some(a), Some(b)) => Some(a == b),
                    _ => None,
                }
            }
            "Fn::Not" => self.eval(args.first()?, depth + 1).map(|b| !b),
            "Fn::And" => {
                let results: Vec<Option<bool>> =
                    args.iter().map(|a| self.eval(a, depth + 1)).collect();
                if results.contains(&Some(false)) {
                    Some(false)
                } else if results.iter().all(|r| *r == Some(true)) {
                    Some(true)
                } else {
                    None
                }
            }
            "Fn::Or" => {
                let results: Vec<Option<bool>> =
                    args.iter().map(|a| self.eval(a, depth + 1)).collect();
                if results.contains(&Some(true)) {
                    Some(true)
                } else if results.iter().all(|r| *r == Some(false)) {
                    Some(false)
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}
