//! Tuples and the user forms they carry: `type:id`, `type:*`, `type:id#relation`.

use serde::{Deserialize, Serialize};

/// A relationship tuple: `user` has `relation` on `object`, optionally under a condition.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TupleKey {
    pub user: String,
    pub relation: String,
    pub object: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<RelationshipCondition>,
}

/// The condition a tuple is written with, and the context persisted with it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RelationshipCondition {
    pub name: String,
    /// Persisted context, as a JSON object text (kept as text so tuples stay hashable).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "context_text"
    )]
    pub context: Option<String>,
}

mod context_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        let value: Option<serde_json::Value> =
            v.as_deref().and_then(|t| serde_json::from_str(t).ok());
        value.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let value: Option<serde_json::Value> = Option::deserialize(d)?;
        Ok(value.map(|v| v.to_string()))
    }
}

/// A parsed user: an object, a typed wildcard or a userset.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum User {
    Object {
        type_name: String,
        id: String,
    },
    Wildcard {
        type_name: String,
    },
    Userset {
        type_name: String,
        id: String,
        relation: String,
    },
}

impl User {
    /// Parses `type:id`, `type:*` or `type:id#relation`.
    pub fn parse(s: &str) -> Option<User> {
        let (object, relation) = match s.split_once('#') {
            Some((o, r)) => (o, Some(r)),
            None => (s, None),
        };
        let (type_name, id) = object.split_once(':')?;
        if type_name.is_empty() || id.is_empty() {
            return None;
        }
        Some(match relation {
            Some(r) if !r.is_empty() && id != "*" => User::Userset {
                type_name: type_name.to_owned(),
                id: id.to_owned(),
                relation: r.to_owned(),
            },
            Some(_) => return None,
            None if id == "*" => User::Wildcard {
                type_name: type_name.to_owned(),
            },
            None => User::Object {
                type_name: type_name.to_owned(),
                id: id.to_owned(),
            },
        })
    }

    pub fn type_name(&self) -> &str {
        match self {
            User::Object { type_name, .. }
            | User::Wildcard { type_name }
            | User::Userset { type_name, .. } => type_name,
        }
    }
}

impl std::fmt::Display for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            User::Object { type_name, id } => write!(f, "{type_name}:{id}"),
            User::Wildcard { type_name } => write!(f, "{type_name}:*"),
            User::Userset {
                type_name,
                id,
                relation,
            } => write!(f, "{type_name}:{id}#{relation}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_forms_round_trip() {
        for s in ["user:anne", "user:*", "group:eng#member"] {
            assert_eq!(User::parse(s).map(|u| u.to_string()).as_deref(), Some(s));
        }
        for bad in ["anne", ":x", "user:", "user:*#member", "group:eng#"] {
            assert_eq!(User::parse(bad), None, "{bad}");
        }
    }
}
