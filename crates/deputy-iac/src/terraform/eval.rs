//! The expression evaluator: Terraform semantics over `hcl-edit` expressions.
//!
//! Names resolve through a [`Scope`] (variables, locals, module outputs of one module
//! instance) and through lexical bindings (`for` variables, `count`, `each`, a dynamic
//! block's iterator). A reference to a resource or data source, or to anything the scope
//! cannot resolve, evaluates to [`Value::Unknown`] naming the referenced address, so
//! checks can connect resources without the evaluator ever guessing a value.

use super::functions;
use super::value::{
    EvalError, EvalResult, equal, err, to_bool, to_index, to_number, to_string, type_name,
    unknown_of, unknown_with,
};
use crate::model::Value;
use hcl_edit::expr::{
    BinaryOperator, Expression, ForExpr, ObjectKey, TraversalOperator, UnaryOperator,
};
use hcl_edit::template::{Directive, Element, Strip, Template};
use hcl_edit::{Decorated, Ident};
use indexmap::IndexMap;
use std::cell::Cell;
use std::rc::Rc;

/// How deeply evaluation may nest, counted across locals, module outputs and module
/// inputs (a chain of locals each naming the next nests as deeply as one long
/// expression). Deeper input evaluates to unknown instead of exhausting the stack.
const MAX_DEPTH: u32 = 160;

/// How much work one load may spend evaluating: expression steps plus the sizes of the
/// values copied and built. Real configurations use a small fraction of it (the four
/// terraform-aws-modules repositories need 40–160 thousand steps each); input built to
/// explode (locals that each double the previous one) evaluates to unknown instead of
/// exhausting time or memory.
const MAX_STEPS: u64 = 20_000_000;

/// A value larger than this (in nodes, long strings counting one node per 16 bytes) is
/// not copied: it evaluates to unknown.
const MAX_VALUE_NODES: u64 = 1_000_000;

/// The evaluation budget shared by every evaluator of one load.
#[derive(Debug, Default)]
pub(crate) struct Budget {
    depth: Cell<u32>,
    steps: Cell<u64>,
    /// Set when any limit (depth, value size, total work) stopped an evaluation.
    limited: Cell<bool>,
}

impl Budget {
    /// Whether a limit stopped some evaluation, leaving its value unknown.
    pub(crate) fn limited(&self) -> bool {
        self.limited.get()
    }

    /// Whether the total work limit has been reached.
    pub(crate) fn exhausted(&self) -> bool {
        self.steps.get() > MAX_STEPS
    }

    fn limit<T>(&self, message: &str) -> Result<T, EvalError> {
        self.limited.set(true);
        err(message)
    }

    pub(crate) fn spend(&self, steps: u64) -> Result<(), EvalError> {
        let total = self.steps.get().saturating_add(steps);
        self.steps.set(total);
        if total > MAX_STEPS {
            self.limit("the evaluation budget is exhausted")
        } else {
            Ok(())
        }
    }
}

/// The size of a value in nodes, counting no further than `limit`.
fn size_within(value: &Value, limit: u64) -> u64 {
    let mut total = 0u64;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        total += match v {
            Value::String(s) => 1 + s.len() as u64 / 16,
            Value::List(items) => {
                stack.extend(items.iter());
                1
            }
            Value::Map(m) => {
                stack.extend(m.values());
                1
            }
            _ => 1,
        };
        if total > limit {
            break;
        }
    }
    total
}

/// Copies a value out of a variable, local or binding, charging its size to the budget.
fn copy(budget: &Budget, value: &Value) -> EvalResult {
    let size = size_within(value, MAX_VALUE_NODES);
    if size > MAX_VALUE_NODES {
        return budget.limit("a value too large to evaluate");
    }
    budget.spend(size)?;
    Ok(value.clone())
}

/// What names mean in one module instance.
pub(crate) trait Scope {
    /// `var.<name>`; `None` when the module declares no such variable.
    fn variable(&self, name: &str) -> Option<Rc<Value>>;
    /// `local.<name>`, evaluated on first use.
    fn local(&self, name: &str) -> Option<Rc<Value>>;
    /// `module.<name>`: the call's outputs.
    fn module(&self, name: &str) -> Option<Rc<Value>>;
    /// The address prefix of the instance (`""` or `module.m.`), for references.
    fn prefix(&self) -> &str;
    /// `path.module`, `path.root`, `path.cwd`.
    fn path(&self, which: &str) -> Option<Value>;
    /// The budget of the load the scope belongs to.
    fn budget(&self) -> &Budget;
}

