//! Check, BatchCheck, ListObjects, ListUsers and Expand with OpenFGA's semantics over a model
//! and a [`TupleReader`].
//!
//! Stored tuples that no longer match the model's type restrictions (or their conditions) are
//! ignored at evaluation time. Contextual tuples are validated like writes and overlaid on the
//! reader for one request. A cycle evaluates to "not provably allowed", which also blocks an
//! exclusion; recursion deeper than [`RESOLVE_NODE_LIMIT`] is error 2002.

mod check;
mod expand;
mod list;

use std::borrow::Cow;
use std::collections::BTreeMap;

pub use expand::{UsersetTree, UsersetTreeNode};

use crate::cel::{ConditionSet, RequestContext};
use crate::error::{ErrorCode, FgaError};
use crate::memory::MemoryTuples;
use crate::model::{AuthorizationModel, RelationReference, Userset};
use crate::tuple::{RelationshipCondition, TupleKey, User};

/// OpenFGA's default maximum resolution depth.
pub const RESOLVE_NODE_LIMIT: u32 = 25;
/// The most contextual tuples one request may carry.
pub const MAX_CONTEXTUAL_TUPLES: usize = 100;
/// The most checks in one BatchCheck.
pub const MAX_BATCH_CHECKS: usize = 50;

/// Where the engine reads tuples from. The in-memory [`MemoryTuples`] implements it here;
/// `deputy-store` implements it over SQL.
pub trait TupleReader {
    /// Tuples `object#relation@…`: users, usersets and wildcards with their conditions.
    fn read(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError>;
    /// The tuple `object#relation@user` for one exact user string, if stored.
    fn read_user(
        &self,
        object: &str,
        relation: &str,
        user: &str,
    ) -> Result<Option<Cow<'_, TupleKey>>, FgaError>;
    /// The tuples `object#relation@type:id#relation` whose user is a userset.
    fn read_usersets(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError>;
    /// Tuples `object_type:…#relation@user` for one exact user string (reverse lookups).
    fn read_reverse(
        &self,
        object_type: &str,
        relation: &str,
        user: &str,
    ) -> Result<Cow<'_, [TupleKey]>, FgaError>;
    /// Calls `visit` with the user and condition of each tuple `object#relation@…` (only
    /// those whose user is a userset when `usersets_only`), in the order of
    /// [`TupleReader::read`], until it returns false: all Check needs of them. The default
    /// reads the tuples; a reader that keeps them compactly can answer without touching them.
    fn visit_users(
        &self,
        object: &str,
        relation: &str,
        usersets_only: bool,
        visit: &mut dyn FnMut(&str, Option<&RelationshipCondition>) -> bool,
    ) -> Result<(), FgaError> {
        let tuples = if usersets_only {
            self.read_usersets(object, relation)?
        } else {
            self.read(object, relation)?
        };
        for t in tuples.iter() {
            if !visit(&t.user, t.condition.as_ref()) {
                break;
            }
        }
        Ok(())
    }
}

/// A reader with a request's contextual tuples laid over it.
struct Overlay<'a> {
    base: &'a dyn TupleReader,
    extra: MemoryTuples,
}

fn concat<'a>(base: Cow<'a, [TupleKey]>, extra: Cow<'a, [TupleKey]>) -> Cow<'a, [TupleKey]> {
    if extra.is_empty() {
        return base;
    }
    if base.is_empty() {
        return extra;
    }
    let mut all = base.into_owned();
    for t in extra.iter() {
        if !all
            .iter()
            .any(|b| b.user == t.user && b.relation == t.relation && b.object == t.object)
        {
            all.push(t.clone());
        }
    }
    Cow::Owned(all)
}

impl TupleReader for Overlay<'_> {
    fn read_user(
        &self,
        object: &str,
        relation: &str,
        user: &str,
    ) -> Result<Option<Cow<'_, TupleKey>>, FgaError> {
        match self.base.read_user(object, relation, user)? {
            Some(t) => Ok(Some(t)),
            None => self.extra.read_user(object, relation, user),
        }
    }

    fn read_usersets(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        Ok(concat(
            self.base.read_usersets(object, relation)?,
            self.extra.read_usersets(object, relation)?,
        ))
    }

    fn read(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        Ok(concat(
            self.base.read(object, relation)?,
            self.extra.read(object, relation)?,
        ))
    }

    fn read_reverse(
        &self,
        object_type: &str,
        relation: &str,
        user: &str,
    ) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        Ok(concat(
            self.base.read_reverse(object_type, relation, user)?,
            self.extra.read_reverse(object_type, relation, user)?,
        ))
    }
}

