//! OpenFGA's semantic rules for a model, with OpenFGA's `errorType`s. Structural errors
//! (names, duplicates, undefined types, relations and conditions, tupleset rules) come
//! first; entry points and loops are checked only on a model free of them, as OpenFGA does.

use std::collections::{BTreeSet, HashSet};

use super::lexer::is_ident_char;
use super::parser::{SourceMap, Span};
use super::{Diagnostic, Range};
use crate::model::{AuthorizationModel, RelationReference, Userset};

/// OpenFGA's naming rules for types and relations.
const TYPE_RULE: &str = r"^[^:#@\*\s]{1,254}$";
const RELATION_RULE: &str = r"^[^:#@\*\s]{1,50}$";

/// Whether an object id is one OpenFGA accepts: letters, digits and `_ | * @ . + / -`,
/// not starting with `*`, and not empty.
pub fn valid_object_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('*')
        && id.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, '_' | '|' | '*' | '@' | '.' | '+' | '/' | '-')
        })
}

/// Applies OpenFGA's semantic rules to a model (from JSON: diagnostics carry no positions).
pub fn validate(model: &AuthorizationModel) -> Vec<Diagnostic> {
    validate_source(model, None)
}

/// Where a diagnostic points in the DSL.
enum Anchor<'m> {
    Nowhere,
    Schema,
    /// The nth definition of a type.
    Type(&'m str, usize),
    /// The nth definition of a relation's name.
    Relation(&'m str, &'m str, usize),
    /// Text inside a relation's definition; `after` is the word before it (`from`, `with`);
    /// `last` picks the last occurrence.
    Symbol {
        type_name: &'m str,
        relation: &'m str,
        symbol: String,
        after: Option<&'static str>,
        last: bool,
    },
    Condition(&'m str),
}

struct Finding<'m> {
    message: String,
    error_type: &'static str,
    symbol: String,
    anchor: Anchor<'m>,
}

pub(crate) fn validate_source(
    model: &AuthorizationModel,
    source: Option<&SourceMap>,
) -> Vec<Diagnostic> {
    let mut out = source.map(duplicates).unwrap_or_default();
    let mut findings = Vec::new();
    let version = model.schema_version.as_str();
    if version.is_empty() {
        findings.push(Finding {
            message: "schema version required".to_owned(),
            error_type: "schema-version-required",
            symbol: String::new(),
            anchor: Anchor::Nowhere,
        });
    } else if version != "1.1" && version != "1.2" {
        // 1.2 is the schema of modular models.
        findings.push(Finding {
            message: format!("invalid schema {version}"),
            error_type: "invalid-schema",
            symbol: version.to_owned(),
            anchor: Anchor::Schema,
        });
    }
    if findings.is_empty() {
        structure(model, &mut findings);
        if findings.is_empty() && out.is_empty() {
            entry_points(model, &mut findings);
        }
    }
    modules_per_file(model, &mut findings);
    out.extend(findings.into_iter().map(|f| locate(f, source)));
    out
}

/// A modular model's files must each hold one module, or the model cannot be written back
/// as module files.
fn modules_per_file<'m>(model: &'m AuthorizationModel, findings: &mut Vec<Finding<'m>>) {
    let mut files: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut note = |file: Option<&'m str>, module: Option<&'m str>| {
        let (Some(file), Some(module)) = (file, module) else {
            return;
        };
        match files.iter_mut().find(|(f, _)| *f == file) {
            Some((_, modules)) if !modules.contains(&module) => modules.push(module),
            Some(_) => {}
            None => files.push((file, vec![module])),
        }
    };
    // OpenFGA collects types first, then relations, then conditions.
    for ty in &model.type_definitions {
        let meta = ty.metadata.as_ref();
        note(
            meta.and_then(|m| m.source_info.as_ref())
                .map(|s| s.file.as_str()),
            meta.and_then(|m| m.module.as_deref()),
        );
    }
    for ty in &model.type_definitions {
        let Some(meta) = ty.metadata.as_ref() else {
            continue;
        };
        let type_file = meta.source_info.as_ref().map(|s| s.file.as_str());
        for relation in meta.relations.values() {
            let file = relation.source_info.as_ref().map(|s| s.file.as_str());
            note(
                file.or(type_file),
                relation.module.as_deref().or(meta.module.as_deref()),
            );
        }
    }
    for condition in model.conditions.values() {
        let meta = condition.metadata.as_ref();
        note(
            meta.and_then(|m| m.source_info.as_ref())
                .map(|s| s.file.as_str()),
            meta.and_then(|m| m.module.as_deref()),
        );
    }
    for (file, modules) in files {
        if modules.len() > 1 {
            findings.push(Finding {
                message: format!(
                    "file {file} would contain multiple module definitions ({}) when transforming to DSL. Only one module can be defined per file.",
                    modules.join(", ")
                ),
                error_type: "multiple-modules-in-file",
                symbol: file.to_owned(),
                anchor: Anchor::Nowhere,
            });
        }
    }
}

