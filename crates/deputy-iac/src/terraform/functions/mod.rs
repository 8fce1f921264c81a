//! Terraform's built-in functions, the ones configurations commonly use (the dispatch
//! table here, the longer implementations in `helpers`). A function Deputy does not
//! implement returns an unknown carrying its arguments' references, never a guess.

use super::value::{
    EvalError, EvalResult, collect_refs, equal, err, to_bool, to_index, to_number, to_string,
    unknown_of, unknown_with,
};
use crate::model::Value;
use helpers::{
    base64_encode, cidrsubnet, element, flatten, format, formatlist, from_json, range, regex_match,
    replace, set_key, substr, title, to_json, to_set,
};
use indexmap::IndexMap;
use std::collections::HashSet;

mod helpers;

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
            let pad = " ".repeat(to_index(&Value::Number(a.num(0)?))?.min(helpers::MAX_PAD));
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
            let mut keys: Vec<String> = a.map(0)?.into_keys().collect();
            keys.sort();
            Ok(Value::List(keys.into_iter().map(Value::String).collect()))
        }
        "values" => {
            a.exactly(1)?;
            // In the order of the sorted keys, as Terraform returns them.
            let mut entries: Vec<(String, Value)> = a.map(0)?.into_iter().collect();
            entries.sort_by(|x, y| x.0.cmp(&y.0));
            Ok(Value::List(entries.into_iter().map(|(_, v)| v).collect()))
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
                let other: HashSet<String> = a.list(i)?.iter().filter_map(set_key).collect();
                acc.retain(|v| set_key(v).is_some_and(|k| other.contains(&k)));
            }
            Ok(Value::List(acc))
        }
        "setsubtract" => {
            a.exactly(2)?;
            let other: HashSet<String> = a.list(1)?.iter().filter_map(set_key).collect();
            let mut acc = to_set(a.list(0)?);
            acc.retain(|v| set_key(v).is_none_or(|k| !other.contains(&k)));
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