/// A Check question.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    pub tuple_key: TupleKey,
    pub contextual_tuples: Vec<TupleKey>,
    pub context: RequestContext,
}

/// A ListObjects question.
#[derive(Debug, Clone, Default)]
pub struct ListObjectsRequest {
    pub object_type: String,
    pub relation: String,
    pub user: String,
    pub contextual_tuples: Vec<TupleKey>,
    pub context: RequestContext,
}

/// A ListUsers user filter: `type` or `type#relation`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserFilter {
    pub type_name: String,
    pub relation: Option<String>,
}

impl UserFilter {
    /// Parses `type` or `type#relation`.
    pub fn parse(s: &str) -> UserFilter {
        match s.split_once('#') {
            Some((t, r)) => UserFilter {
                type_name: t.to_owned(),
                relation: Some(r.to_owned()),
            },
            None => UserFilter {
                type_name: s.to_owned(),
                relation: None,
            },
        }
    }
}

/// A ListUsers question.
#[derive(Debug, Clone)]
pub struct ListUsersRequest {
    pub object: String,
    pub relation: String,
    pub filters: Vec<UserFilter>,
    pub contextual_tuples: Vec<TupleKey>,
    pub context: RequestContext,
}

/// Bounds on a ListObjects or ListUsers answer, like OpenFGA's `listObjectsMaxResults`
/// and `listObjectsDeadline` (1,000 results and 3 s in its server). Reaching one ends the
/// answer early with what was confirmed so far. The default is unbounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListLimits {
    pub max_results: Option<usize>,
    /// A monotonic instant given by the caller; the engine only compares against it.
    pub deadline: Option<std::time::Instant>,
}

type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A relation's rewrite and type restrictions, found by hashing instead of scanning.
#[derive(Debug)]
struct RelationEntry {
    rewrite: Userset,
    restrictions: Vec<RelationReference>,
}

/// A model prepared for evaluation: the model, its relations indexed by type and name, and
/// its compiled conditions.
#[derive(Debug)]
pub struct Engine {
    model: AuthorizationModel,
    relations: Map<String, Map<String, RelationEntry>>,
    conditions: ConditionSet,
}

impl Engine {
    pub fn new(model: AuthorizationModel) -> Engine {
        let conditions = ConditionSet::compile(&model);
        let mut relations: Map<String, Map<String, RelationEntry>> = Map::default();
        for def in &model.type_definitions {
            let entries = relations.entry(def.type_name.clone()).or_default();
            for (name, rewrite) in &def.relations {
                entries.insert(
                    name.clone(),
                    RelationEntry {
                        rewrite: rewrite.clone(),
                        restrictions: model.directly_related(&def.type_name, name).to_vec(),
                    },
                );
            }
        }
        Engine {
            model,
            relations,
            conditions,
        }
    }

    /// The rewrite and type restrictions of `object_type#relation`, in one lookup.
    pub(crate) fn relation_entry(
        &self,
        object_type: &str,
        relation: &str,
    ) -> Option<(&Userset, &[RelationReference])> {
        self.relations
            .get(object_type)
            .and_then(|r| r.get(relation))
            .map(|e| (&e.rewrite, e.restrictions.as_slice()))
    }

    /// The rewrite of `object_type#relation`.
    pub(crate) fn relation(&self, object_type: &str, relation: &str) -> Option<&Userset> {
        self.relations
            .get(object_type)
            .and_then(|r| r.get(relation))
            .map(|e| &e.rewrite)
    }

    /// The type restrictions of `object_type#relation`.
    pub(crate) fn directly_related(
        &self,
        object_type: &str,
        relation: &str,
    ) -> &[RelationReference] {
        self.relations
            .get(object_type)
            .and_then(|r| r.get(relation))
            .map_or(&[], |e| e.restrictions.as_slice())
    }

    pub fn model(&self) -> &AuthorizationModel {
        &self.model
    }

