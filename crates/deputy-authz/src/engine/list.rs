//! ListObjects and ListUsers: candidates are gathered from the tuples, then each is confirmed
//! with Check, so the list APIs never disagree with Check.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::time::Instant;

use super::check::{Outcome, Resolver};
use super::{
    Engine, ListLimits, ListObjectsRequest, ListUsersRequest, TupleReader, UserFilter, allowed_by,
    sorted, type_of,
};
use crate::cel::RequestContext;
use crate::error::{ErrorCode, FgaError};
use crate::model::Userset;
use crate::tuple::{TupleKey, User};

/// Keeps the most telling error: too-complex beats the rest.
fn keep(slot: &mut Option<FgaError>, e: FgaError) {
    if slot.is_none() || e.code == ErrorCode::AuthorizationModelResolutionTooComplex {
        *slot = Some(e);
    }
}

fn type_not_found(t: &str) -> FgaError {
    FgaError::new(ErrorCode::TypeNotFound, format!("type `{t}` not found"))
}

fn relation_not_found(t: &str, r: &str) -> FgaError {
    FgaError::new(
        ErrorCode::RelationNotFound,
        format!("relation `{t}#{r}` not found"),
    )
}

pub(crate) fn list_objects(
    engine: &Engine,
    reader: &dyn TupleReader,
    request: &ListObjectsRequest,
    limits: ListLimits,
) -> Result<Vec<String>, FgaError> {
    let model = &engine.model;
    let def = model
        .type_definition(&request.object_type)
        .ok_or_else(|| type_not_found(&request.object_type))?;
    if !def.relations.contains_key(&request.relation) {
        return Err(relation_not_found(&request.object_type, &request.relation));
    }
    // An invalid user is a plain validation error (2000), unlike the requested type and relation.
    let user = User::parse(&request.user).ok_or_else(|| {
        FgaError::new(
            ErrorCode::ValidationError,
            format!("invalid user `{}`", request.user),
        )
    })?;
    engine
        .validate_user(&user)
        .map_err(|e| FgaError::new(ErrorCode::ValidationError, e))?;
    let overlay = engine.overlay(reader, &request.contextual_tuples)?;
    let candidates = reverse_candidates(
        engine,
        &overlay,
        &user,
        &request.user,
        &request.object_type,
        &request.relation,
    )?;
    confirm(candidates, limits, |object| {
        Resolver::new(engine, &overlay, &request.context).check(
            object,
            &request.relation,
            &user,
            &request.user,
            0,
        )
    })
}

/// Confirms candidates with Check, in order, until the limits are reached. Past a limit the
/// answer is what was confirmed so far, as OpenFGA answers; otherwise a Check error anywhere
/// is the answer.
fn confirm(
    candidates: BTreeSet<String>,
    limits: ListLimits,
    mut check: impl FnMut(&str) -> Result<Outcome, FgaError>,
) -> Result<Vec<String>, FgaError> {
    let mut found = BTreeMap::new();
    let mut error = None;
    for (n, candidate) in candidates.into_iter().enumerate() {
        if limits.max_results.is_some_and(|max| found.len() >= max)
            || (n % 16 == 0 && limits.deadline.is_some_and(|d| Instant::now() >= d))
        {
            return Ok(sorted(found));
        }
        match check(&candidate) {
            Ok(Outcome::True) => {
                found.insert(candidate, ());
            }
            Ok(_) => {}
            Err(e) => keep(&mut error, e),
        }
    }
    match error {
        Some(e) => Err(e),
        None => Ok(sorted(found)),
    }
}

/// Does `rewrite` reach relation `target` of the same object through a computed userset
/// (outside an exclusion's subtracted side)?
fn computes(rewrite: &Userset, target: &str) -> bool {
    match rewrite {
        Userset::ComputedUserset(cu) => cu.relation == target,
        Userset::Union(cs) | Userset::Intersection(cs) => {
            cs.child.iter().any(|c| computes(c, target))
        }
        Userset::Difference(d) => computes(&d.base, target),
        Userset::This(_) | Userset::TupleToUserset(_) => false,
    }
}

