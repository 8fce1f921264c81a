//! JSON model → DSL in OpenFGA's canonical layout: two-space indentation, a blank line
//! between types, conditions and their parameters sorted by name, and parentheses around
//! every nested operator.

use std::fmt::Write as _;

use crate::model::{AuthorizationModel, ConditionParamTypeRef, RelationReference, Userset};

/// Prints a model as DSL, exactly as OpenFGA's `transformJSONToDSL` lays it out.
pub fn print(model: &AuthorizationModel) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "model\n  schema {}", model.schema_version);
    for definition in &model.type_definitions {
        let _ = writeln!(out, "\ntype {}", definition.type_name);
        if definition.relations.is_empty() {
            continue;
        }
        out.push_str("  relations\n");
        for (relation, rewrite) in &definition.relations {
            let directs = model.directly_related(&definition.type_name, relation);
            let _ = writeln!(
                out,
                "    define {relation}: {}",
                rewrite_text(rewrite, directs, false)
            );
        }
    }
    let mut conditions: Vec<_> = model.conditions.values().collect();
    conditions.sort_by(|a, b| a.name.cmp(&b.name));
    for condition in conditions {
        let mut parameters: Vec<_> = condition.parameters.iter().collect();
        parameters.sort_by(|a, b| a.0.cmp(b.0));
        let parameters: Vec<String> = parameters
            .iter()
            .map(|(name, ty)| format!("{name}: {}", type_text(ty)))
            .collect();
        let _ = writeln!(
            out,
            "\ncondition {}({}) {{\n  {}\n}}",
            condition.name,
            parameters.join(", "),
            condition.expression
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