    /// Validates contextual tuples and lays them over the reader.
    fn overlay<'a>(
        &self,
        reader: &'a dyn TupleReader,
        contextual: &[TupleKey],
    ) -> Result<Overlay<'a>, FgaError> {
        if contextual.len() > MAX_CONTEXTUAL_TUPLES {
            return Err(FgaError::new(
                ErrorCode::ValidationError,
                format!("at most {MAX_CONTEXTUAL_TUPLES} contextual tuples are allowed"),
            ));
        }
        for tuple in contextual {
            validate_tuple(&self.model, tuple)
                .map_err(|e| FgaError::new(ErrorCode::InvalidTuple, e))?;
        }
        Ok(Overlay {
            base: reader,
            extra: MemoryTuples::from_tuples(contextual),
        })
    }

    /// Is `tuple_key.user` related to `tuple_key.object` by `tuple_key.relation`?
    pub fn check(
        &self,
        reader: &dyn TupleReader,
        request: &CheckRequest,
    ) -> Result<bool, FgaError> {
        let key = &request.tuple_key;
        let user = self.validate_check_key(key)?;
        if request.contextual_tuples.is_empty() {
            let mut resolver = check::Resolver::new(self, reader, &request.context);
            return resolver.check_top(&key.object, &key.relation, &user, &key.user);
        }
        let overlay = self.overlay(reader, &request.contextual_tuples)?;
        let mut resolver = check::Resolver::new(self, &overlay, &request.context);
        resolver.check_top(&key.object, &key.relation, &user, &key.user)
    }

    /// Runs checks independently; each gets its own result.
    pub fn batch_check(
        &self,
        reader: &dyn TupleReader,
        requests: &[CheckRequest],
    ) -> Result<Vec<Result<bool, FgaError>>, FgaError> {
        if requests.len() > MAX_BATCH_CHECKS {
            return Err(FgaError::new(
                ErrorCode::ValidationError,
                format!("at most {MAX_BATCH_CHECKS} checks are allowed in one batch"),
            ));
        }
        Ok(requests.iter().map(|r| self.check(reader, r)).collect())
    }

    fn validate_check_key(&self, key: &TupleKey) -> Result<User, FgaError> {
        let invalid = |m: String| FgaError::new(ErrorCode::ValidationError, m);
        let (object_type, id) = key
            .object
            .split_once(':')
            .filter(|(t, i)| !t.is_empty() && !i.is_empty())
            .ok_or_else(|| invalid(format!("invalid object `{}`", key.object)))?;
        if id.contains('#') || id.contains(':') {
            return Err(invalid(format!("invalid object `{}`", key.object)));
        }
        let user = User::parse(&key.user)
            .ok_or_else(|| invalid(format!("invalid user `{}`", key.user)))?;
        let relations = self
            .relations
            .get(object_type)
            .ok_or_else(|| invalid(format!("type `{object_type}` not found")))?;
        if !relations.contains_key(&key.relation) {
            return Err(invalid(format!(
                "relation `{}` not found on type `{object_type}`",
                key.relation
            )));
        }
        self.validate_user(&user).map_err(invalid)?;
        Ok(user)
    }

    /// The user's type (and userset relation) must exist in the model.
    pub(crate) fn validate_user(&self, user: &User) -> Result<(), String> {
        let relations = self
            .relations
            .get(user.type_name())
            .ok_or_else(|| format!("type `{}` not found", user.type_name()))?;
        if let User::Userset {
            relation,
            type_name,
            ..
        } = user
            && !relations.contains_key(relation)
        {
            return Err(format!(
                "relation `{relation}` not found on type `{type_name}`"
            ));
        }
        Ok(())
    }

    /// The objects of `object_type` the user has `relation` on, sorted.
    pub fn list_objects(
        &self,
        reader: &dyn TupleReader,
        request: &ListObjectsRequest,
    ) -> Result<Vec<String>, FgaError> {
        list::list_objects(self, reader, request, ListLimits::default())
    }

    /// [`Engine::list_objects`] stopping at `limits`: then the answer is partial.
    pub fn list_objects_within(
        &self,
        reader: &dyn TupleReader,
        request: &ListObjectsRequest,
        limits: ListLimits,
    ) -> Result<Vec<String>, FgaError> {
        list::list_objects(self, reader, request, limits)
    }

    /// The users of the filter types that have `relation` on `object`, rendered `type:id`,
    /// `type:*` or `type:id#relation`, sorted.
    pub fn list_users(
        &self,
        reader: &dyn TupleReader,
        request: &ListUsersRequest,
    ) -> Result<Vec<String>, FgaError> {
        list::list_users(self, reader, request, ListLimits::default())
    }

    /// [`Engine::list_users`] stopping at `limits`: then the answer is partial.
    pub fn list_users_within(
        &self,
        reader: &dyn TupleReader,
        request: &ListUsersRequest,
        limits: ListLimits,
    ) -> Result<Vec<String>, FgaError> {
        list::list_users(self, reader, request, limits)
    }

    /// One level of the userset tree for `object#relation`.
    pub fn expand(
        &self,
        reader: &dyn TupleReader,
        object: &str,
        relation: &str,
        contextual_tuples: &[TupleKey],
    ) -> Result<UsersetTree, FgaError> {
        let overlay = self.overlay(reader, contextual_tuples)?;
        expand::expand(self, &overlay, object, relation)
    }
}

