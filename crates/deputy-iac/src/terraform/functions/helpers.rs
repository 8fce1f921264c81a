//! The implementations of the built-in functions that need more than a line or two.

use super::super::value::{
    EvalError, EvalResult, err, number_to_string, to_bool, to_number, to_string,
};
use super::{Args, string};
use crate::model::Value;

/// `element(list, i)`: wraps around the list's length.
pub(super) fn element(args: &mut [Value], i: usize) -> EvalResult {
    match args.first() {
        Some(Value::List(items)) if !items.is_empty() => {
            Ok(items.get(i % items.len()).cloned().unwrap_or(Value::Null))
        }
        _ => err("`element` of an empty list"),
    }
}

pub(super) fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = !c.is_alphanumeric();
    }
    out
}

pub(super) fn substr(s: &str, offset: f64, length: f64) -> EvalResult {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len() as i64;
    let mut start = offset as i64;
    if start < 0 {
        start += n;
    }
    let start = start.clamp(0, n);
    let end = if length < 0.0 {
        n
    } else {
        (start + length as i64).min(n)
    };
    Ok(Value::String(
        chars
            .get(start as usize..end.max(start) as usize)
            .unwrap_or_default()
            .iter()
            .collect(),
    ))
}

pub(super) fn replace(s: &str, search: &str, with: &str) -> EvalResult {
    if search.len() > 2 && search.starts_with('/') && search.ends_with('/') {
        let pattern = search.get(1..search.len() - 1).unwrap_or_default();
        let re = compile(pattern)?;
        return string(re.replace_all(s, with).into_owned());
    }
    if search.is_empty() {
        return string(s);
    }
    string(s.replace(search, with))
}

pub(super) fn compile(pattern: &str) -> Result<regex::Regex, EvalError> {
    regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| EvalError(format!("invalid regular expression: {e}")))
}

/// `regex` and `regexall`: a string, a list of captures, or a map of named captures.
pub(super) fn regex_match(pattern: &str, s: &str, all: bool) -> EvalResult {
    let re = compile(pattern)?;
    let shape = |caps: regex::Captures<'_>| -> Value {
        let names: Vec<Option<&str>> = re.capture_names().collect();
        if names.iter().skip(1).any(Option::is_some) {
            Value::Map(
                names
                    .iter()
                    .enumerate()
                    .filter_map(|(i, n)| {
                        n.map(|n| {
                            let v = caps.get(i).map(|m| m.as_str()).unwrap_or_default();
                            (n.to_owned(), Value::String(v.to_owned()))
                        })
                    })
                    .collect(),
            )
        } else if caps.len() > 1 {
            Value::List(
                caps.iter()
                    .skip(1)
                    .map(|m| Value::String(m.map(|m| m.as_str()).unwrap_or_default().to_owned()))
                    .collect(),
            )
        } else {
            Value::String(
                caps.get(0)
                    .map(|m| m.as_str())
                    .unwrap_or_default()
                    .to_owned(),
            )
        }
    };
    if all {
        Ok(Value::List(re.captures_iter(s).map(shape).collect()))
    } else {
        match re.captures(s) {
            Some(caps) => Ok(shape(caps)),
            None => err("the pattern did not match"),
        }
    }
}

/// The widest padding and the longest precision `format` and `indent` produce: far more
/// than any configuration uses, small enough that input cannot make them allocate
/// gigabytes.
pub(super) const MAX_PAD: usize = 1024;

/// `format`: the verbs configurations use (`%s`, `%d`, `%v`, `%q`, `%%`, `%f`, `%t`),
/// with an optional width and precision for numbers.
pub(super) fn format(f: &str, args: &[Value]) -> EvalResult {
    let mut out = String::new();
    let mut chars = f.chars().peekable();
    let mut next = 0usize;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        while let Some(&d) = chars.peek() {
            if d.is_ascii_digit() || d == '.' || d == '-' || d == '+' || d == '#' || d == ' ' {
                spec.push(d);
                chars.next();
            } else {
                break;
            }
        }
        let Some(verb) = chars.next() else {
            return err("`format` string ends in `%`");
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(next) else {
            return err("`format` has too few arguments");
        };
        next += 1;
        let text = match verb {
            's' | 'v' => match arg {
                Value::List(_) | Value::Map(_) if verb == 'v' => {
                    serde_json::to_string(&to_json(arg)).unwrap_or_default()
                }
                _ => to_string(arg)?,
            },
            'q' => serde_json::to_string(&to_string(arg)?).unwrap_or_default(),
            'd' => number_to_string(to_number(arg)?.trunc()),
            'f' | 'e' | 'g' => {
                let n = to_number(arg)?;
                let precision = spec
                    .split_once('.')
                    .and_then(|(_, p)| p.parse::<usize>().ok())
                    .unwrap_or(6)
                    .min(MAX_PAD);
                format!("{n:.precision$}")
            }
            't' => to_bool(arg)?.to_string(),
            'x' => format!("{:x}", to_number(arg)? as i64),
            'o' => format!("{:o}", to_number(arg)? as i64),
            'b' => format!("{:b}", to_number(arg)? as i64),
            other => return err(format!("`format` verb `%{other}` is not supported")),
        };
        let width = spec
            .trim_start_matches(['-', '+', '#', ' ', '0'])
            .split('.')
            .next()
            .and_then(|w| w.parse::<usize>().ok())
            .unwrap_or(0)
            .min(MAX_PAD);
        let pad_char = if spec.starts_with('0') { '0' } else { ' ' };
        let pad = width.saturating_sub(text.chars().count());
        if spec.starts_with('-') {
            out.push_str(&text);
            out.extend(std::iter::repeat_n(' ', pad));
        } else {
            out.extend(std::iter::repeat_n(pad_char, pad));
            out.push_str(&text);
        }
    }
    string(out)
}