/// The tupleset relations of `rewrite`'s tuple-to-usersets that compute `target` on the parent.
fn tuplesets_computing<'m>(rewrite: &'m Userset, target: &str, out: &mut Vec<&'m str>) {
    match rewrite {
        Userset::TupleToUserset(ttu) if ttu.computed_userset.relation == target => {
            out.push(&ttu.tupleset.relation)
        }
        Userset::Union(cs) | Userset::Intersection(cs) => cs
            .child
            .iter()
            .for_each(|c| tuplesets_computing(c, target, out)),
        Userset::Difference(d) => tuplesets_computing(&d.base, target, out),
        _ => {}
    }
}

/// Walks from the user backwards through the reverse index to every `(object, relation)` the
/// user might hold, and returns the objects of the requested type and relation. The walk
/// ignores conditions, intersections and exclusions (it over-approximates); Check confirms.
fn reverse_candidates(
    engine: &Engine,
    reader: &dyn TupleReader,
    user: &User,
    user_str: &str,
    object_type: &str,
    relation: &str,
) -> Result<BTreeSet<String>, FgaError> {
    let model = &engine.model;
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut queue: Vec<(String, String)> = Vec::new();
    let mut push = |object: String, relation: String, queue: &mut Vec<(String, String)>| {
        if seen.insert((object.clone(), relation.clone())) {
            queue.push((object, relation));
        }
    };
    // Seeds: tuples naming the user, or the wildcard of its type.
    let wildcard = match user {
        User::Object { type_name, .. } => Some(format!("{type_name}:*")),
        _ => None,
    };
    for def in &model.type_definitions {
        for rel in def.relations.keys() {
            let restrictions = engine.directly_related(&def.type_name, rel);
            if restrictions.iter().any(|r| r.type_name == user.type_name()) {
                for name in std::iter::once(user_str).chain(wildcard.as_deref()) {
                    for t in reader.read_reverse(&def.type_name, rel, name)?.iter() {
                        push(t.object.clone(), rel.clone(), &mut queue);
                    }
                }
            }
        }
    }
    if let User::Userset {
        type_name,
        id,
        relation: r,
    } = user
    {
        push(format!("{type_name}:{id}"), r.clone(), &mut queue);
    }
    let mut out = BTreeSet::new();
    while let Some((object, rel)) = queue.pop() {
        let t = type_of(&object);
        if t == object_type && rel == relation {
            out.insert(object.clone());
        }
        let Some(def) = model.type_definition(t) else {
            continue;
        };
        // Other relations of the same object computed from this one.
        for (r2, rewrite) in &def.relations {
            if computes(rewrite, &rel) {
                push(object.clone(), r2.clone(), &mut queue);
            }
        }
        let userset = format!("{object}#{rel}");
        for other in &model.type_definitions {
            for (r3, rewrite) in &other.relations {
                // Tuples with the userset `object#rel` as their user.
                let restrictions = engine.directly_related(&other.type_name, r3);
                if restrictions
                    .iter()
                    .any(|r| r.type_name == t && r.relation.as_deref() == Some(rel.as_str()))
                {
                    for tuple in reader.read_reverse(&other.type_name, r3, &userset)?.iter() {
                        push(tuple.object.clone(), r3.clone(), &mut queue);
                    }
                }
                // Tuple-to-usersets whose parent is this object.
                let mut tuplesets = Vec::new();
                tuplesets_computing(rewrite, &rel, &mut tuplesets);
                for tupleset in tuplesets {
                    for tuple in reader
                        .read_reverse(&other.type_name, tupleset, &object)?
                        .iter()
                    {
                        push(tuple.object.clone(), r3.clone(), &mut queue);
                    }
                }
            }
        }
    }
    Ok(out)
}

pub(crate) fn list_users(
    engine: &Engine,
    reader: &dyn TupleReader,
    request: &ListUsersRequest,
    limits: ListLimits,
) -> Result<Vec<String>, FgaError> {
    let model = &engine.model;
    let object_type = type_of(&request.object);
    if !request.object.contains(':') {
        return Err(FgaError::new(
            ErrorCode::ValidationError,
            format!("invalid object `{}`", request.object),
        ));
    }
    let def = model
        .type_definition(object_type)
        .ok_or_else(|| type_not_found(object_type))?;
    if !def.relations.contains_key(&request.relation) {
        return Err(relation_not_found(object_type, &request.relation));
    }
    for filter in &request.filters {
        let fdef = model
            .type_definition(&filter.type_name)
            .ok_or_else(|| type_not_found(&filter.type_name))?;
        if let Some(r) = &filter.relation
            && !fdef.relations.contains_key(r)
        {
            return Err(relation_not_found(&filter.type_name, r));
        }
    }
    let overlay = engine.overlay(reader, &request.contextual_tuples)?;
    let mut gather = Gather {
        engine,
        reader: &overlay,
        context: &request.context,
        filters: &request.filters,
        seen: HashSet::new(),
        out: BTreeSet::new(),
    };
    gather.relation(&request.object, &request.relation)?;
    confirm(gather.out, limits, |candidate| {
        let Some(user) = User::parse(candidate) else {
            return Ok(Outcome::False);
        };
        Resolver::new(engine, &overlay, &request.context).check(
            &request.object,
            &request.relation,
            &user,
            candidate,
            0,
        )
    })
}