/// Duplicated relations, conditions and parameters, which the JSON form cannot hold.
pub(crate) fn duplicates(source: &SourceMap) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ty in &source.types {
        let mut seen = HashSet::new();
        for relation in &ty.relations {
            if !seen.insert(relation.name.as_str()) {
                out.push(at(
                    relation.span,
                    format!("'{}' is already defined in '{}'", relation.name, ty.name),
                    "duplicated-error",
                    &relation.name,
                ));
            }
        }
    }
    let mut seen = HashSet::new();
    for condition in &source.conditions {
        if !seen.insert(condition.name.as_str()) {
            out.push(at(
                condition.span,
                format!(
                    "condition '{}' is already defined in the model",
                    condition.name
                ),
                "duplicated-error",
                &condition.name,
            ));
        }
        let mut params = HashSet::new();
        for (param, span) in &condition.parameters {
            if !params.insert(param.as_str()) {
                out.push(at(
                    *span,
                    format!(
                        "parameter '{param}' is already defined in the condition '{}'",
                        condition.name
                    ),
                    "duplicated-error",
                    param,
                ));
            }
        }
    }
    out
}

fn at(span: Span, message: String, error_type: &str, symbol: &str) -> Diagnostic {
    Diagnostic {
        message,
        line: Range {
            start: span.line,
            end: span.line,
        },
        column: Range {
            start: span.start,
            end: span.end,
        },
        error_type: Some(error_type.to_owned()),
        symbol: Some(symbol.to_owned()),
        file: None,
    }
}

fn restriction_text(reference: &RelationReference) -> String {
    let mut text = reference.type_name.clone();
    if reference.wildcard.is_some() {
        text.push_str(":*");
    } else if let Some(relation) = &reference.relation {
        text.push('#');
        text.push_str(relation);
    }
    text
}

fn valid_name(name: &str, max: usize) -> bool {
    let count = name.chars().count();
    (1..=max).contains(&count)
        && !name
            .chars()
            .any(|c| matches!(c, ':' | '#' | '@' | '*') || c.is_whitespace())
}

fn structure<'m>(model: &'m AuthorizationModel, findings: &mut Vec<Finding<'m>>) {
    let mut seen_types: Vec<&str> = Vec::new();
    for ty in &model.type_definitions {
        let name = ty.type_name.as_str();
        let nth = seen_types.iter().filter(|t| **t == name).count();
        if nth > 0 {
            findings.push(Finding {
                message: format!("the type `{name}` is a duplicate."),
                error_type: "duplicated-error",
                symbol: name.to_owned(),
                // OpenFGA points at the first definition.
                anchor: Anchor::Type(name, 0),
            });
            // A repeated definition's relations would be checked against the first one.
            continue;
        }
        seen_types.push(name);
        if name == "self" || name == "this" {
            findings.push(Finding {
                message: "a type cannot be named 'self' or 'this'.".to_owned(),
                error_type: "reserved-type-keywords",
                symbol: name.to_owned(),
                anchor: Anchor::Type(name, nth),
            });
        } else if !valid_name(name, 254) {
            findings.push(Finding {
                message: format!("type '{name}' does not match naming rule: '{TYPE_RULE}'."),
                error_type: "invalid-name",
                symbol: name.to_owned(),
                anchor: Anchor::Type(name, nth),
            });
        }
        for (relation, rewrite) in &ty.relations {
            if relation == "self" || relation == "this" {
                findings.push(Finding {
                    message: "a relation cannot be named 'self' or 'this'.".to_owned(),
                    error_type: "reserved-relation-keywords",
                    symbol: relation.clone(),
                    anchor: Anchor::Relation(name, relation, 0),
                });
            } else if !valid_name(relation, 50) {
                findings.push(Finding {
                    message: format!(
                        "relation '{relation}' of type '{name}' does not match naming rule: '{RELATION_RULE}'."
                    ),
                    error_type: "invalid-name",
                    symbol: relation.clone(),
                    anchor: Anchor::Relation(name, relation, 0),
                });
            }
            restrictions(model, name, relation, findings);
            rewrite_rules(model, name, relation, rewrite, findings);
        }
    }
    let used: HashSet<&str> = model
        .type_definitions
        .iter()
        .filter_map(|t| t.metadata.as_ref())
        .flat_map(|m| m.relations.values())
        .flat_map(|r| r.directly_related_user_types.iter())
        .map(|r| r.condition.as_str())
        .collect();
    for (key, condition) in &model.conditions {
        if *key != condition.name {
            findings.push(Finding {
                message: format!(
                    "condition key is `{key}` but nested name property is {}",
                    condition.name
                ),
                error_type: "different-nested-condition-name",
                symbol: key.clone(),
                anchor: Anchor::Condition(key),
            });
        }
        if !used.contains(key.as_str()) {
            findings.push(Finding {
                message: format!("`{key}` condition is not used in the model."),
                error_type: "condition-not-used",
                symbol: key.clone(),
                anchor: Anchor::Condition(key),
            });
        }
    }
}