/// A scope that knows nothing: `.tfvars` files and variable defaults are literals.
#[derive(Debug, Default)]
pub(crate) struct EmptyScope(Budget);

impl Scope for EmptyScope {
    fn variable(&self, _: &str) -> Option<Rc<Value>> {
        None
    }
    fn local(&self, _: &str) -> Option<Rc<Value>> {
        None
    }
    fn module(&self, _: &str) -> Option<Rc<Value>> {
        None
    }
    fn prefix(&self) -> &str {
        ""
    }
    fn path(&self, _: &str) -> Option<Value> {
        None
    }
    fn budget(&self) -> &Budget {
        &self.0
    }
}

/// Evaluates expressions in one scope with a stack of lexical bindings.
pub(crate) struct Evaluator<'s> {
    scope: &'s dyn Scope,
    bindings: Vec<(String, Rc<Value>)>,
}

impl std::fmt::Debug for Evaluator<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evaluator")
            .field("bindings", &self.bindings)
            .finish_non_exhaustive()
    }
}

impl<'s> Evaluator<'s> {
    pub(crate) fn new(scope: &'s dyn Scope) -> Evaluator<'s> {
        Evaluator {
            scope,
            bindings: Vec::new(),
        }
    }

    pub(crate) fn bind(&mut self, name: &str, value: Value) {
        self.bindings.push((name.to_owned(), Rc::new(value)));
    }

    pub(crate) fn unbind(&mut self) {
        self.bindings.pop();
    }

    /// Evaluates an expression; a Terraform error becomes an unknown without references.
    pub(crate) fn value(&mut self, expr: &Expression) -> Value {
        self.eval(expr).unwrap_or_else(|_| Value::unknown())
    }

    pub(crate) fn eval(&mut self, expr: &Expression) -> EvalResult {
        let scope = self.scope;
        let budget = scope.budget();
        if budget.depth.get() >= MAX_DEPTH {
            return budget.limit("expressions nest too deeply");
        }
        budget.spend(1)?;
        budget.depth.set(budget.depth.get() + 1);
        let result = self.eval_inner(expr);
        budget.depth.set(budget.depth.get().saturating_sub(1));
        result
    }

    fn eval_inner(&mut self, expr: &Expression) -> EvalResult {
        match expr {
            Expression::Null(_) => Ok(Value::Null),
            Expression::Bool(b) => Ok(Value::Bool(*b.value())),
            Expression::Number(n) => match n.value().as_f64() {
                Some(f) => Ok(Value::Number(f)),
                None => err("a number out of range"),
            },
            Expression::String(s) => Ok(Value::String(s.value().clone())),
            Expression::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items.iter() {
                    out.push(self.eval(item)?);
                }
                Ok(Value::List(out))
            }
            Expression::Object(object) => {
                let mut out = IndexMap::with_capacity(object.len());
                let mut key_unknowns = Vec::new();
                for (key, value) in object.iter() {
                    let key = match key {
                        ObjectKey::Ident(ident) => Value::String(ident.as_str().to_owned()),
                        ObjectKey::Expression(e) => self.object_key(e)?,
                    };
                    let value = self.eval(value.expr())?;
                    if key.is_unknown() {
                        key_unknowns.push(key);
                        key_unknowns.push(value);
                        continue;
                    }
                    out.insert(to_string(&key)?, value);
                }
                if key_unknowns.is_empty() {
                    Ok(Value::Map(out))
                } else {
                    Ok(unknown_of(&key_unknowns))
                }
            }
            Expression::StringTemplate(t) => self.template(t),
            Expression::HeredocTemplate(h) => self.template(&h.template),
            Expression::Parenthesis(p) => self.eval(p.inner()),
            Expression::Variable(v) => self.traversal_root(v, &[]),
            Expression::Traversal(t) => match &t.expr {
                Expression::Variable(v) => self.traversal_root(v, &t.operators),
                other => {
                    let base = Rc::new(self.eval(other)?);
                    self.navigate(&base, &t.operators)
                }
            },
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr)?;
                match cond {
                    Value::Unknown(_) => {
                        let t = self.eval(&c.true_expr);
                        let f = self.eval(&c.false_expr);
                        match (t, f) {
                            (Ok(t), Ok(f)) if equal(&t, &f) && !t.contains_unknown() => Ok(t),
                            (Ok(t), Ok(f)) => Ok(unknown_of([&cond, &t, &f])),
                            _ => Ok(unknown_of([&cond])),
                        }
                    }
                    other => {
                        if to_bool(&other)? {
                            self.eval(&c.true_expr)
                        } else {
                            self.eval(&c.false_expr)
                        }
                    }
                }
            }
            Expression::FuncCall(call) => {
                if !call.name.namespace.is_empty() {
                    // Provider-defined functions (`provider::aws::arn_parse`) are not
                    // evaluated.
                    let args = self.args(call.args.iter())?;
                    return Ok(unknown_of(&args));
                }
                let name = call.name.name.as_str();
                match name {
                    "try" => self.call_try(call.args.iter()),
                    "can" => self.call_can(call.args.iter()),
                    _ => {
                        let mut args = self.args(call.args.iter())?;
                        if call.args.expand_final() {
                            match args.pop() {
                                Some(Value::List(rest)) => args.extend(rest),
                                Some(u @ Value::Unknown(_)) => return Ok(unknown_of([&u])),
                                Some(_) => return err("`...` expands only a list"),
                                None => {}
                            }
                        }
                        let result = functions::call(name, args)?;
                        self.scope.budget().spend(top_len(&result))?;
                        Ok(result)
                    }
                }
            }
            Expression::UnaryOp(op) => {
                let v = self.eval(&op.expr)?;
                if v.is_unknown() {
                    return Ok(v);
                }
                match op.operator.value() {
                    UnaryOperator::Neg => Ok(Value::Number(-to_number(&v)?)),
                    UnaryOperator::Not => Ok(Value::Bool(!to_bool(&v)?)),
                }
            }
            Expression::BinaryOp(op) => {
                let lhs = self.eval(&op.lhs_expr)?;
                let operator = *op.operator.value();
                // `false && x` and `true || x` are decided by the left operand alone,
                // which keeps count expressions such as `var.create && length(x) > 0`
                // known even when `x` is not.
                match (operator, &lhs) {
                    (BinaryOperator::And, Value::Bool(false)) => return Ok(Value::Bool(false)),
                    (BinaryOperator::Or, Value::Bool(true)) => return Ok(Value::Bool(true)),
                    _ => {}
                }
                let rhs = self.eval(&op.rhs_expr)?;
                binary(operator, &lhs, &rhs)
            }
            Expression::ForExpr(f) => self.for_expr(f),
        }
    }

    /// An object key: a bare name is a literal string even where a `for` binds the same
    /// name (HCL's rule); any other expression, such as `(local.k)`, is evaluated.
    fn object_key(&mut self, e: &Expression) -> EvalResult {
        match e {
            Expression::Variable(v) => Ok(Value::String(v.as_str().to_owned())),
            other => self.eval(other),
        }
    }

    fn args<'e>(
        &mut self,
        args: impl Iterator<Item = &'e Expression>,
    ) -> Result<Vec<Value>, EvalError> {
        let mut out = Vec::new();
        for a in args {
            out.push(self.eval(a)?);
        }
        Ok(out)
    }

    /// `try(a, b, …)`: the first argument that evaluates without error. An unknown
    /// argument stops the search: whether it would fail is not known.
    fn call_try<'e>(&mut self, args: impl Iterator<Item = &'e Expression>) -> EvalResult {
        let mut last = None;
        for a in args {
            match self.eval(a) {
                Ok(v) => return Ok(v),
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| EvalError("`try` needs at least one argument".into())))
    }

    fn call_can<'e>(&mut self, mut args: impl Iterator<Item = &'e Expression>) -> EvalResult {
        let Some(a) = args.next() else {
            return err("`can` needs one argument");
        };
        match self.eval(a) {
            Ok(v) if v.is_unknown() => Ok(v),
            Ok(_) => Ok(Value::Bool(true)),
            Err(_) => Ok(Value::Bool(false)),
        }
    }

    fn traversal_root(
        &mut self,
        root: &Decorated<Ident>,
        ops: &[Decorated<TraversalOperator>],
    ) -> EvalResult {
        let name = root.as_str();
        if let Some(bound) = self
            .bindings
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| Rc::clone(v))
        {
            return self.navigate(&bound, ops);
        }
        let attr = |i: usize| -> Option<&str> {
            match ops.get(i).map(|o| o.value()) {
                Some(TraversalOperator::GetAttr(a)) => Some(a.as_str()),
                _ => None,
            }
        };
        let scope = self.scope;
        match name {
            "var" | "local" | "module" => {
                let Some(item) = attr(0) else {
                    return err(format!("`{name}` needs an attribute"));
                };
                let found = match name {
                    "var" => scope.variable(item),
                    "local" => scope.local(item),
                    _ => scope.module(item),
                };
                match found {
                    Some(v) => self.navigate(&v, ops.get(1..).unwrap_or_default()),
                    None if name == "module" => Ok(unknown_with(vec![format!(
                        "{}module.{item}",
                        scope.prefix()
                    )])),
                    None => Ok(Value::unknown()),
                }
            }
            "path" => match attr(0).and_then(|a| scope.path(a)) {
                Some(v) => self.navigate(&Rc::new(v), ops.get(1..).unwrap_or_default()),
                None => Ok(Value::unknown()),
            },
            "terraform" => match attr(0) {
                Some("workspace") => Ok(Value::String("default".into())),
                _ => Ok(Value::unknown()),
            },
            // Outside a counted or iterated block, and for `self` in provisioners, these
            // are not known statically.
            "count" | "each" | "self" => Ok(Value::unknown()),
            // Terraform rejects a capitalised `True`; Checkov's parser reads it as a
            // boolean, and configurations written for it exist, so do the same.
            "True" if ops.is_empty() => Ok(Value::Bool(true)),
            "False" if ops.is_empty() => Ok(Value::Bool(false)),
            "data" => match (attr(0), attr(1)) {
                (Some(kind), Some(data_name)) => Ok(unknown_with(vec![format!(
                    "{}{kind}.{data_name}",
                    scope.prefix()
                )])),
                _ => Ok(Value::unknown()),
            },
            _ => match attr(0) {
                Some(resource_name) => Ok(unknown_with(vec![format!(
                    "{}{name}.{resource_name}",
                    scope.prefix()
                )])),
                None => err(format!("unknown name `{name}`")),
            },
        }
    }

    /// Applies attribute accesses, indexes and splats to a value without copying the
    /// parts it passes through.
    fn navigate(&mut self, value: &Value, ops: &[Decorated<TraversalOperator>]) -> EvalResult {
        let Some((first, rest)) = ops.split_first() else {
            return copy(self.scope.budget(), value);
        };
        if value.is_unknown() {
            // Index expressions may carry references of their own.
            let mut extra = vec![value.clone()];
            for op in ops {
                if let TraversalOperator::Index(e) = op.value() {
                    extra.push(self.eval(e)?);
                }
            }
            return Ok(unknown_of(&extra));
        }
        match first.value() {
            TraversalOperator::GetAttr(attr) => match value {
                Value::Map(m) => match m.get(attr.as_str()) {
                    Some(v) => self.navigate(v, rest),
                    None => err(format!("no attribute `{}`", attr.as_str())),
                },
                other => err(format!(
                    "cannot read attribute `{}` of a {}",
                    attr.as_str(),
                    type_name(other)
                )),
            },
            TraversalOperator::LegacyIndex(i) => {
                let index = usize::try_from(*i.value()).unwrap_or(usize::MAX);
                self.index_list(value, index, rest)
            }
            TraversalOperator::Index(e) => {
                let key = self.eval(e)?;
                if key.is_unknown() {
                    return Ok(unknown_of([&key]));
                }
                match value {
                    Value::List(_) => self.index_list(value, to_index(&key)?, rest),
                    Value::Map(m) => {
                        let key = to_string(&key)?;
                        match m.get(&key) {
                            Some(v) => self.navigate(v, rest),
                            None => err(format!("no element `{key}`")),
                        }
                    }
                    other => err(format!("cannot index a {}", type_name(other))),
                }
            }
            TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => match value {
                Value::Null => Ok(Value::List(Vec::new())),
                Value::List(items) => {
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        out.push(self.navigate(item, rest)?);
                    }
                    Ok(Value::List(out))
                }
                other => Ok(Value::List(vec![self.navigate(other, rest)?])),
            },
        }
    }

    fn index_list(
        &mut self,
        value: &Value,
        index: usize,
        rest: &[Decorated<TraversalOperator>],
    ) -> EvalResult {
        match value {
            Value::List(items) => match items.get(index) {
                Some(v) => self.navigate(v, rest),
                None => err(format!("index {index} out of range")),
            },
            other => err(format!("cannot index a {}", type_name(other))),
        }
    }

    fn template(&mut self, template: &Template) -> EvalResult {
        // A template that is one interpolation and nothing else (`"${var.list}"`, common in
        // Terraform 0.11 code) yields the value itself, not its string form.
        let mut elements = template.iter();
        if let (Some(Element::Interpolation(only)), None) = (elements.next(), elements.next()) {
            return self.eval(&only.expr);
        }
        let mut out = String::new();
        let mut unknowns = Vec::new();
        let mut strip_next = false;
        self.template_into(template, &mut out, &mut unknowns, &mut strip_next)?;
        if unknowns.is_empty() {
            Ok(Value::String(out))
        } else {
            Ok(unknown_of(&unknowns))
        }
    }

    fn template_into(
        &mut self,
        template: &Template,
        out: &mut String,
        unknowns: &mut Vec<Value>,
        strip_next: &mut bool,
    ) -> Result<(), EvalError> {
        for element in template.iter() {
            match element {
                Element::Literal(s) => {
                    let text = s.value().as_str();
                    if std::mem::take(strip_next) {
                        out.push_str(text.trim_start());
                    } else {
                        out.push_str(text);
                    }
                }
                Element::Interpolation(i) => {
                    apply_strip(i.strip, out, strip_next);
                    let v = self.eval(&i.expr)?;
                    if v.is_unknown() {
                        unknowns.push(v);
                    } else {
                        out.push_str(&to_string(&v)?);
                    }
                }
                Element::Directive(d) => match d.as_ref() {
                    Directive::If(d) => {
                        apply_strip(d.if_expr.strip, out, strip_next);
                        let cond = self.eval(&d.if_expr.cond_expr)?;
                        if cond.is_unknown() {
                            unknowns.push(cond);
                            continue;
                        }
                        if to_bool(&cond)? {
                            self.template_into(&d.if_expr.template, out, unknowns, strip_next)?;
                        } else if let Some(e) = &d.else_expr {
                            apply_strip(e.strip, out, strip_next);
                            self.template_into(&e.template, out, unknowns, strip_next)?;
                        }
                        apply_strip(d.endif_expr.strip, out, strip_next);
                    }
                    Directive::For(d) => {
                        let f = &d.for_expr;
                        apply_strip(f.strip, out, strip_next);
                        let collection = self.eval(&f.collection_expr)?;
                        if collection.is_unknown() {
                            unknowns.push(collection);
                            continue;
                        }
                        for (k, v) in pairs(&collection)? {
                            let key_var = f.key_var.as_ref().map(|k| k.as_str());
                            if let Some(name) = key_var {
                                self.bind(name, k);
                            }
                            self.bind(f.value_var.as_str(), v);
                            let r = self.template_into(&f.template, out, unknowns, strip_next);
                            self.unbind();
                            if key_var.is_some() {
                                self.unbind();
                            }
                            r?;
                        }
                        apply_strip(d.endfor_expr.strip, out, strip_next);
                    }
                },
            }
        }
        Ok(())
    }

    fn for_expr(&mut self, f: &ForExpr) -> EvalResult {
        let collection = self.eval(&f.intro.collection_expr)?;
        if collection.is_unknown() {
            return Ok(unknown_of([&collection]));
        }
        let key_var = f.intro.key_var.as_ref().map(|k| k.as_str().to_owned());
        let value_var = f.intro.value_var.as_str().to_owned();
        let mut list = Vec::new();
        let mut map: IndexMap<String, Value> = IndexMap::new();
        let mut unknowns = Vec::new();
        for (k, v) in pairs(&collection)? {
            if let Some(name) = &key_var {
                self.bind(name, k);
            }
            self.bind(&value_var, v);
            let step = self.for_step(f, &mut list, &mut map, &mut unknowns);
            self.unbind();
            if key_var.is_some() {
                self.unbind();
            }
            step?;
        }
        if !unknowns.is_empty() {
            return Ok(unknown_of(&unknowns));
        }
        if f.key_expr.is_some() {
            Ok(Value::Map(map))
        } else {
            Ok(Value::List(list))
        }
    }

    fn for_step(
        &mut self,
        f: &ForExpr,
        list: &mut Vec<Value>,
        map: &mut IndexMap<String, Value>,
        unknowns: &mut Vec<Value>,
    ) -> Result<(), EvalError> {
        if let Some(cond) = &f.cond {
            let c = self.eval(&cond.expr)?;
            if c.is_unknown() {
                unknowns.push(c);
                return Ok(());
            }
            if !to_bool(&c)? {
                return Ok(());
            }
        }
        let value = self.eval(&f.value_expr)?;
        match &f.key_expr {
            None => list.push(value),
            Some(key_expr) => {
                let key = self.eval(key_expr)?;
                if key.is_unknown() {
                    unknowns.push(key);
                    return Ok(());
                }
                let key = to_string(&key)?;
                if f.grouping {
                    match map.entry(key).or_insert_with(|| Value::List(Vec::new())) {
                        Value::List(group) => group.push(value),
                        _ => return err("a grouped key met a non-grouped value"),
                    }
                } else if map.contains_key(&key) {
                    return err(format!("duplicate key `{key}` in a for expression"));
                } else {
                    map.insert(key, value);
                }
            }
        }
        Ok(())
    }
}

