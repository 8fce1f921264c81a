//! JSON model → DSL in OpenFGA's canonical layout: two-space indentation, a blank line
//! between types, conditions and their parameters sorted by name, and parentheses around
//! every nested operator.

use std::cmp::Ordering;
use std::fmt::Write as _;

use crate::model::{
    AuthorizationModel, Condition, ConditionParamTypeRef, RelationReference, SourceInfo,
    TypeDefinition, Userset,
};

/// Prints a model as DSL, exactly as OpenFGA's `transformJSONToDSL` lays it out. A modular
/// model (one whose types name their module) is printed as one combined model, ordered by
/// module and file.
pub fn print(model: &AuthorizationModel) -> String {
    print_model(model, false)
}

/// Prints a modular model with comments naming each type's, extended relation's and
/// condition's module and file (`# module: core, file: core.fga`), as OpenFGA's
/// `includeSourceInformation` option does. Other models print as [`print`] prints them.
pub fn print_with_source_info(model: &AuthorizationModel) -> String {
    print_model(model, true)
}

/// The origin of an element, for ordering and source comments.
#[derive(Clone, Copy)]
struct Origin<'m> {
    module: Option<&'m str>,
    file: &'m str,
}

impl<'m> Origin<'m> {
    fn of(module: Option<&'m String>, source_info: Option<&'m SourceInfo>) -> Self {
        Self {
            module: module.map(String::as_str).filter(|m| !m.is_empty()),
            file: source_info.map_or("", |s| s.file.as_str()),
        }
    }

    /// ` #{lead} module: core, file: core.fga`, or nothing.
    fn comment(self, lead: &str, enabled: bool) -> String {
        match self.module {
            Some(module) if enabled => {
                format!(" #{lead} module: {module}, file: {}", self.file)
            }
            _ => String::new(),
        }
    }
}

/// OpenFGA's order for modular models: elements without a module first (by name), then by
/// module, file and name.
fn by_module(a: (&str, Origin<'_>), b: (&str, Origin<'_>)) -> Ordering {
    match (a.1.module, b.1.module) {
        (None, None) => by_name(a.0, b.0),
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => by_name(x, y)
            .then_with(|| by_name(a.1.file, b.1.file))
            .then_with(|| by_name(a.0, b.0)),
    }
}

/// Names compare as OpenFGA's `localeCompare` mostly does: ignoring case first.
fn by_name(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

fn type_origin(t: &TypeDefinition) -> (&str, Origin<'_>) {
    let meta = t.metadata.as_ref();
    (
        t.type_name.as_str(),
        Origin::of(
            meta.and_then(|m| m.module.as_ref()),
            meta.and_then(|m| m.source_info.as_ref()),
        ),
    )
}

fn condition_origin(c: &Condition) -> (&str, Origin<'_>) {
    let meta = c.metadata.as_ref();
    (
        c.name.as_str(),
        Origin::of(
            meta.and_then(|m| m.module.as_ref()),
            meta.and_then(|m| m.source_info.as_ref()),
        ),
    )
}

fn print_model(model: &AuthorizationModel, source_info: bool) -> String {
    let modular = model
        .type_definitions
        .iter()
        .any(|t| t.metadata.as_ref().is_some_and(|m| m.module.is_some()));
    let mut types: Vec<&TypeDefinition> = model.type_definitions.iter().collect();
    if modular {
        types.sort_by(|a, b| by_module(type_origin(a), type_origin(b)));
    }
    let mut out = String::new();
    let _ = writeln!(out, "model\n  schema {}", model.schema_version);
    for definition in types {
        let (_, origin) = type_origin(definition);
        let _ = writeln!(
            out,
            "\ntype {}{}",
            definition.type_name,
            origin.comment("", source_info)
        );
        if definition.relations.is_empty() {
            continue;
        }
        out.push_str("  relations\n");
        let metadata = definition.metadata.as_ref();
        let relation_origin = |name: &'_ String| {
            let meta = metadata.and_then(|m| m.relations.get(name));
            Origin::of(
                meta.and_then(|r| r.module.as_ref()),
                meta.and_then(|r| r.source_info.as_ref()),
            )
        };
        let mut relations: Vec<_> = definition.relations.iter().collect();
        if modular {
            relations.sort_by(|a, b| {
                by_module(
                    (a.0.as_str(), relation_origin(a.0)),
                    (b.0.as_str(), relation_origin(b.0)),
                )
            });
        }
        for (relation, rewrite) in relations {
            let directs = model.directly_related(&definition.type_name, relation);
            let _ = writeln!(
                out,
                "    define {relation}: {}{}",
                rewrite_text(rewrite, directs, false),
                relation_origin(relation).comment(" extended by:", source_info)
            );
        }
    }
    let mut conditions: Vec<_> = model.conditions.values().collect();
    if modular {
        conditions.sort_by(|a, b| by_module(condition_origin(a), condition_origin(b)));
    } else {
        conditions.sort_by(|a, b| a.name.cmp(&b.name));
    }
    for condition in conditions {
        let mut parameters: Vec<_> = condition.parameters.iter().collect();
        parameters.sort_by(|a, b| a.0.cmp(b.0));
        let parameters: Vec<String> = parameters
            .iter()
            .map(|(name, ty)| format!("{name}: {}", type_text(ty)))
            .collect();
        let _ = writeln!(
            out,
            "\ncondition {}({}) {{\n  {}\n}}{}",
            condition.name,
            parameters.join(", "),
            condition.expression,
            condition_origin(condition).1.comment("", source_info)
        );
    }
    out
}

fn type_text(ty: &ConditionParamTypeRef) -> String {
    match ty.generic_types.first() {
        Some(inner) => format!("{}<{}>", ty.type_name.dsl_name(), type_text(inner)),
        None => ty.type_name.dsl_name().to_owned(),
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
    if !reference.condition.is_empty() {
        text.push_str(" with ");
        text.push_str(&reference.condition);
    }
    text
}

fn rewrite_text(rewrite: &Userset, directs: &[RelationReference], nested: bool) -> String {
    let joined = |children: &[Userset], operator: &str| {
        let parts: Vec<String> = children
            .iter()
            .map(|child| rewrite_text(child, directs, true))
            .collect();
        parts.join(operator)
    };
    let text = match rewrite {
        Userset::This(_) => {
            let parts: Vec<String> = directs.iter().map(restriction_text).collect();
            return format!("[{}]", parts.join(", "));
        }
        Userset::ComputedUserset(computed) => return computed.relation.clone(),
        Userset::TupleToUserset(ttu) => {
            return format!(
                "{} from {}",
                ttu.computed_userset.relation, ttu.tupleset.relation
            );
        }
        Userset::Union(set) => joined(&set.child, " or "),
        Userset::Intersection(set) => joined(&set.child, " and "),
        Userset::Difference(difference) => format!(
            "{} but not {}",
            rewrite_text(&difference.base, directs, true),
            rewrite_text(&difference.subtract, directs, true)
        ),
    };
    if nested { format!("({text})") } else { text }
}
