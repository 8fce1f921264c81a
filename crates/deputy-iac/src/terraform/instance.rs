//! Module instances: one directory's configuration evaluated with one set of input
//! variables under one address prefix. Locals, module calls and outputs are evaluated on
//! first use and memoised, so each is computed once per instance whatever the order of
//! references; a reference cycle evaluates to unknown.

use super::eval::{Budget, EmptyScope, Evaluator, Scope, pairs};
use super::files::{BlockRef, ModuleDef, block_span, local_source};
use super::types::convert;
use super::value::{to_number, unknown_of, unknown_with};
use crate::model::{
    BlockKind, Caller, Diagnostic, DiagnosticKind, Framework, Resource, Span, Value,
};
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Body, Structure};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

/// What producing one resource costs in evaluation steps: it bounds how many resources
/// and module instances expansion can produce (the budget allows 250,000 in all; the
/// largest corpus has 2,243 resources).
const RESOURCE_COST: u64 = 80;

/// How deeply module calls may nest. Real configurations stay within a handful of levels.
const MAX_MODULE_DEPTH: usize = 16;

/// Evaluated variable values by name.
type Variables = IndexMap<String, Rc<Value>>;

/// What every instance of one load shares: the module definitions, memoised variable
/// defaults, and the diagnostics.
#[derive(Debug)]
pub(crate) struct Loader<'f> {
    pub defs: &'f BTreeMap<String, ModuleDef<'f>>,
    defaults: RefCell<HashMap<String, Rc<Variables>>>,
    pub diagnostics: RefCell<Vec<Diagnostic>>,
    diagnosed: RefCell<BTreeSet<(DiagnosticKind, String, u32)>>,
    pub budget: Budget,
}

impl<'f> Loader<'f> {
    pub fn new(defs: &'f BTreeMap<String, ModuleDef<'f>>) -> Loader<'f> {
        Loader {
            defs,
            defaults: RefCell::new(HashMap::new()),
            diagnostics: RefCell::new(Vec::new()),
            diagnosed: RefCell::new(BTreeSet::new()),
            budget: Budget::default(),
        }
    }

    /// The evaluated `default` of every variable of a module that has one.
    fn defaults(&self, def: &ModuleDef<'f>) -> Rc<Variables> {
        if let Some(d) = self.defaults.borrow().get(&def.dir) {
            return Rc::clone(d);
        }
        let empty = EmptyScope::default();
        let mut ev = Evaluator::new(&empty);
        let map: Variables = def
            .variables
            .iter()
            .filter_map(|(name, decl)| {
                decl.default.map(|d| {
                    let v = convert(decl.type_expr, ev.value(d));
                    (name.clone(), Rc::new(v))
                })
            })
            .collect();
        let map = Rc::new(map);
        self.defaults
            .borrow_mut()
            .insert(def.dir.clone(), Rc::clone(&map));
        map
    }

    /// Records a diagnostic once per block: a module instantiated many times would
    /// otherwise repeat the same one for every instance.
    fn diagnose(&self, kind: DiagnosticKind, file: &str, span: Span, message: String) {
        if !self
            .diagnosed
            .borrow_mut()
            .insert((kind, file.to_owned(), span.start))
        {
            return;
        }
        self.diagnostics.borrow_mut().push(Diagnostic {
            kind,
            file: file.to_owned(),
            line: Some(span.start),
            column: None,
            message,
        });
    }

    /// The root instance of a module, with values from `.tfvars` files.
    pub fn root(
        &'f self,
        def: &'f ModuleDef<'f>,
        tfvars: &IndexMap<String, Value>,
    ) -> Instance<'f> {
        let defaults = self.defaults(def);
        let vars = def
            .variables
            .iter()
            .map(|(name, decl)| {
                let v = match tfvars.get(name) {
                    Some(v) => Rc::new(convert(decl.type_expr, v.clone())),
                    None => defaults
                        .get(name)
                        .cloned()
                        .unwrap_or_else(|| Rc::new(Value::unknown())),
                };
                (name.clone(), v)
            })
            .collect();
        Instance::new(
            self,
            def,
            String::new(),
            vars,
            None,
            vec![def.dir.clone()],
            &def.dir,
        )
    }
}

