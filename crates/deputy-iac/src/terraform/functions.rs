//! Terraform's built-in functions, the ones configurations commonly use. A function
//! Deputy does not implement returns an unknown carrying its arguments' references, never
//! a guess.

use super::value::{
    EvalError, EvalResult, collect_refs, equal, err, number_to_string, to_bool, to_index,
    to_number, to_string, unknown_of, unknown_with,
};
use crate::model::Value;
use indexmap::IndexMap;

/// Functions that only move values around: an unknown *inside* an argument is carried
/// through, only an unknown argument itself makes the result unknown.
const STRUCTURAL: &[&str] = &[
    "length",
    "merge",
    "concat",
    "element",
    "lookup",
    "keys",
    "values",
    "tolist",
    "toset",
    "tomap",
    "coalesce",
    "coalescelist",
    "zipmap",
    "slice",
    "reverse",
    "one",
    "index",
    "setunion",
    "transpose",
    "matchkeys",
];

pub(crate) fn call(name: &str, args: Vec<Value>) -> EvalResult {
    let blocked = if STRUCTURAL.contains(&name) {
        args.iter().any(Value::is_unknown)
    } else {
        args.iter().any(Value::contains_unknown)
    };
    if blocked {
        return Ok(unknown_of(&args));
    }
    let mut args = args;
    let a = Args {
        name,
        args: &mut args,
    };
    dispatch(a)
}

struct Args<'a> {
    name: &'a str,
    args: &'a mut Vec<Value>,
}

impl Args<'_> {
    fn exactly(&self, n: usize) -> Result<(), EvalError> {
        if self.args.len() == n {
            Ok(())
        } else {
            err(format!(
                "`{}` takes {n} argument(s), got {}",
                self.name,
                self.args.len()
            ))
        }
    }

    fn at_least(&self, n: usize) -> Result<(), EvalError> {
        if self.args.len() >= n {
            Ok(())
        } else {
            err(format!("`{}` takes at least {n} argument(s)", self.name))
        }
    }

    fn take(&mut self, i: usize) -> Value {
        self.args
            .get_mut(i)
            .map(|v| std::mem::replace(v, Value::Null))
            .unwrap_or(Value::Null)
    }

    fn str(&self, i: usize) -> Result<String, EvalError> {
        to_string(self.args.get(i).unwrap_or(&Value::Null))
    }

    fn num(&self, i: usize) -> Result<f64, EvalError> {
        to_number(self.args.get(i).unwrap_or(&Value::Null))
    }

    fn list(&mut self, i: usize) -> Result<Vec<Value>, EvalError> {
        match self.take(i) {
            Value::List(items) => Ok(items),
            // Sets and tuples are lists here; a map is not.
            other => err(format!(
                "`{}` needs a list, got {}",
                self.name,
                kind(&other)
            )),
        }
    }

    fn map(&mut self, i: usize) -> Result<IndexMap<String, Value>, EvalError> {
        match self.take(i) {
            Value::Map(m) => Ok(m),
            other => err(format!("`{}` needs a map, got {}", self.name, kind(&other))),
        }
    }
}

fn kind(v: &Value) -> &'static str {
    super::value::type_name(v)
}

fn string(s: impl Into<String>) -> EvalResult {
    Ok(Value::String(s.into()))
}

fn strings(items: &[Value]) -> Result<Vec<String>, EvalError> {
    items.iter().map(to_string).collect()
}

