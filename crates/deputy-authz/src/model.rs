//! The authorization model in OpenFGA's JSON form (`openfga.v1.AuthorizationModel`), which
//! the DSL compiles to and the engine evaluates. Maps keep their written order, so printing a
//! model back to the DSL reproduces its layout.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// A whole model: types with their relations, and conditions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthorizationModel {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub schema_version: String,
    #[serde(default)]
    pub type_definitions: Vec<TypeDefinition>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub conditions: IndexMap<String, Condition>,
}

impl AuthorizationModel {
    pub fn type_definition(&self, name: &str) -> Option<&TypeDefinition> {
        self.type_definitions.iter().find(|t| t.type_name == name)
    }

    /// The rewrite of `object_type#relation`.
    pub fn relation(&self, object_type: &str, relation: &str) -> Option<&Userset> {
        self.type_definition(object_type)
            .and_then(|t| t.relations.get(relation))
    }

    /// The user types a relation may be assigned directly (its type restrictions).
    pub fn directly_related(&self, object_type: &str, relation: &str) -> &[RelationReference] {
        self.type_definition(object_type)
            .and_then(|t| t.metadata.as_ref())
            .and_then(|m| m.relations.get(relation))
            .map_or(&[], |r| r.directly_related_user_types.as_slice())
    }
}

/// A type and its relations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TypeDefinition {
    #[serde(rename = "type")]
    pub type_name: String,
    #[serde(default)]
    pub relations: IndexMap<String, Userset>,
    #[serde(default)]
    pub metadata: Option<Metadata>,
}

/// A type's metadata: its relations' type restrictions, and for modular models where the
/// type was defined.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default)]
    pub relations: IndexMap<String, RelationMetadata>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_info: Option<SourceInfo>,
}

/// A relation's type restrictions and origin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RelationMetadata {
    #[serde(default)]
    pub directly_related_user_types: Vec<RelationReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_info: Option<SourceInfo>,
}

/// The file a modular model's element came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    #[serde(default)]
    pub file: String,
}

/// One allowed user shape: `user`, `user:*`, `group#member`, optionally `with condition`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RelationReference {
    #[serde(rename = "type")]
    pub type_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wildcard: Option<Wildcard>,
    /// The condition a tuple of this shape must carry; empty means none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub condition: String,
}

/// The marker for a typed wildcard (`user:*`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Wildcard {}

/// A relation's rewrite rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Userset {
    /// Directly assigned tuples (`[user, group#member]`).
    #[serde(rename = "this")]
    This(DirectUserset),
    /// Another relation on the same object (`define viewer: editor`).
    #[serde(rename = "computedUserset")]
    ComputedUserset(ObjectRelation),
    /// A relation on the objects a tupleset relation points at (`viewer from parent`).
    #[serde(rename = "tupleToUserset")]
    TupleToUserset(TupleToUserset),
    #[serde(rename = "union")]
    Union(Usersets),
    #[serde(rename = "intersection")]
    Intersection(Usersets),
    /// `base but not subtract`.
    #[serde(rename = "difference")]
    Difference(Difference),
}

/// The (empty) body of a `this` rewrite.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectUserset {}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectRelation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub object: String,
    #[serde(default)]
    pub relation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TupleToUserset {
    pub tupleset: ObjectRelation,
    #[serde(rename = "computedUserset")]
    pub computed_userset: ObjectRelation,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Usersets {
    #[serde(default)]
    pub child: Vec<Userset>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    pub base: Box<Userset>,
    pub subtract: Box<Userset>,
}

/// A named CEL condition with typed parameters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub name: String,
    pub expression: String,
    #[serde(default)]
    pub parameters: IndexMap<String, ConditionParamTypeRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ConditionMetadata>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConditionMetadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_info: Option<SourceInfo>,
}

/// A parameter's type: `TYPE_NAME_INT`, or `TYPE_NAME_LIST` / `TYPE_NAME_MAP` with one
/// generic type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionParamTypeRef {
    pub type_name: TypeName,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generic_types: Vec<ConditionParamTypeRef>,
}

/// Condition parameter types, named as in OpenFGA's JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TypeName {
    #[serde(rename = "TYPE_NAME_UNSPECIFIED")]
    Unspecified,
    #[serde(rename = "TYPE_NAME_ANY")]
    Any,
    #[serde(rename = "TYPE_NAME_BOOL")]
    Bool,
    #[serde(rename = "TYPE_NAME_STRING")]
    String,
    #[serde(rename = "TYPE_NAME_INT")]
    Int,
    #[serde(rename = "TYPE_NAME_UINT")]
    Uint,
    #[serde(rename = "TYPE_NAME_DOUBLE")]
    Double,
    #[serde(rename = "TYPE_NAME_DURATION")]
    Duration,
    #[serde(rename = "TYPE_NAME_TIMESTAMP")]
    Timestamp,
    #[serde(rename = "TYPE_NAME_MAP")]
    Map,
    #[serde(rename = "TYPE_NAME_LIST")]
    List,
    #[serde(rename = "TYPE_NAME_IPADDRESS")]
    IpAddress,
}

impl TypeName {
    /// The DSL spelling (`int`, `map`, `ipaddress`).
    pub fn dsl_name(self) -> &'static str {
        match self {
            TypeName::Unspecified => "unspecified",
            TypeName::Any => "any",
            TypeName::Bool => "bool",
            TypeName::String => "string",
            TypeName::Int => "int",
            TypeName::Uint => "uint",
            TypeName::Double => "double",
            TypeName::Duration => "duration",
            TypeName::Timestamp => "timestamp",
            TypeName::Map => "map",
            TypeName::List => "list",
            TypeName::IpAddress => "ipaddress",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_language_corpus_json() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpus/openfga/language/tests/data/transformer"
        );
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path().join("authorization-model.json");
            let text = std::fs::read_to_string(&path).unwrap();
            let model: AuthorizationModel =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(model.schema_version, "1.1");
            read += 1;
        }
        assert_eq!(read, 29);
    }
}