enum Slot<T> {
    Pending,
    Done(T),
}

/// The instances a module call produced and the value `module.<name>` has.
#[derive(Clone)]
struct CallResult<'f> {
    instances: Vec<Rc<Instance<'f>>>,
    outputs: Rc<Value>,
}

/// How a block is repeated.
enum Expansion {
    /// No `count` or `for_each`.
    Single,
    Count(usize),
    ForEach(Vec<(String, Value)>),
    /// `count`/`for_each` that evaluates to nothing (zero, empty) or to something unknown:
    /// Checkov keeps one instance under the plain address, and so does Deputy.
    Degenerate {
        empty: Option<Value>,
        unresolved: bool,
    },
}

pub(crate) struct Instance<'f> {
    loader: &'f Loader<'f>,
    def: &'f ModuleDef<'f>,
    prefix: String,
    vars: HashMap<String, Rc<Value>>,
    locals: RefCell<HashMap<String, Slot<Rc<Value>>>>,
    calls: RefCell<HashMap<String, Slot<CallResult<'f>>>>,
    outputs: RefCell<Option<Slot<Rc<Value>>>>,
    caller: Option<Caller>,
    /// The directories from the root instance down to this one, to refuse recursion.
    chain: Vec<String>,
    root_dir: String,
}

impl std::fmt::Debug for Instance<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Instance")
            .field("dir", &self.def.dir)
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl Scope for Instance<'_> {
    /// A variable whose value is null reads as unknown: a root variable left null may be
    /// set when Terraform runs, and Checkov leaves such a reference unrendered, so that an
    /// attribute set from it counts as present but unresolved rather than as unset. An
    /// unknown variable names itself (`var.bucket_name`), so that two resources named by
    /// the same variable can be told to name the same thing.
    fn variable(&self, name: &str) -> Option<Rc<Value>> {
        let v = self.vars.get(name)?;
        match &**v {
            Value::Null => {}
            Value::Unknown(u) if u.refs.is_empty() => {}
            _ => return Some(Rc::clone(v)),
        }
        Some(Rc::new(unknown_with(vec![format!("var.{name}")])))
    }

    fn local(&self, name: &str) -> Option<Rc<Value>> {
        match self.locals.borrow().get(name) {
            Some(Slot::Done(v)) => return Some(Rc::clone(v)),
            Some(Slot::Pending) => return Some(Rc::new(Value::unknown())),
            None => {}
        }
        let expr = self.def.locals.get(name)?;
        self.locals
            .borrow_mut()
            .insert(name.to_owned(), Slot::Pending);
        let v = Rc::new(Evaluator::new(self).value(expr));
        self.locals
            .borrow_mut()
            .insert(name.to_owned(), Slot::Done(Rc::clone(&v)));
        Some(v)
    }

    fn module(&self, name: &str) -> Option<Rc<Value>> {
        self.call(name).map(|c| c.outputs)
    }

    fn prefix(&self) -> &str {
        &self.prefix
    }

    fn budget(&self) -> &Budget {
        &self.loader.budget
    }

    fn path(&self, which: &str) -> Option<Value> {
        let dot = |d: &str| {
            if d.is_empty() {
                ".".to_owned()
            } else {
                d.to_owned()
            }
        };
        match which {
            "module" => Some(Value::String(dot(&self.def.dir))),
            "root" | "cwd" => Some(Value::String(dot(&self.root_dir))),
            _ => None,
        }
    }
}

