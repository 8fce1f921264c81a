//! Type constraints of input variables, applied the way Terraform converts the values a
//! caller or a `.tfvars` file gives: primitive conversions (`"true"` for a `bool`), and the
//! defaults of `optional(type, default)` attributes of object types, which modules rely on
//! to fill in settings the caller left out.

use super::eval::{EmptyScope, Evaluator};
use super::value::{to_bool, to_number, to_string};
use crate::model::Value;
use hcl_edit::expr::{Expression, ObjectKey};

/// How deeply type constraints may nest; deeper ones are left unapplied.
const MAX_TYPE_DEPTH: u32 = 32;

/// Converts `value` to the constraint `type_expr` where Terraform would, leaving it as it
/// is where the constraint is absent, `any`, or not understood.
pub(crate) fn convert(type_expr: Option<&Expression>, value: Value) -> Value {
    match type_expr {
        Some(t) => convert_to(t, value, 0),
        None => value,
    }
}

fn convert_to(t: &Expression, value: Value, depth: u32) -> Value {
    if depth > MAX_TYPE_DEPTH || value.is_unknown() || matches!(value, Value::Null) {
        return value;
    }
    match t {
        Expression::Variable(name) => {
            let converted = match (name.as_str(), &value) {
                ("bool", Value::String(_)) => to_bool(&value).map(Value::Bool).ok(),
                ("number", Value::String(_)) => to_number(&value).map(Value::Number).ok(),
                ("string", Value::Number(_) | Value::Bool(_)) => {
                    to_string(&value).map(Value::String).ok()
                }
                _ => None,
            };
            converted.unwrap_or(value)
        }
        Expression::FuncCall(call) if call.name.namespace.is_empty() => {
            let arg = call.args.iter().next();
            match (call.name.name.as_str(), arg, value) {
                ("list" | "set", Some(elem), Value::List(items)) => Value::List(
                    items
                        .into_iter()
                        .map(|v| convert_to(elem, v, depth + 1))
                        .collect(),
                ),
                ("map", Some(elem), Value::Map(m)) => Value::Map(
                    m.into_iter()
                        .map(|(k, v)| (k, convert_to(elem, v, depth + 1)))
                        .collect(),
                ),
                ("object", Some(Expression::Object(attrs)), Value::Map(mut m)) => {
                    for (key, attr) in attrs.iter() {
                        let name = match key {
                            ObjectKey::Ident(i) => i.as_str().to_owned(),
                            ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
                            ObjectKey::Expression(Expression::Variable(v)) => v.as_str().to_owned(),
                            ObjectKey::Expression(_) => continue,
                        };
                        let (attr_type, default) = optional(attr.expr());
                        match m.swap_remove(&name) {
                            Some(v) => {
                                m.insert(name, convert_to(attr_type, v, depth + 1));
                            }
                            None if attr_type_is_optional(attr.expr()) => {
                                let d = default.map_or(Value::Null, |d| {
                                    Evaluator::new(&EmptyScope::default()).value(d)
                                });
                                m.insert(name, convert_to(attr_type, d, depth + 1));
                            }
                            None => {}
                        }
                    }
                    Value::Map(m)
                }
                (_, _, value) => value,
            }
        }
        _ => value,
    }
}

/// The type and default of `optional(type, default)`; any other type is itself.
fn optional(t: &Expression) -> (&Expression, Option<&Expression>) {
    match t {
        Expression::FuncCall(call) if call.name.name.as_str() == "optional" => {
            let mut args = call.args.iter();
            match args.next() {
                Some(inner) => (inner, args.next()),
                None => (t, None),
            }
        }
        _ => (t, None),
    }
}

fn attr_type_is_optional(t: &Expression) -> bool {
    matches!(t, Expression::FuncCall(call) if call.name.name.as_str() == "optional")
}
