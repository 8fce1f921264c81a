//! Expand: one level of a relation's userset tree, in OpenFGA's shape; callers recurse into
//! computed and tuple-to-userset leaves themselves.

use serde::Serialize;

use super::{Engine, TupleReader, allowed_by, type_of};
use crate::error::{ErrorCode, FgaError};
use crate::model::Userset;
use crate::tuple::User;

/// The tree for `object#relation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UsersetTree {
    pub root: UsersetTreeNode,
}

/// A node: `name` is `object#relation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum UsersetTreeNode {
    /// Directly related users (`type:id`, `type:*`, `type:id#relation`).
    Users { name: String, users: Vec<String> },
    /// Another relation on the same object: `object#relation`.
    Computed { name: String, userset: String },
    /// `tupleset` is `object#relation`; `computed` lists `parent#relation` for each parent.
    TupleToUserset {
        name: String,
        tupleset: String,
        computed: Vec<String>,
    },
    Union {
        name: String,
        nodes: Vec<UsersetTreeNode>,
    },
    Intersection {
        name: String,
        nodes: Vec<UsersetTreeNode>,
    },
    Difference {
        name: String,
        base: Box<UsersetTreeNode>,
        subtract: Box<UsersetTreeNode>,
    },
}

pub(crate) fn expand(
    engine: &Engine,
    reader: &dyn TupleReader,
    object: &str,
    relation: &str,
) -> Result<UsersetTree, FgaError> {
    let object_type = type_of(object);
    let def = engine.model.type_definition(object_type).ok_or_else(|| {
        FgaError::new(
            ErrorCode::ValidationError,
            format!("type `{object_type}` not found"),
        )
    })?;
    let rewrite = def.relations.get(relation).ok_or_else(|| {
        FgaError::new(
            ErrorCode::ValidationError,
            format!("relation `{relation}` not found on type `{object_type}`"),
        )
    })?;
    let name = format!("{object}#{relation}");
    Ok(UsersetTree {
        root: node(engine, reader, object, relation, &name, rewrite)?,
    })
}

fn node(
    engine: &Engine,
    reader: &dyn TupleReader,
    object: &str,
    relation: &str,
    name: &str,
    rewrite: &Userset,
) -> Result<UsersetTreeNode, FgaError> {
    let object_type = type_of(object);
    let children = |cs: &[Userset]| -> Result<Vec<UsersetTreeNode>, FgaError> {
        cs.iter()
            .map(|c| node(engine, reader, object, relation, name, c))
            .collect()
    };
    Ok(match rewrite {
        Userset::This(_) => {
            let restrictions = engine.directly_related(object_type, relation);
            let tuples = reader.read(object, relation)?;
            let mut users: Vec<String> = tuples
                .iter()
                .filter(|t| {
                    let condition = t.condition.as_ref().map_or("", |c| c.name.as_str());
                    User::parse(&t.user).is_some_and(|u| allowed_by(restrictions, &u, condition))
                })
                .map(|t| t.user.clone())
                .collect();
            users.sort();
            users.dedup();
            UsersetTreeNode::Users {
                name: name.to_owned(),
                users,
            }
        }
        Userset::ComputedUserset(cu) => UsersetTreeNode::Computed {
            name: name.to_owned(),
            userset: format!("{object}#{}", cu.relation),
        },
        Userset::TupleToUserset(ttu) => {
            let restrictions = engine
                .model
                .directly_related(object_type, &ttu.tupleset.relation);
            let tuples = reader.read(object, &ttu.tupleset.relation)?;
            let mut computed: Vec<String> = tuples
                .iter()
                .filter(|t| {
                    let condition = t.condition.as_ref().map_or("", |c| c.name.as_str());
                    matches!(User::parse(&t.user), Some(u @ User::Object { .. }) if allowed_by(restrictions, &u, condition))
                })
                .map(|t| format!("{}#{}", t.user, ttu.computed_userset.relation))
                .collect();
            computed.sort();
            computed.dedup();
            UsersetTreeNode::TupleToUserset {
                name: name.to_owned(),
                tupleset: format!("{object}#{}", ttu.tupleset.relation),
                computed,
            }
        }
        Userset::Union(cs) => UsersetTreeNode::Union {
            name: name.to_owned(),
            nodes: children(&cs.child)?,
        },
        Userset::Intersection(cs) => UsersetTreeNode::Intersection {
            name: name.to_owned(),
            nodes: children(&cs.child)?,
        },
        Userset::Difference(d) => UsersetTreeNode::Difference {
            name: name.to_owned(),
            base: Box::new(node(engine, reader, object, relation, name, &d.base)?),
            subtract: Box::new(node(engine, reader, object, relation, name, &d.subtract)?),
        },
    })
}