impl<'f> Instance<'f> {
    fn new(
        loader: &'f Loader<'f>,
        def: &'f ModuleDef<'f>,
        prefix: String,
        vars: HashMap<String, Rc<Value>>,
        caller: Option<Caller>,
        chain: Vec<String>,
        root_dir: &str,
    ) -> Instance<'f> {
        Instance {
            loader,
            def,
            prefix,
            vars,
            locals: RefCell::new(HashMap::new()),
            calls: RefCell::new(HashMap::new()),
            outputs: RefCell::new(None),
            caller,
            chain,
            root_dir: root_dir.to_owned(),
        }
    }

    /// This instance's outputs as an object (`module.<name>` in the caller).
    fn output_values(&self) -> Rc<Value> {
        match &*self.outputs.borrow() {
            Some(Slot::Done(v)) => return Rc::clone(v),
            Some(Slot::Pending) => return Rc::new(Value::unknown()),
            None => {}
        }
        *self.outputs.borrow_mut() = Some(Slot::Pending);
        let mut ev = Evaluator::new(self);
        let map: IndexMap<String, Value> = self
            .def
            .outputs
            .iter()
            .map(|(name, expr)| (name.clone(), ev.value(expr)))
            .collect();
        let v = Rc::new(Value::Map(map));
        *self.outputs.borrow_mut() = Some(Slot::Done(Rc::clone(&v)));
        v
    }

    /// Instantiates the module call `name` (once) and returns its result.
    fn call(&self, name: &str) -> Option<CallResult<'f>> {
        match self.calls.borrow().get(name) {
            Some(Slot::Done(c)) => return Some(c.clone()),
            Some(Slot::Pending) => {
                return Some(CallResult {
                    instances: Vec::new(),
                    outputs: Rc::new(unknown_with(vec![format!("{}module.{name}", self.prefix)])),
                });
            }
            None => {}
        }
        let block = self.def.calls().find(|b| b.name == name)?;
        self.calls
            .borrow_mut()
            .insert(name.to_owned(), Slot::Pending);
        let result = self.instantiate(block);
        self.calls
            .borrow_mut()
            .insert(name.to_owned(), Slot::Done(result.clone()));
        Some(result)
    }

    fn instantiate(&self, call: &BlockRef<'f>) -> CallResult<'f> {
        let name = &call.name;
        let unresolved = || CallResult {
            instances: Vec::new(),
            outputs: Rc::new(unknown_with(vec![format!("{}module.{name}", self.prefix)])),
        };
        let span = block_span(call);
        let source = call
            .block
            .body
            .get_attribute("source")
            .map(|a| Evaluator::new(self).value(&a.value));
        let Some(source) = source.as_ref().and_then(Value::as_str) else {
            return unresolved();
        };
        // Registry and remote sources are not fetched, as Checkov does not fetch them by
        // default; the call itself is still a resource that checks judge.
        let Some(dir) = local_source(&self.def.dir, source) else {
            return unresolved();
        };
        let Some(target) = self.loader.defs.get(&dir) else {
            self.loader.diagnose(
                DiagnosticKind::Unresolved,
                &call.file.path,
                span,
                format!(
                    "module `{name}`: source `{source}` has no Terraform files in the scanned tree"
                ),
            );
            return unresolved();
        };
        if self.chain.contains(&dir) || self.chain.len() >= MAX_MODULE_DEPTH {
            self.loader.diagnose(
                DiagnosticKind::Unresolved,
                &call.file.path,
                span,
                format!("module `{name}`: source `{source}` calls itself or nests too deeply"),
            );
            return unresolved();
        }
        let mut ev = Evaluator::new(self);
        let expansion = expansion(&mut ev, &call.block.body);
        let caller = Caller {
            file: call.file.path.clone(),
            span,
        };
        let mut chain = self.chain.clone();
        chain.push(dir.clone());
        let make = |ev: &mut Evaluator<'_>, key: &str| -> Rc<Instance<'f>> {
            // An instance costs what a resource does, so that expansion of modules is
            // bounded like expansion of resources.
            let _ = self.loader.budget.spend(RESOURCE_COST);
            let vars = self.inputs(ev, call, target);
            Rc::new(Instance::new(
                self.loader,
                target,
                format!("{}module.{name}{key}.", self.prefix),
                vars,
                Some(caller.clone()),
                chain.clone(),
                &self.root_dir,
            ))
        };
        match expansion {
            Expansion::Single => {
                let instance = make(&mut ev, "");
                let outputs = instance.output_values();
                CallResult {
                    instances: vec![instance],
                    outputs,
                }
            }
            Expansion::Degenerate { empty, unresolved } => {
                if unresolved {
                    self.unresolved_expansion(call, span);
                }
                ev.bind("count", Value::unknown());
                ev.bind("each", Value::unknown());
                let instance = make(&mut ev, "");
                let outputs = match empty {
                    Some(v) => Rc::new(v),
                    None => Rc::new(unknown_with(vec![format!("{}module.{name}", self.prefix)])),
                };
                CallResult {
                    instances: vec![instance],
                    outputs,
                }
            }
            Expansion::Count(n) => {
                let mut instances = Vec::with_capacity(n);
                let mut outs = Vec::with_capacity(n);
                for i in 0..n {
                    if self.loader.budget.exhausted() {
                        break;
                    }
                    ev.bind("count", count_value(i));
                    let instance = make(&mut ev, &format!("[{i}]"));
                    ev.unbind();
                    outs.push((*instance.output_values()).clone());
                    instances.push(instance);
                }
                CallResult {
                    instances,
                    outputs: Rc::new(Value::List(outs)),
                }
            }
            Expansion::ForEach(items) => {
                let mut instances = Vec::with_capacity(items.len());
                let mut outs = IndexMap::with_capacity(items.len());
                for (k, v) in items {
                    if self.loader.budget.exhausted() {
                        break;
                    }
                    ev.bind("each", each_value(&k, v));
                    let instance = make(&mut ev, &format!("[\"{k}\"]"));
                    ev.unbind();
                    outs.insert(k, (*instance.output_values()).clone());
                    instances.push(instance);
                }
                CallResult {
                    instances,
                    outputs: Rc::new(Value::Map(outs)),
                }
            }
        }
    }

    fn unresolved_expansion(&self, block: &BlockRef<'_>, span: Span) {
        self.loader.diagnose(
            DiagnosticKind::Unresolved,
            &block.file.path,
            span,
            format!(
                "`count`/`for_each` of `{}` could not be resolved; it is checked as one instance",
                block_address(block)
            ),
        );
    }

    /// The variables of a called module: the call's arguments, else the defaults, else
    /// unknown.
    fn inputs(
        &self,
        ev: &mut Evaluator<'_>,
        call: &BlockRef<'f>,
        target: &'f ModuleDef<'f>,
    ) -> HashMap<String, Rc<Value>> {
        let defaults = self.loader.defaults(target);
        let body = &call.block.body;
        target
            .variables
            .iter()
            .map(|(name, decl)| {
                let v = match body.get_attribute(name) {
                    Some(a) => Rc::new(convert(decl.type_expr, ev.value(&a.value))),
                    None => defaults
                        .get(name)
                        .cloned()
                        .unwrap_or_else(|| Rc::new(Value::unknown())),
                };
                (name.clone(), v)
            })
            .collect()
    }

    /// Evaluates every block of this instance and of the modules it calls.
    pub fn collect(&self, out: &mut Vec<Resource>) {
        for b in &self.def.blocks {
            let span = block_span(b);
            let mut ev = Evaluator::new(self);
            match b.block_kind {
                BlockKind::Provider => {
                    let config = body_value(&mut ev, &b.block.body);
                    let alias = config
                        .get("alias")
                        .and_then(Value::as_str)
                        .unwrap_or("default")
                        .to_owned();
                    out.push(self.resource(
                        b,
                        format!("{}{}.{alias}", self.prefix, b.name),
                        span,
                        config,
                    ));
                }
                BlockKind::Module => {
                    let config = body_value(&mut ev, &b.block.body);
                    out.push(self.resource(b, format!("{}{}", self.prefix, b.name), span, config));
                    if let Some(result) = self.call(&b.name) {
                        for child in &result.instances {
                            child.collect(out);
                        }
                    }
                }
                _ => self.collect_resource(&mut ev, b, span, out),
            }
        }
    }

    fn collect_resource(
        &self,
        ev: &mut Evaluator<'_>,
        b: &BlockRef<'_>,
        span: Span,
        out: &mut Vec<Resource>,
    ) {
        let base = format!("{}{}.{}", self.prefix, b.kind, b.name);
        match expansion(ev, &b.block.body) {
            Expansion::Single => {
                let config = body_value(ev, &b.block.body);
                out.push(self.resource(b, base, span, config));
            }
            Expansion::Degenerate { unresolved, .. } => {
                if unresolved {
                    self.unresolved_expansion(b, span);
                }
                ev.bind("count", Value::unknown());
                ev.bind("each", Value::unknown());
                let config = body_value(ev, &b.block.body);
                out.push(self.resource(b, base, span, config));
            }
            Expansion::Count(n) => {
                for i in 0..n {
                    if self.loader.budget.exhausted() {
                        break;
                    }
                    ev.bind("count", count_value(i));
                    let config = body_value(ev, &b.block.body);
                    ev.unbind();
                    out.push(self.resource(b, format!("{base}[{i}]"), span, config));
                }
            }
            Expansion::ForEach(items) => {
                for (k, v) in items {
                    if self.loader.budget.exhausted() {
                        break;
                    }
                    let address = format!("{base}[\"{k}\"]");
                    ev.bind("each", each_value(&k, v));
                    let config = body_value(ev, &b.block.body);
                    ev.unbind();
                    out.push(self.resource(b, address, span, config));
                }
            }
        }
    }

    /// Builds a resource, charging it to the evaluation budget so that expansion cannot
    /// outgrow the limits by producing resources whose bodies cost nothing to evaluate.
    fn resource(&self, b: &BlockRef<'_>, address: String, span: Span, config: Value) -> Resource {
        let _ = self.loader.budget.spend(RESOURCE_COST);
        Resource {
            framework: Framework::Terraform,
            block: b.block_kind,
            kind: b.kind.clone(),
            address,
            file: b.file.path.clone(),
            span,
            caller: self.caller.clone(),
            config,
        }
    }
}