/// Walks the rewrites forward from an object, collecting every user of a filter type that
/// could be related (an over-approximation that Check then confirms). Unlike Check, every
/// tuple condition on the way is evaluated, so a missing parameter anywhere is an error, as
/// in OpenFGA.
struct Gather<'a> {
    engine: &'a Engine,
    reader: &'a dyn TupleReader,
    context: &'a RequestContext,
    filters: &'a [UserFilter],
    seen: HashSet<(String, String)>,
    out: BTreeSet<String>,
}

impl Gather<'_> {
    fn holds(&self, tuple: &TupleKey) -> Result<bool, FgaError> {
        match &tuple.condition {
            Some(c) if !c.name.is_empty() => {
                self.engine
                    .conditions
                    .evaluate(&c.name, c.context.as_deref(), self.context)
            }
            _ => Ok(true),
        }
    }

    fn wanted(&self, user: &User) -> bool {
        self.filters.iter().any(|f| {
            f.type_name == user.type_name()
                && match user {
                    User::Object { .. } | User::Wildcard { .. } => f.relation.is_none(),
                    User::Userset { relation, .. } => {
                        f.relation.as_deref() == Some(relation.as_str())
                    }
                }
        })
    }

    fn relation(&mut self, object: &str, relation: &str) -> Result<(), FgaError> {
        if !self.seen.insert((object.to_owned(), relation.to_owned())) {
            return Ok(());
        }
        let object_type = type_of(object);
        if self
            .filters
            .iter()
            .any(|f| f.type_name == object_type && f.relation.as_deref() == Some(relation))
        {
            self.out.insert(format!("{object}#{relation}"));
        }
        let Some(rewrite) = self.engine.relation(object_type, relation) else {
            return Ok(());
        };
        self.rewrite(object, relation, rewrite)
    }

    fn rewrite(&mut self, object: &str, relation: &str, rewrite: &Userset) -> Result<(), FgaError> {
        let object_type = type_of(object);
        match rewrite {
            Userset::This(_) => {
                let restrictions = self.engine.directly_related(object_type, relation);
                let tuples = self.reader.read(object, relation)?;
                for tuple in tuples.iter() {
                    let Some(user) = User::parse(&tuple.user) else {
                        continue;
                    };
                    let condition = tuple.condition.as_ref().map_or("", |c| c.name.as_str());
                    if !allowed_by(restrictions, &user, condition) || !self.holds(tuple)? {
                        continue;
                    }
                    if self.wanted(&user) {
                        self.out.insert(tuple.user.clone());
                    }
                    if let User::Userset {
                        type_name,
                        id,
                        relation: r,
                    } = &user
                    {
                        self.relation(&format!("{type_name}:{id}"), r)?;
                    }
                }
                Ok(())
            }
            Userset::ComputedUserset(cu) => self.relation(object, &cu.relation),
            Userset::TupleToUserset(ttu) => {
                let restrictions = self
                    .engine
                    .model
                    .directly_related(object_type, &ttu.tupleset.relation);
                let tuples = self.reader.read(object, &ttu.tupleset.relation)?;
                for tuple in tuples.iter() {
                    let Some(parent @ User::Object { .. }) = User::parse(&tuple.user) else {
                        continue;
                    };
                    let condition = tuple.condition.as_ref().map_or("", |c| c.name.as_str());
                    if allowed_by(restrictions, &parent, condition) && self.holds(tuple)? {
                        self.relation(&tuple.user, &ttu.computed_userset.relation)?;
                    }
                }
                Ok(())
            }
            Userset::Union(children) | Userset::Intersection(children) => {
                for child in &children.child {
                    self.rewrite(object, relation, child)?;
                }
                Ok(())
            }
            Userset::Difference(diff) => self.rewrite(object, relation, &diff.base),
        }
    }
}