fn symbol<'m>(
    type_name: &'m str,
    relation: &'m str,
    symbol: String,
    after: Option<&'static str>,
    last: bool,
) -> Anchor<'m> {
    Anchor::Symbol {
        type_name,
        relation,
        symbol,
        after,
        last,
    }
}

/// Type restrictions: existing types and relations, defined conditions, no duplicates.
fn restrictions<'m>(
    model: &'m AuthorizationModel,
    ty: &'m str,
    relation: &'m str,
    findings: &mut Vec<Finding<'m>>,
) {
    let mut seen = HashSet::new();
    for reference in model.directly_related(ty, relation) {
        let text = restriction_text(reference);
        let key = (text.clone(), reference.condition.clone());
        if !seen.insert(key) {
            findings.push(Finding {
                message: format!(
                    "the type restriction `{text}` is a duplicate in the relation `{relation}`."
                ),
                error_type: "duplicated-error",
                symbol: text.clone(),
                anchor: symbol(ty, relation, text.clone(), None, true),
            });
        }
        match model.type_definition(&reference.type_name) {
            None => findings.push(Finding {
                message: format!("`{}` is not a valid type.", reference.type_name),
                error_type: "invalid-type",
                symbol: reference.type_name.clone(),
                anchor: symbol(ty, relation, reference.type_name.clone(), None, false),
            }),
            Some(target) => {
                if let Some(target_relation) = &reference.relation
                    && !target.relations.contains_key(target_relation)
                {
                    findings.push(Finding {
                        message: format!(
                            "`{target_relation}` is not a valid relation for `{}`.",
                            reference.type_name
                        ),
                        error_type: "invalid-relation-type",
                        symbol: text.clone(),
                        anchor: symbol(ty, relation, text.clone(), None, false),
                    });
                }
            }
        }
        if !reference.condition.is_empty() && !model.conditions.contains_key(&reference.condition) {
            findings.push(Finding {
                message: format!(
                    "`{}` is not a defined condition in the model.",
                    reference.condition
                ),
                error_type: "condition-not-defined",
                symbol: reference.condition.clone(),
                anchor: symbol(
                    ty,
                    relation,
                    reference.condition.clone(),
                    Some("with"),
                    false,
                ),
            });
        }
    }
}

/// The text of an operand, for duplicate detection.
fn operand_text(rewrite: &Userset) -> Option<String> {
    match rewrite {
        Userset::ComputedUserset(c) => Some(c.relation.clone()),
        Userset::TupleToUserset(t) => Some(format!(
            "{} from {}",
            t.computed_userset.relation, t.tupleset.relation
        )),
        _ => None,
    }
}