/// The length of a collection or string, which a function produced and so was paid for.
fn top_len(value: &Value) -> u64 {
    match value {
        Value::String(s) => s.len() as u64 / 16,
        Value::List(items) => items.len() as u64,
        Value::Map(m) => m.len() as u64,
        _ => 0,
    }
}

fn apply_strip(strip: Strip, out: &mut String, strip_next: &mut bool) {
    if matches!(strip, Strip::Start | Strip::Both) {
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
    }
    *strip_next = matches!(strip, Strip::End | Strip::Both);
}

/// The (key, value) pairs a `for` iterates: list index and element, or map key and value.
pub(crate) fn pairs(collection: &Value) -> Result<Vec<(Value, Value)>, EvalError> {
    match collection {
        Value::List(items) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, v)| (Value::Number(i as f64), v.clone()))
            .collect()),
        // Terraform iterates maps in lexical order of their keys.
        Value::Map(m) => {
            let mut items: Vec<(&String, &Value)> = m.iter().collect();
            items.sort_by(|a, b| a.0.cmp(b.0));
            Ok(items
                .into_iter()
                .map(|(k, v)| (Value::String(k.clone()), v.clone()))
                .collect())
        }
        other => err(format!("cannot iterate over a {}", type_name(other))),
    }
}

fn binary(op: BinaryOperator, lhs: &Value, rhs: &Value) -> EvalResult {
    if lhs.is_unknown() || rhs.is_unknown() {
        // `x && false` is false whatever `x` is, and `x || true` is true.
        match (op, rhs) {
            (BinaryOperator::And, Value::Bool(false)) => return Ok(Value::Bool(false)),
            (BinaryOperator::Or, Value::Bool(true)) => return Ok(Value::Bool(true)),
            _ => {}
        }
        return Ok(unknown_of([lhs, rhs]));
    }
    Ok(match op {
        BinaryOperator::Eq => Value::Bool(equal(lhs, rhs)),
        BinaryOperator::NotEq => Value::Bool(!equal(lhs, rhs)),
        BinaryOperator::And => Value::Bool(to_bool(lhs)? && to_bool(rhs)?),
        BinaryOperator::Or => Value::Bool(to_bool(lhs)? || to_bool(rhs)?),
        BinaryOperator::Less => Value::Bool(to_number(lhs)? < to_number(rhs)?),
        BinaryOperator::LessEq => Value::Bool(to_number(lhs)? <= to_number(rhs)?),
        BinaryOperator::Greater => Value::Bool(to_number(lhs)? > to_number(rhs)?),
        BinaryOperator::GreaterEq => Value::Bool(to_number(lhs)? >= to_number(rhs)?),
        BinaryOperator::Plus => Value::Number(to_number(lhs)? + to_number(rhs)?),
        BinaryOperator::Minus => Value::Number(to_number(lhs)? - to_number(rhs)?),
        BinaryOperator::Mul => Value::Number(to_number(lhs)? * to_number(rhs)?),
        BinaryOperator::Div => {
            let d = to_number(rhs)?;
            if d == 0.0 {
                return err("division by zero");
            }
            Value::Number(to_number(lhs)? / d)
        }
        BinaryOperator::Mod => {
            let d = to_number(rhs)?;
            if d == 0.0 {
                return err("modulo by zero");
            }
            Value::Number(to_number(lhs)? % d)
        }
    })
}
