//! Conditions: OpenFGA's CEL expressions with typed parameters.
//!
//! A condition's parameters are converted from JSON to their declared types (with OpenFGA's
//! string coercion), the tuple's persisted context is merged over the request context
//! (persisted values win), and the expression is evaluated with the `cel` crate. `ipaddress`
//! values are carried as strings with an `in_cidr` method; durations use Go's syntax.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

use ::cel::extractors::This;
use ::cel::objects::Key;
use ::cel::{Context, ExecutionError, Program, Value};
use serde_json::{Map, Value as Json};

use crate::error::{ErrorCode, FgaError};
use crate::model::{AuthorizationModel, Condition, ConditionParamTypeRef, TypeName};

/// A request's context: the `context` struct of Check, ListObjects and ListUsers.
pub type RequestContext = Map<String, Json>;

/// The longest expression evaluated, a size stand-in for OpenFGA's CEL cost limit.
const MAX_EXPRESSION_LEN: usize = 4096;

/// A model's conditions, compiled once.
pub struct ConditionSet {
    compiled: HashMap<String, Result<CompiledCondition, String>>,
}

impl std::fmt::Debug for ConditionSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConditionSet")
            .field("conditions", &self.compiled.keys().collect::<Vec<_>>())
            .finish()
    }
}

struct CompiledCondition {
    program: Program,
    condition: Condition,
}

impl ConditionSet {
    pub fn compile(model: &AuthorizationModel) -> ConditionSet {
        let compiled = model
            .conditions
            .iter()
            .map(|(name, condition)| {
                let program = if condition.expression.len() > MAX_EXPRESSION_LEN {
                    Err(format!("condition `{name}` is too long"))
                } else {
                    Program::compile(&condition.expression)
                        .map_err(|e| format!("condition `{name}` does not compile: {e}"))
                };
                let compiled = program.map(|program| CompiledCondition {
                    program,
                    condition: condition.clone(),
                });
                (name.clone(), compiled)
            })
            .collect();
        ConditionSet { compiled }
    }

    /// Evaluates condition `name` with the tuple's persisted context (JSON object text) and the
    /// request context.
    pub fn evaluate(
        &self,
        name: &str,
        persisted: Option<&str>,
        request: &RequestContext,
    ) -> Result<bool, FgaError> {
        let compiled = match self.compiled.get(name) {
            Some(Ok(c)) => c,
            Some(Err(e)) => return Err(validation(e.clone())),
            None => return Err(validation(format!("condition `{name}` is not defined"))),
        };
        let persisted: Option<Map<String, Json>> = match persisted {
            Some(text) => match serde_json::from_str::<Json>(text) {
                Ok(Json::Object(m)) => Some(m),
                Ok(Json::Null) => None,
                _ => {
                    return Err(validation(format!(
                        "condition `{name}` has an invalid persisted context"
                    )));
                }
            },
            None => None,
        };
        let mut context = Context::default();
        context
            .add_function("in_cidr", in_cidr)
            .map_err(|e| FgaError::new(ErrorCode::InternalError, e.to_string()))?;
        for (param, ty) in &compiled.condition.parameters {
            let raw = persisted
                .as_ref()
                .and_then(|m| m.get(param))
                .or_else(|| request.get(param));
            // OpenFGA reports any missing parameter, even one the expression would not reach.
            let raw = raw.ok_or_else(|| {
                validation(format!(
                    "tuple with condition `{name}` is missing context parameter `{param}`"
                ))
            })?;
            let value = convert(raw, ty).map_err(|e| {
                validation(format!(
                    "failed to convert context parameter `{param}` of condition `{name}`: {e}"
                ))
            })?;
            context.add_variable_from_value(param.as_str(), value);
        }
        match compiled.program.execute(&context) {
            Ok(Value::Bool(b)) => Ok(b),
            Ok(other) => Err(validation(format!(
                "condition `{name}` evaluated to a non-boolean {:?}",
                other.type_of()
            ))),
            Err(e) => Err(validation(format!(
                "failed to evaluate condition `{name}`: {e}"
            ))),
        }
    }
}