fn dispatch(mut a: Args<'_>) -> EvalResult {
    match a.name {
        // Strings.
        "lower" => {
            a.exactly(1)?;
            string(a.str(0)?.to_lowercase())
        }
        "upper" => {
            a.exactly(1)?;
            string(a.str(0)?.to_uppercase())
        }
        "title" => {
            a.exactly(1)?;
            string(title(&a.str(0)?))
        }
        "trimspace" => {
            a.exactly(1)?;
            string(a.str(0)?.trim())
        }
        "trim" => {
            a.exactly(2)?;
            let set = a.str(1)?;
            string(a.str(0)?.trim_matches(|c| set.contains(c)))
        }
        "trimprefix" => {
            a.exactly(2)?;
            let (s, p) = (a.str(0)?, a.str(1)?);
            string(s.strip_prefix(p.as_str()).unwrap_or(&s))
        }
        "trimsuffix" => {
            a.exactly(2)?;
            let (s, p) = (a.str(0)?, a.str(1)?);
            string(s.strip_suffix(p.as_str()).unwrap_or(&s))
        }
        "startswith" => {
            a.exactly(2)?;
            Ok(Value::Bool(a.str(0)?.starts_with(a.str(1)?.as_str())))
        }
        "endswith" => {
            a.exactly(2)?;
            Ok(Value::Bool(a.str(0)?.ends_with(a.str(1)?.as_str())))
        }
        "strcontains" => {
            a.exactly(2)?;
            Ok(Value::Bool(a.str(0)?.contains(a.str(1)?.as_str())))
        }
        "substr" => {
            a.exactly(3)?;
            substr(&a.str(0)?, a.num(1)?, a.num(2)?)
        }
        "replace" => {
            a.exactly(3)?;
            replace(&a.str(0)?, &a.str(1)?, &a.str(2)?)
        }
        "split" => {
            a.exactly(2)?;
            let (sep, s) = (a.str(0)?, a.str(1)?);
            if s.is_empty() {
                return Ok(Value::List(Vec::new()));
            }
            if sep.is_empty() {
                return Ok(Value::List(
                    s.chars().map(|c| Value::String(c.to_string())).collect(),
                ));
            }
            Ok(Value::List(
                s.split(sep.as_str())
                    .map(|p| Value::String(p.to_owned()))
                    .collect(),
            ))
        }
        "join" => {
            a.at_least(2)?;
            let sep = a.str(0)?;
            let mut parts = Vec::new();
            for i in 1..a.args.len() {
                parts.extend(strings(&a.list(i)?)?);
            }
            string(parts.join(&sep))
        }
        "format" => {
            a.at_least(1)?;
            let f = a.str(0)?;
            format(&f, a.args.get(1..).unwrap_or_default())
        }
        "formatlist" => {
            a.at_least(1)?;
            formatlist(&mut a)
        }
        "chomp" => {
            a.exactly(1)?;
            string(a.str(0)?.trim_end_matches(['\n', '\r']))
        }
        "indent" => {
            a.exactly(2)?;
            let pad = " ".repeat(to_index(&Value::Number(a.num(0)?))?);
            string(a.str(1)?.replace('\n', &format!("\n{pad}")))
        }
        "strrev" => {
            a.exactly(1)?;
            string(a.str(0)?.chars().rev().collect::<String>())
        }
        "regex" => {
            a.exactly(2)?;
            regex_match(&a.str(0)?, &a.str(1)?, false)
        }
        "regexall" => {
            a.exactly(2)?;
            regex_match(&a.str(0)?, &a.str(1)?, true)
        }
        "base64encode" => {
            a.exactly(1)?;
            string(base64_encode(a.str(0)?.as_bytes()))
        }
        "jsonencode" => {
            a.exactly(1)?;
            let v = a.take(0);
            string(serde_json::to_string(&to_json(&v)).unwrap_or_default())
        }
        "jsondecode" => {
            a.exactly(1)?;
            match serde_json::from_str::<serde_json::Value>(&a.str(0)?) {
                Ok(j) => Ok(from_json(j)),
                Err(e) => err(format!("invalid JSON: {e}")),
            }
        }
        // Numbers.
        "min" | "max" => {
            a.at_least(1)?;
            let mut nums = Vec::new();
            for i in 0..a.args.len() {
                nums.push(a.num(i)?);
            }
            let pick = if a.name == "min" { f64::min } else { f64::max };
            let first = nums.first().copied().unwrap_or(0.0);
            Ok(Value::Number(nums.into_iter().fold(first, pick)))
        }
        "abs" => {
            a.exactly(1)?;
            Ok(Value::Number(a.num(0)?.abs()))
        }
        "ceil" => {
            a.exactly(1)?;
            Ok(Value::Number(a.num(0)?.ceil()))
        }
        "floor" => {
            a.exactly(1)?;
            Ok(Value::Number(a.num(0)?.floor()))
        }
        "pow" => {
            a.exactly(2)?;
            Ok(Value::Number(a.num(0)?.powf(a.num(1)?)))
        }
        "signum" => {
            a.exactly(1)?;
            let n = a.num(0)?;
            Ok(Value::Number(if n == 0.0 { 0.0 } else { n.signum() }))
        }
        "parseint" => {
            a.exactly(2)?;
            let base = u32::try_from(to_index(&Value::Number(a.num(1)?))?).unwrap_or(0);
            if !(2..=36).contains(&base) {
                return err("`parseint` base must be between 2 and 36");
            }
            match i64::from_str_radix(&a.str(0)?, base) {
                Ok(n) => Ok(Value::Number(n as f64)),
                Err(_) => err("`parseint` could not parse the number"),
            }
        }
        "range" => range(&a),
        // Conversions.
        "tostring" => {
            a.exactly(1)?;
            match a.take(0) {
                Value::Null => Ok(Value::Null),
                v => string(to_string(&v)?),
            }
        }
        "tonumber" => {
            a.exactly(1)?;
            match a.take(0) {
                Value::Null => Ok(Value::Null),
                v => Ok(Value::Number(to_number(&v)?)),
            }
        }
        "tobool" => {
            a.exactly(1)?;
            match a.take(0) {
                Value::Null => Ok(Value::Null),
                v => Ok(Value::Bool(to_bool(&v)?)),
            }
        }
        "tolist" => {
            a.exactly(1)?;
            Ok(Value::List(a.list(0)?))
        }
        "toset" => {
            a.exactly(1)?;
            Ok(Value::List(to_set(a.list(0)?)))
        }
        "tomap" => {
            a.exactly(1)?;
            Ok(Value::Map(a.map(0)?))
        }
        // Collections.
        "length" => {
            a.exactly(1)?;
            match a.take(0) {
                Value::List(l) => Ok(Value::Number(l.len() as f64)),
                Value::Map(m) => Ok(Value::Number(m.len() as f64)),
                Value::String(s) => Ok(Value::Number(s.chars().count() as f64)),
                other => err(format!("`length` of a {}", kind(&other))),
            }
        }
        "merge" => {
            let mut out = IndexMap::new();
            for i in 0..a.args.len() {
                match a.take(i) {
                    Value::Null => {}
                    Value::Map(m) => out.extend(m),
                    other => return err(format!("`merge` of a {}", kind(&other))),
                }
            }
            Ok(Value::Map(out))
        }
        "concat" => {
            let mut out = Vec::new();
            for i in 0..a.args.len() {
                out.extend(a.list(i)?);
            }
            Ok(Value::List(out))
        }
        "element" => {
            a.exactly(2)?;
            let i = to_index(&Value::Number(a.num(1)?))?;
            element(a.args, i)
        }
        "lookup" => {
            a.at_least(2)?;
            let key = a.str(1)?;
            let default = if a.args.len() > 2 {
                Some(a.take(2))
            } else {
                None
            };
            let mut map = a.map(0)?;
            match (map.swap_remove(&key), default) {
                (Some(v), _) => Ok(v),
                (None, Some(d)) => Ok(d),
                (None, None) => err(format!("no key `{key}` in `lookup`")),
            }
        }
        "keys" => {
            a.exactly(1)?;
            Ok(Value::List(
                a.map(0)?.into_keys().map(Value::String).collect(),
            ))
        }
        "values" => {
            a.exactly(1)?;
            Ok(Value::List(a.map(0)?.into_values().collect()))
        }
        "contains" => {
            a.exactly(2)?;
            let needle = a.take(1);
            Ok(Value::Bool(a.list(0)?.iter().any(|v| equal(v, &needle))))
        }
        "index" => {
            a.exactly(2)?;
            let needle = a.take(1);
            match a.list(0)?.iter().position(|v| equal(v, &needle)) {
                Some(i) => Ok(Value::Number(i as f64)),
                None => err("`index` found no such element"),
            }
        }
        "flatten" => {
            a.exactly(1)?;
            let mut out = Vec::new();
            flatten(a.list(0)?, &mut out, 0)?;
            Ok(Value::List(out))
        }
        "distinct" => {
            a.exactly(1)?;
            Ok(Value::List(to_set(a.list(0)?)))
        }
        "compact" => {
            a.exactly(1)?;
            Ok(Value::List(
                a.list(0)?
                    .into_iter()
                    .filter(|v| !matches!(v, Value::Null) && v.as_str() != Some(""))
                    .collect(),
            ))
        }
        "coalesce" => {
            for i in 0..a.args.len() {
                match a.take(i) {
                    Value::Null => {}
                    Value::String(s) if s.is_empty() => {}
                    v => return Ok(v),
                }
            }
            err("`coalesce` found no non-null argument")
        }
        "coalescelist" => {
            for i in 0..a.args.len() {
                match a.take(i) {
                    Value::List(l) if l.is_empty() => {}
                    v @ Value::List(_) => return Ok(v),
                    other => return err(format!("`coalescelist` of a {}", kind(&other))),
                }
            }
            err("`coalescelist` found no non-empty list")
        }
        "zipmap" => {
            a.exactly(2)?;
            let keys = strings(&a.list(0)?)?;
            let values = a.list(1)?;
            if keys.len() != values.len() {
                return err("`zipmap` lists differ in length");
            }
            Ok(Value::Map(keys.into_iter().zip(values).collect()))
        }
        "slice" => {
            a.exactly(3)?;
            let (start, end) = (
                to_index(&Value::Number(a.num(1)?))?,
                to_index(&Value::Number(a.num(2)?))?,
            );
            let list = a.list(0)?;
            match list.get(start..end) {
                Some(part) => Ok(Value::List(part.to_vec())),
                None => err("`slice` range out of bounds"),
            }
        }
        "reverse" => {
            a.exactly(1)?;
            let mut list = a.list(0)?;
            list.reverse();
            Ok(Value::List(list))
        }
        "sort" => {
            a.exactly(1)?;
            let mut s = strings(&a.list(0)?)?;
            s.sort();
            Ok(Value::List(s.into_iter().map(Value::String).collect()))
        }
        "one" => {
            a.exactly(1)?;
            let list = a.list(0)?;
            match list.len() {
                0 => Ok(Value::Null),
                1 => Ok(list.into_iter().next().unwrap_or(Value::Null)),
                _ => err("`one` of a list with several elements"),
            }
        }
        "setunion" => {
            let mut all = Vec::new();
            for i in 0..a.args.len() {
                all.extend(a.list(i)?);
            }
            Ok(Value::List(to_set(all)))
        }
        "setintersection" => {
            a.at_least(1)?;
            let mut acc = to_set(a.list(0)?);
            for i in 1..a.args.len() {
                let other = a.list(i)?;
                acc.retain(|v| other.iter().any(|w| equal(v, w)));
            }
            Ok(Value::List(acc))
        }
        "setsubtract" => {
            a.exactly(2)?;
            let other = a.list(1)?;
            let mut acc = to_set(a.list(0)?);
            acc.retain(|v| !other.iter().any(|w| equal(v, w)));
            Ok(Value::List(acc))
        }
        "alltrue" => {
            a.exactly(1)?;
            let mut all = true;
            for v in a.list(0)? {
                all &= to_bool(&v)?;
            }
            Ok(Value::Bool(all))
        }
        "anytrue" => {
            a.exactly(1)?;
            let mut any = false;
            for v in a.list(0)? {
                any |= to_bool(&v)?;
            }
            Ok(Value::Bool(any))
        }
        "chunklist" => {
            a.exactly(2)?;
            let size = to_index(&Value::Number(a.num(1)?))?;
            let list = a.list(0)?;
            if size == 0 {
                return Ok(Value::List(vec![Value::List(list)]));
            }
            Ok(Value::List(
                list.chunks(size).map(|c| Value::List(c.to_vec())).collect(),
            ))
        }
        "cidrsubnet" => {
            a.exactly(3)?;
            cidrsubnet(&a.str(0)?, a.num(1)?, a.num(2)?)
        }
        _ => {
            let mut refs = Vec::new();
            a.args.iter().for_each(|v| collect_refs(v, &mut refs));
            Ok(unknown_with(refs))
        }
    }
}