pub(super) fn formatlist(a: &mut Args<'_>) -> EvalResult {
    let f = a.str(0)?;
    let rest: Vec<Value> = a.args.get(1..).unwrap_or_default().to_vec();
    let n = rest
        .iter()
        .filter_map(|v| match v {
            Value::List(l) => Some(l.len()),
            _ => None,
        })
        .max();
    let Some(n) = n else {
        return Ok(Value::List(vec![format(&f, &rest)?]));
    };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let row: Vec<Value> = rest
            .iter()
            .map(|v| match v {
                Value::List(l) => l.get(i).cloned().unwrap_or(Value::Null),
                other => other.clone(),
            })
            .collect();
        out.push(format(&f, &row)?);
    }
    Ok(Value::List(out))
}

pub(super) fn range(a: &Args<'_>) -> EvalResult {
    let (start, end, step) = match a.args.len() {
        1 => (0.0, a.num(0)?, 1.0),
        2 => (a.num(0)?, a.num(1)?, 1.0),
        3 => (a.num(0)?, a.num(1)?, a.num(2)?),
        _ => return err("`range` takes 1 to 3 arguments"),
    };
    if step == 0.0 || (end - start) / step > 1_000_000.0 {
        return err("`range` would not end or is too long");
    }
    let mut out = Vec::new();
    let mut x = start;
    while (step > 0.0 && x < end) || (step < 0.0 && x > end) {
        out.push(Value::Number(x));
        x += step;
    }
    Ok(Value::List(out))
}

/// Removes duplicates, keeping the first occurrence (Terraform sets are unordered; the
/// first-seen order keeps output deterministic).
pub(super) fn to_set(items: Vec<Value>) -> Vec<Value> {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items
        .into_iter()
        .filter(|v| set_key(v).is_none_or(|k| seen.insert(k)))
        .collect()
}

/// A key equal for values Terraform considers equal, so set operations take linear time;
/// `None` for a value with an unknown inside, which equals nothing for certain.
pub(super) fn set_key(v: &Value) -> Option<String> {
    if v.contains_unknown() {
        return None;
    }
    serde_json::to_string(&to_json(v)).ok()
}

pub(super) fn flatten(
    items: Vec<Value>,
    out: &mut Vec<Value>,
    depth: u32,
) -> Result<(), EvalError> {
    if depth > 64 {
        return err("`flatten` nested too deeply");
    }
    for v in items {
        match v {
            Value::List(inner) => flatten(inner, out, depth + 1)?,
            other => out.push(other),
        }
    }
    Ok(())
}

pub(super) fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null | Value::Unknown(_) => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => {
            if n.fract() == 0.0 && n.abs() < 1e15 {
                serde_json::Value::from(*n as i64)
            } else {
                serde_json::Number::from_f64(*n)
                    .map(serde_json::Value::Number)
                    .unwrap_or(serde_json::Value::Null)
            }
        }
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::List(items) => serde_json::Value::Array(items.iter().map(to_json).collect()),
        Value::Map(m) => {
            serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

pub(super) fn from_json(j: serde_json::Value) -> Value {
    match j {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(0.0)),
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(items) => Value::List(items.into_iter().map(from_json).collect()),
        serde_json::Value::Object(m) => {
            Value::Map(m.into_iter().map(|(k, v)| (k, from_json(v))).collect())
        }
    }
}

pub(super) fn base64_encode(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                let idx = ((n >> (18 - 6 * i)) & 63) as usize;
                out.push(char::from(TABLE.get(idx).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `cidrsubnet` for IPv4 prefixes.
pub(super) fn cidrsubnet(prefix: &str, newbits: f64, netnum: f64) -> EvalResult {
    let Some((addr, len)) = prefix.split_once('/') else {
        return err(format!("`{prefix}` is not a CIDR prefix"));
    };
    let Ok(ip) = addr.parse::<std::net::Ipv4Addr>() else {
        // IPv6 prefixes are rare in checks; leave them unknown rather than guess.
        return Ok(Value::unknown());
    };
    let len: u32 = len
        .parse()
        .map_err(|_| EvalError(format!("`{prefix}` has an invalid prefix length")))?;
    let newbits = newbits as u32;
    let new_len = len + newbits;
    if len > 32 || new_len > 32 || netnum < 0.0 || netnum >= 2f64.powi(newbits as i32) {
        return err("`cidrsubnet` arguments out of range");
    }
    let base = u32::from(ip) & mask(len);
    let shifted = (netnum as u64) << (32 - new_len);
    let net = base | (shifted as u32);
    string(format!("{}/{new_len}", std::net::Ipv4Addr::from(net)))
}

pub(super) fn mask(len: u32) -> u32 {
    if len == 0 { 0 } else { u32::MAX << (32 - len) }
}