fn validation(message: String) -> FgaError {
    FgaError::new(ErrorCode::ValidationError, message)
}

fn in_cidr(This(ip): This<Arc<String>>, cidr: Arc<String>) -> Result<Value, ExecutionError> {
    let addr: IpAddr = ip
        .parse()
        .map_err(|_| ExecutionError::function_error("in_cidr", "invalid ip address"))?;
    let (net, bits) = cidr
        .split_once('/')
        .ok_or_else(|| ExecutionError::function_error("in_cidr", "invalid cidr"))?;
    let net: IpAddr = net
        .parse()
        .map_err(|_| ExecutionError::function_error("in_cidr", "invalid cidr"))?;
    let bits: u32 = bits
        .parse()
        .map_err(|_| ExecutionError::function_error("in_cidr", "invalid cidr"))?;
    let within = match (addr, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) if bits <= 32 => {
            let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
            u32::from(a) & mask == u32::from(n) & mask
        }
        (IpAddr::V6(a), IpAddr::V6(n)) if bits <= 128 => {
            let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
            u128::from(a) & mask == u128::from(n) & mask
        }
        (IpAddr::V4(_), IpAddr::V4(_)) | (IpAddr::V6(_), IpAddr::V6(_)) => {
            return Err(ExecutionError::function_error("in_cidr", "invalid cidr"));
        }
        _ => false,
    };
    Ok(Value::Bool(within))
}

/// Converts a JSON value to a CEL value of the declared parameter type.
fn convert(raw: &Json, ty: &ConditionParamTypeRef) -> Result<Value, String> {
    let generic = ty.generic_types.first();
    match ty.type_name {
        TypeName::Any | TypeName::Unspecified => any_value(raw),
        TypeName::Bool => match raw {
            Json::Bool(b) => Ok(Value::Bool(*b)),
            Json::String(s) => s
                .parse::<bool>()
                .map(Value::Bool)
                .map_err(|_| format!("`{s}` is not a bool")),
            _ => Err("expected a bool".into()),
        },
        TypeName::String => match raw {
            Json::String(s) => Ok(Value::String(Arc::new(s.clone()))),
            _ => Err("expected a string".into()),
        },
        TypeName::Int => {
            let n = number(raw)?;
            match n {
                Num::Int(i) => Ok(Value::Int(i)),
                Num::Uint(u) => i64::try_from(u)
                    .map(Value::Int)
                    .map_err(|_| "int out of range".into()),
                Num::Float(f) if f.fract() == 0.0 && f.is_finite() && f.abs() < 9.2e18 => {
                    Ok(Value::Int(f as i64))
                }
                Num::Float(_) => Err("expected an int".into()),
            }
        }
        TypeName::Uint => match number(raw)? {
            Num::Int(i) => u64::try_from(i)
                .map(Value::UInt)
                .map_err(|_| "uint out of range".into()),
            Num::Uint(u) => Ok(Value::UInt(u)),
            Num::Float(f) if f.fract() == 0.0 && (0.0..1.8e19).contains(&f) => {
                Ok(Value::UInt(f as u64))
            }
            Num::Float(_) => Err("expected a uint".into()),
        },
        TypeName::Double => {
            let f = match number(raw)? {
                Num::Int(i) => i as f64,
                Num::Uint(u) => u as f64,
                Num::Float(f) => f,
            };
            if f.is_finite() {
                Ok(Value::Float(f))
            } else {
                Err("double out of range".into())
            }
        }
        TypeName::Duration => match raw {
            Json::String(s) => parse_go_duration(s)
                .map(Value::Duration)
                .ok_or_else(|| format!("`{s}` is not a duration")),
            _ => Err("expected a duration string".into()),
        },
        TypeName::Timestamp => match raw {
            Json::String(s) => chrono::DateTime::parse_from_rfc3339(s)
                .map(Value::Timestamp)
                .map_err(|_| format!("`{s}` is not an RFC 3339 timestamp")),
            _ => Err("expected a timestamp string".into()),
        },
        TypeName::IpAddress => match raw {
            Json::String(s) if s.parse::<IpAddr>().is_ok() => {
                Ok(Value::String(Arc::new(s.clone())))
            }
            _ => Err("expected an ip address".into()),
        },
        TypeName::List => match raw {
            Json::Array(items) => {
                let items = items
                    .iter()
                    .map(|v| match generic {
                        Some(g) => convert(v, g),
                        None => any_value(v),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::List(Arc::new(items)))
            }
            _ => Err("expected a list".into()),
        },
        TypeName::Map => match raw {
            Json::Object(entries) => {
                let mut map = HashMap::new();
                for (k, v) in entries {
                    let v = match generic {
                        Some(g) => convert(v, g)?,
                        None => any_value(v)?,
                    };
                    map.insert(Key::String(Arc::new(k.clone())), v);
                }
                Ok(Value::Map(cel::objects::Map { map: Arc::new(map) }))
            }
            _ => Err("expected a map".into()),
        },
    }
}

enum Num {
    Int(i64),
    Uint(u64),
    Float(f64),
}

fn number(raw: &Json) -> Result<Num, String> {
    match raw {
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                Ok(Num::Int(i))
            } else if let Some(u) = n.as_u64() {
                Ok(Num::Uint(u))
            } else {
                n.as_f64()
                    .map(Num::Float)
                    .ok_or_else(|| "invalid number".into())
            }
        }
        Json::String(s) => {
            if let Ok(i) = s.parse::<i64>() {
                Ok(Num::Int(i))
            } else if let Ok(u) = s.parse::<u64>() {
                Ok(Num::Uint(u))
            } else {
                s.parse::<f64>()
                    .map(Num::Float)
                    .map_err(|_| format!("`{s}` is not a number"))
            }
        }
        _ => Err("expected a number".into()),
    }
}