/// A block's address within its module, as written: `aws_s3_bucket.b`, `module.m`.
fn block_address(block: &BlockRef<'_>) -> String {
    match block.block_kind {
        BlockKind::Module => format!("module.{}", block.name),
        BlockKind::Data => format!("data.{}.{}", block.kind, block.name),
        _ => format!("{}.{}", block.kind, block.name),
    }
}

fn count_value(i: usize) -> Value {
    Value::Map(IndexMap::from([(
        "index".to_owned(),
        Value::Number(i as f64),
    )]))
}

fn each_value(key: &str, value: Value) -> Value {
    Value::Map(IndexMap::from([
        ("key".to_owned(), Value::String(key.to_owned())),
        ("value".to_owned(), value),
    ]))
}

/// Reads `count` or `for_each` the way Checkov expands them: a whole number of
/// instances, or a map or a set of strings keyed by its elements.
fn expansion(ev: &mut Evaluator<'_>, body: &Body) -> Expansion {
    if let Some(a) = body.get_attribute("for_each") {
        return match ev.value(&a.value) {
            Value::Map(m) if m.is_empty() => Expansion::Degenerate {
                empty: Some(Value::Map(IndexMap::new())),
                unresolved: false,
            },
            Value::Map(m) => Expansion::ForEach(m.into_iter().collect()),
            Value::List(items) if items.is_empty() => Expansion::Degenerate {
                empty: Some(Value::Map(IndexMap::new())),
                unresolved: false,
            },
            Value::List(items) => {
                let keys: Option<Vec<String>> = items
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect();
                match keys {
                    Some(keys) => Expansion::ForEach(
                        keys.into_iter()
                            .map(|k| (k.clone(), Value::String(k)))
                            .collect(),
                    ),
                    None => Expansion::Degenerate {
                        empty: None,
                        unresolved: true,
                    },
                }
            }
            _ => Expansion::Degenerate {
                empty: None,
                unresolved: true,
            },
        };
    }
    if let Some(a) = body.get_attribute("count") {
        let v = ev.value(&a.value);
        return match to_number(&v) {
            Ok(n) if n >= 1.0 && n.fract() == 0.0 && n <= 100_000.0 => Expansion::Count(n as usize),
            Ok(0.0) => Expansion::Degenerate {
                empty: Some(Value::List(Vec::new())),
                unresolved: false,
            },
            _ => Expansion::Degenerate {
                empty: None,
                unresolved: true,
            },
        };
    }
    Expansion::Single
}

