//! Helpers over [`Value`] that Terraform evaluation needs: merging the references of
//! unknown operands, Terraform's string and number conversions, and equality. They live
//! here rather than on `Value` itself because they encode Terraform semantics.

use crate::model::{Unknown, Value};

/// An evaluation failure in Terraform's sense (a missing attribute, an index out of range,
/// a type mismatch). `try` and `can` observe it; everywhere else it becomes an unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EvalError(pub String);

pub(crate) type EvalResult = Result<Value, EvalError>;

pub(crate) fn err<T>(message: impl Into<String>) -> Result<T, EvalError> {
    Err(EvalError(message.into()))
}

/// An unknown depending on the given resource addresses (deduplicated, in order).
pub(crate) fn unknown_with(refs: Vec<String>) -> Value {
    let mut refs = refs;
    dedup_in_order(&mut refs);
    Value::Unknown(Unknown { refs })
}

fn dedup_in_order(refs: &mut Vec<String>) {
    if refs.len() < 2 {
        return;
    }
    let mut seen = std::collections::HashSet::with_capacity(refs.len());
    refs.retain(|r| seen.insert(r.clone()));
}

/// Appends every reference found anywhere inside `value` to `out`.
pub(crate) fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Unknown(u) => out.extend(u.refs.iter().cloned()),
        Value::List(items) => items.iter().for_each(|v| collect_refs(v, out)),
        Value::Map(m) => m.values().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// The unknown that results from combining `values`, at least one of which is unknown:
/// it depends on everything any of them depends on.
pub(crate) fn unknown_of<'a>(values: impl IntoIterator<Item = &'a Value>) -> Value {
    let mut refs = Vec::new();
    for v in values {
        collect_refs(v, &mut refs);
    }
    unknown_with(refs)
}

/// Formats a number the way Terraform prints it: integers without a fractional part.
pub(crate) fn number_to_string(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Terraform's conversion to string: only primitives convert.
pub(crate) fn to_string(value: &Value) -> Result<String, EvalError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(number_to_string(*n)),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => err("a null value cannot be used as a string"),
        Value::List(_) | Value::Map(_) => err("a collection cannot be used as a string"),
        Value::Unknown(_) => err("an unknown value cannot be converted here"),
    }
}

/// Terraform's conversion to number: numbers and numeric strings.
pub(crate) fn to_number(value: &Value) -> Result<f64, EvalError> {
    match value {
        Value::Number(n) => Ok(*n),
        Value::String(s) => match s.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(n),
            _ => err(format!("`{s}` is not a number")),
        },
        _ => err("a number is required"),
    }
}

/// Terraform's conversion to bool: booleans and the strings `true`/`false`.
pub(crate) fn to_bool(value: &Value) -> Result<bool, EvalError> {
    match value {
        Value::Bool(b) => Ok(*b),
        Value::String(s) if s == "true" => Ok(true),
        Value::String(s) if s == "false" => Ok(false),
        _ => err("a bool is required"),
    }
}

/// An index into a list: a whole, non-negative number.
pub(crate) fn to_index(value: &Value) -> Result<usize, EvalError> {
    let n = to_number(value)?;
    if n < 0.0 || n.fract() != 0.0 || n > u32::MAX as f64 {
        return err(format!("`{}` is not a valid index", number_to_string(n)));
    }
    Ok(n as usize)
}

/// Terraform's `==`: no conversion between types, except that numbers compare by value.
pub(crate) fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| equal(p, q))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => a == b,
    }
}

/// A short name of the value's type for error messages.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::List(_) => "list",
        Value::Map(_) => "object",
        Value::Unknown(_) => "unknown",
    }
}