fn any_value(raw: &Json) -> Result<Value, String> {
    Ok(match raw {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match number(raw)? {
            Num::Int(i) => Value::Int(i),
            Num::Uint(u) => Value::UInt(u),
            Num::Float(f) if f.is_finite() => Value::Float(f),
            Num::Float(_) => return Err(format!("`{n}` is out of range")),
        },
        Json::String(s) => Value::String(Arc::new(s.clone())),
        Json::Array(items) => Value::List(Arc::new(
            items.iter().map(any_value).collect::<Result<_, _>>()?,
        )),
        Json::Object(entries) => {
            let mut map = HashMap::new();
            for (k, v) in entries {
                map.insert(Key::String(Arc::new(k.clone())), any_value(v)?);
            }
            Value::Map(cel::objects::Map { map: Arc::new(map) })
        }
    })
}

/// Parses a Go duration (`300ms`, `-1.5h`, `2h45m`, `0`).
pub fn parse_go_duration(s: &str) -> Option<chrono::Duration> {
    let (negative, mut rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if rest == "0" {
        return Some(chrono::Duration::zero());
    }
    if rest.is_empty() {
        return None;
    }
    let mut total_nanos: f64 = 0.0;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (num, tail) = rest.split_at(num_len);
        if num.is_empty() || num == "." {
            return None;
        }
        let value: f64 = num.parse().ok()?;
        let unit_len = tail
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(tail.len());
        let (unit, tail) = tail.split_at(unit_len);
        let scale = match unit {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        total_nanos += value * scale;
        rest = tail;
    }
    if !total_nanos.is_finite() || total_nanos > 9.2e18 {
        return None;
    }
    let nanos = total_nanos.round() as i64;
    Some(chrono::Duration::nanoseconds(if negative {
        -nanos
    } else {
        nanos
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        assert_eq!(
            parse_go_duration("1h30m"),
            Some(chrono::Duration::minutes(90))
        );
        assert_eq!(
            parse_go_duration("1.5s"),
            Some(chrono::Duration::milliseconds(1500))
        );
        assert_eq!(
            parse_go_duration("-10ms"),
            Some(chrono::Duration::milliseconds(-10))
        );
        assert_eq!(parse_go_duration("10"), None);
        assert_eq!(parse_go_duration(""), None);
    }
}