/// `element(list, i)`: wraps around the list's length.
fn element(args: &mut [Value], i: usize) -> EvalResult {
    match args.first() {
        Some(Value::List(items)) if !items.is_empty() => {
            Ok(items.get(i % items.len()).cloned().unwrap_or(Value::Null))
        }
        _ => err("`element` of an empty list"),
    }
}

fn title(s: &str) -> String {
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

fn substr(s: &str, offset: f64, length: f64) -> EvalResult {
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

fn replace(s: &str, search: &str, with: &str) -> EvalResult {
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

fn compile(pattern: &str) -> Result<regex::Regex, EvalError> {
    regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| EvalError(format!("invalid regular expression: {e}")))
}

/// `regex` and `regexall`: a string, a list of captures, or a map of named captures.
fn regex_match(pattern: &str, s: &str, all: bool) -> EvalResult {
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

/// `format`: the verbs configurations use (`%s`, `%d`, `%v`, `%q`, `%%`, `%f`, `%t`),
/// with an optional width and precision for numbers.
fn format(f: &str, args: &[Value]) -> EvalResult {
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
                    .unwrap_or(6);
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
            .unwrap_or(0);
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

fn formatlist(a: &mut Args<'_>) -> EvalResult {
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

fn range(a: &Args<'_>) -> EvalResult {
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
fn to_set(items: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for v in items {
        if !out.iter().any(|w| equal(w, &v)) {
            out.push(v);
        }
    }
    out
}

fn flatten(items: Vec<Value>, out: &mut Vec<Value>, depth: u32) -> Result<(), EvalError> {
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

pub(crate) fn to_json(v: &Value) -> serde_json::Value {
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

pub(crate) fn from_json(j: serde_json::Value) -> Value {
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

fn base64_encode(bytes: &[u8]) -> String {
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
fn cidrsubnet(prefix: &str, newbits: f64, netnum: f64) -> EvalResult {
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

fn mask(len: u32) -> u32 {
    if len == 0 { 0 } else { u32::MAX << (32 - len) }
}