/// A block body as a map: attributes evaluated, nested blocks as lists of maps under
/// their type, `dynamic` blocks expanded.
pub(crate) fn body_value(ev: &mut Evaluator<'_>, body: &Body) -> Value {
    let mut map: IndexMap<String, Value> = IndexMap::new();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(a) => {
                let v = ev.value(&a.value);
                map.insert(a.key.as_str().to_owned(), v);
            }
            Structure::Block(b) => {
                let ident = b.ident.as_str();
                let dynamic_label = b.labels.first().map(|l| l.as_str().to_owned());
                match (ident, dynamic_label) {
                    ("dynamic", Some(label)) => {
                        let items = dynamic(ev, &b.body, &label);
                        push_blocks(&mut map, &label, items);
                    }
                    _ => {
                        let v = body_value(ev, &b.body);
                        push_blocks(&mut map, ident, vec![v]);
                    }
                }
            }
        }
    }
    Value::Map(map)
}

fn push_blocks(map: &mut IndexMap<String, Value>, key: &str, items: Vec<Value>) {
    match map.get_mut(key) {
        Some(Value::List(list)) => list.extend(items),
        _ => {
            map.insert(key.to_owned(), Value::List(items));
        }
    }
}

/// Expands `dynamic "<label>" { for_each = …; iterator = …; content { … } }`. Over an
/// unknown collection the content is rendered once with the iterator's key and value
/// unknown, as Checkov renders it: what the content sets regardless of the element is
/// judged, and what depends on the element stays unknown.
fn dynamic(ev: &mut Evaluator<'_>, body: &Body, label: &str) -> Vec<Value> {
    let Some(content) = body.get_blocks("content").next() else {
        return Vec::new();
    };
    let iterator = match body.get_attribute("iterator").map(|a| &a.value) {
        Some(Expression::Variable(v)) => v.as_str().to_owned(),
        _ => label.to_owned(),
    };
    let collection = match body.get_attribute("for_each") {
        Some(a) => ev.value(&a.value),
        None => return Vec::new(),
    };
    let items = match &collection {
        Value::Unknown(_) => {
            let unknown = unknown_of([&collection]);
            ev.bind(
                &iterator,
                Value::Map(IndexMap::from([
                    ("key".to_owned(), unknown.clone()),
                    ("value".to_owned(), unknown),
                ])),
            );
            let once = body_value(ev, &content.body);
            ev.unbind();
            return vec![once];
        }
        Value::Null => return Vec::new(),
        other => match pairs(other) {
            Ok(items) => items,
            Err(_) => return vec![Value::unknown()],
        },
    };
    let mut out = Vec::with_capacity(items.len());
    for (k, v) in items {
        ev.bind(
            &iterator,
            Value::Map(IndexMap::from([
                ("key".to_owned(), k),
                ("value".to_owned(), v),
            ])),
        );
        out.push(body_value(ev, &content.body));
        ev.unbind();
    }
    out
}