fn rewrite_rules<'m>(
    model: &'m AuthorizationModel,
    ty: &'m str,
    relation: &'m str,
    rewrite: &'m Userset,
    findings: &mut Vec<Finding<'m>>,
) {
    let Some(definition) = model.type_definition(ty) else {
        return;
    };
    let children: Vec<&Userset> = match rewrite {
        Userset::This(_) => return,
        Userset::ComputedUserset(computed) => {
            if !definition.relations.contains_key(&computed.relation) {
                findings.push(Finding {
                    message: format!("the relation `{}` does not exist.", computed.relation),
                    error_type: "missing-definition",
                    symbol: computed.relation.clone(),
                    anchor: symbol(ty, relation, computed.relation.clone(), None, false),
                });
            }
            return;
        }
        Userset::TupleToUserset(ttu) => {
            let tupleset = ttu.tupleset.relation.as_str();
            let computed = ttu.computed_userset.relation.as_str();
            let whole = format!("{computed} from {tupleset}");
            let Some(tupleset_rewrite) = definition.relations.get(tupleset) else {
                findings.push(Finding {
                    message: format!("`{tupleset}` is not a valid relation for `{ty}`."),
                    error_type: "invalid-relation-type",
                    symbol: whole.clone(),
                    anchor: symbol(ty, relation, whole, None, false),
                });
                return;
            };
            let directs = model.directly_related(ty, tupleset);
            let direct_only = matches!(tupleset_rewrite, Userset::This(_))
                && directs
                    .iter()
                    .all(|r| r.relation.is_none() && r.wildcard.is_none());
            if !direct_only {
                findings.push(Finding {
                    message: format!(
                        "`{tupleset}` relation used inside from allows only direct relation."
                    ),
                    error_type: "tupleuserset-not-direct",
                    symbol: tupleset.to_owned(),
                    anchor: symbol(ty, relation, tupleset.to_owned(), Some("from"), false),
                });
                return;
            }
            let mut targets: Vec<&str> = Vec::new();
            for reference in directs {
                if !targets.contains(&reference.type_name.as_str()) {
                    targets.push(&reference.type_name);
                }
            }
            let found = targets
                .iter()
                .any(|t| model.relation(t, computed).is_some());
            if !found {
                for target in targets {
                    findings.push(Finding {
                        message: format!(
                            "the `{computed}` relation definition on type `{ty}` is not valid: `{computed}` does not exist on `{tupleset}`, which is of type `{target}`."
                        ),
                        error_type: "invalid-relation-on-tupleset",
                        symbol: whole.clone(),
                        anchor: symbol(ty, relation, whole.clone(), None, false),
                    });
                }
            }
            return;
        }
        Userset::Union(set) | Userset::Intersection(set) => set.child.iter().collect(),
        Userset::Difference(difference) => vec![&*difference.base, &*difference.subtract],
    };
    let mut seen = HashSet::new();
    for child in children {
        if let Some(text) = operand_text(child)
            && !seen.insert(text.clone())
        {
            findings.push(Finding {
                message: format!("the partial relation definition `{text}` is a duplicate in the relation `{relation}`."),
                error_type: "duplicated-error",
                symbol: text.clone(),
                anchor: symbol(ty, relation, text, None, true),
            });
        }
        rewrite_rules(model, ty, relation, child, findings);
    }
}

/// OpenFGA's entry-point rule: every relation must be satisfiable by some direct tuple.
fn entry_points<'m>(model: &'m AuthorizationModel, findings: &mut Vec<Finding<'m>>) {
    for ty in &model.type_definitions {
        for (relation, rewrite) in &ty.relations {
            let mut visited = BTreeSet::new();
            visited.insert((ty.type_name.as_str(), relation.as_str()));
            let (has_entry, looped) =
                has_entry_point(model, &ty.type_name, relation, rewrite, &visited, 0);
            if !has_entry {
                let why = if looped {
                    "potential loop"
                } else {
                    "no entrypoint"
                };
                findings.push(Finding {
                    message: format!(
                        "`{relation}` is an impossible relation for `{}` ({why}).",
                        ty.type_name
                    ),
                    error_type: "relation-no-entry-point",
                    symbol: relation.clone(),
                    anchor: Anchor::Relation(&ty.type_name, relation, 0),
                });
            }
        }
    }
}

/// The deepest chain of relations followed; deeper chains count as having no entry point.
const MAX_DEPTH: usize = 256;