/// The shape of a user string, borrowed from it: what type restrictions look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape<'a> {
    Object {
        type_name: &'a str,
    },
    Wildcard {
        type_name: &'a str,
    },
    Userset {
        type_name: &'a str,
        relation: &'a str,
    },
}

impl<'a> Shape<'a> {
    /// Parses `type:id`, `type:*` or `type:id#relation` by the rules of [`User::parse`],
    /// without allocating.
    pub(crate) fn of(s: &'a str) -> Option<Shape<'a>> {
        let (object, relation) = match s.split_once('#') {
            Some((o, r)) => (o, Some(r)),
            None => (s, None),
        };
        let (type_name, id) = object.split_once(':')?;
        if type_name.is_empty() || id.is_empty() {
            return None;
        }
        match relation {
            Some(r) if !r.is_empty() && id != "*" => Some(Shape::Userset {
                type_name,
                relation: r,
            }),
            Some(_) => None,
            None if id == "*" => Some(Shape::Wildcard { type_name }),
            None => Some(Shape::Object { type_name }),
        }
    }

    fn of_user(user: &'a User) -> Shape<'a> {
        match user {
            User::Object { type_name, .. } => Shape::Object { type_name },
            User::Wildcard { type_name } => Shape::Wildcard { type_name },
            User::Userset {
                type_name,
                relation,
                ..
            } => Shape::Userset {
                type_name,
                relation,
            },
        }
    }
}

/// Does a user of this shape (with condition `condition`) fit one of the type restrictions?
pub(crate) fn shape_allowed(
    restrictions: &[RelationReference],
    shape: Shape<'_>,
    condition: &str,
) -> bool {
    restrictions.iter().any(|r| {
        r.condition == condition
            && match shape {
                Shape::Object { type_name } => {
                    r.type_name == type_name && r.relation.is_none() && r.wildcard.is_none()
                }
                Shape::Wildcard { type_name } => r.type_name == type_name && r.wildcard.is_some(),
                Shape::Userset {
                    type_name,
                    relation,
                } => r.type_name == type_name && r.relation.as_deref() == Some(relation),
            }
    })
}

/// Does `user` (with condition `condition`) fit one of the type restrictions?
pub(crate) fn allowed_by(restrictions: &[RelationReference], user: &User, condition: &str) -> bool {
    shape_allowed(restrictions, Shape::of_user(user), condition)
}

/// Validates a tuple against the model as a write would: object, relation, user and condition.
pub fn validate_tuple(model: &AuthorizationModel, tuple: &TupleKey) -> Result<(), String> {
    let (object_type, id) = tuple
        .object
        .split_once(':')
        .filter(|(t, i)| !t.is_empty() && !i.is_empty())
        .ok_or_else(|| format!("invalid object `{}`", tuple.object))?;
    if id.contains('#')
        || id.contains(':')
        || id.starts_with('*')
        || id.chars().any(char::is_whitespace)
    {
        return Err(format!("invalid object `{}`", tuple.object));
    }
    let def = model
        .type_definition(object_type)
        .ok_or_else(|| format!("type `{object_type}` not found"))?;
    if !def.relations.contains_key(&tuple.relation) {
        return Err(format!(
            "relation `{}` not found on type `{object_type}`",
            tuple.relation
        ));
    }
    let user = User::parse(&tuple.user).ok_or_else(|| format!("invalid user `{}`", tuple.user))?;
    let user_def = model
        .type_definition(user.type_name())
        .ok_or_else(|| format!("type `{}` not found", user.type_name()))?;
    if let User::Userset { relation, .. } = &user
        && !user_def.relations.contains_key(relation)
    {
        return Err(format!(
            "relation `{relation}` not found on type `{}`",
            user.type_name()
        ));
    }
    let condition = tuple.condition.as_ref().map_or("", |c| c.name.as_str());
    if !condition.is_empty() && !model.conditions.contains_key(condition) {
        return Err(format!("condition `{condition}` is not defined"));
    }
    let restrictions = model.directly_related(object_type, &tuple.relation);
    if !allowed_by(restrictions, &user, condition) {
        return Err(format!(
            "type `{}` is not an allowed type restriction for `{object_type}#{}`",
            tuple.user, tuple.relation
        ));
    }
    Ok(())
}

/// Object type of `type:id`.
pub(crate) fn type_of(object: &str) -> &str {
    object.split_once(':').map_or(object, |(t, _)| t)
}

/// Result lists are deterministic: sorted and deduplicated.
pub(crate) fn sorted(set: BTreeMap<String, ()>) -> Vec<String> {
    set.into_keys().collect()
}