/// Whether `rewrite` of `ty#relation` can be satisfied, and whether a loop was met.
fn has_entry_point<'m>(
    model: &'m AuthorizationModel,
    ty: &'m str,
    relation: &'m str,
    rewrite: &'m Userset,
    visited: &BTreeSet<(&'m str, &'m str)>,
    depth: usize,
) -> (bool, bool) {
    if depth > MAX_DEPTH {
        return (false, true);
    }
    let mut visited = visited.clone();
    visited.insert((ty, relation));
    match rewrite {
        Userset::This(_) => {
            for reference in model.directly_related(ty, relation) {
                let Some(target_relation) = reference
                    .relation
                    .as_deref()
                    .filter(|_| reference.wildcard.is_none())
                else {
                    return (true, false);
                };
                let Some(target_rewrite) = model.relation(&reference.type_name, target_relation)
                else {
                    return (false, false);
                };
                if visited.contains(&(reference.type_name.as_str(), target_relation)) {
                    continue;
                }
                let (entry, _) = has_entry_point(
                    model,
                    &reference.type_name,
                    target_relation,
                    target_rewrite,
                    &visited,
                    depth + 1,
                );
                if entry {
                    return (true, false);
                }
            }
            (false, false)
        }
        Userset::ComputedUserset(computed) => {
            let Some(target) = model.relation(ty, &computed.relation) else {
                return (false, false);
            };
            if visited.contains(&(ty, computed.relation.as_str())) {
                return (false, true);
            }
            has_entry_point(model, ty, &computed.relation, target, &visited, depth + 1)
        }
        Userset::TupleToUserset(ttu) => {
            let computed = ttu.computed_userset.relation.as_str();
            for reference in model.directly_related(ty, &ttu.tupleset.relation) {
                let Some(target) = model.relation(&reference.type_name, computed) else {
                    continue;
                };
                if visited.contains(&(reference.type_name.as_str(), computed)) {
                    continue;
                }
                let (entry, _) = has_entry_point(
                    model,
                    &reference.type_name,
                    computed,
                    target,
                    &visited,
                    depth + 1,
                );
                if entry {
                    return (true, false);
                }
            }
            (false, false)
        }
        Userset::Union(set) => {
            let mut looped = false;
            for child in &set.child {
                let (entry, child_loop) =
                    has_entry_point(model, ty, relation, child, &visited, depth + 1);
                if entry {
                    return (true, false);
                }
                looped |= child_loop;
            }
            (false, looped)
        }
        Userset::Intersection(set) => {
            for child in &set.child {
                let (entry, child_loop) =
                    has_entry_point(model, ty, relation, child, &visited, depth + 1);
                if !entry {
                    return (false, child_loop);
                }
            }
            (true, false)
        }
        Userset::Difference(difference) => {
            for side in [&difference.base, &difference.subtract] {
                let (entry, side_loop) =
                    has_entry_point(model, ty, relation, side, &visited, depth + 1);
                if !entry {
                    return (false, side_loop);
                }
            }
            (true, false)
        }
    }
}

/// Finds `symbol` as a whole word in `text`, optionally right after the word `after`.
fn find_symbol(text: &str, symbol: &str, after: Option<&str>, last: bool) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    let wanted: Vec<char> = symbol.chars().collect();
    let mut hits = Vec::new();
    for start in 0..chars.len() {
        let Some(window) = chars.get(start..start + wanted.len()) else {
            break;
        };
        if window != wanted.as_slice() {
            continue;
        }
        let before_ok = start == 0 || chars.get(start - 1).is_none_or(|c| !is_ident_char(*c));
        let after_ok = chars
            .get(start + wanted.len())
            .is_none_or(|c| !is_ident_char(*c));
        if !before_ok || !after_ok {
            continue;
        }
        if let Some(word) = after {
            let prefix: String = chars.iter().take(start).collect();
            if !prefix.trim_end().ends_with(word) {
                continue;
            }
        }
        hits.push(start);
    }
    if last {
        hits.last().copied()
    } else {
        hits.first().copied()
    }
}

fn locate(finding: Finding<'_>, source: Option<&SourceMap>) -> Diagnostic {
    let place = source.and_then(|source| match &finding.anchor {
        Anchor::Nowhere => None,
        Anchor::Schema => source.schema.as_ref().map(|s| (s.1, None)),
        Anchor::Type(name, nth) => source
            .types
            .iter()
            .filter(|t| t.name == *name && !t.extension)
            .nth(*nth)
            .map(|t| (t.span, t.file.as_ref())),
        Anchor::Relation(ty, relation, nth) => source
            .types
            .iter()
            .filter(|t| t.name == *ty)
            .flat_map(|t| t.relations.iter().map(move |r| (t, r)))
            .filter(|(_, r)| r.name == *relation)
            .nth(*nth)
            .map(|(t, r)| (r.span, t.file.as_ref())),
        Anchor::Symbol {
            type_name,
            relation,
            symbol,
            after,
            last,
        } => source
            .types
            .iter()
            .filter(|t| t.name == *type_name)
            .flat_map(|t| t.relations.iter().map(move |r| (t, r)))
            .find(|(_, r)| r.name == *relation)
            .and_then(|(t, r)| {
                let offset = find_symbol(&r.text, symbol, *after, *last)?;
                let start = r.text_at.col + offset;
                let span = Span {
                    line: r.text_at.line,
                    start,
                    end: start + symbol.chars().count(),
                };
                Some((span, t.file.as_ref()))
            }),
        Anchor::Condition(name) => source
            .conditions
            .iter()
            .find(|c| c.name == *name)
            .map(|c| (c.span, c.file.as_ref())),
    });
    let (span, file) = place.unwrap_or_default();
    let mut diagnostic = at(span, finding.message, finding.error_type, &finding.symbol);
    diagnostic.file = file.cloned();
    diagnostic
}
